// The popup's strings, in Russian and English (lib/i18n): the popup itself, deadline reminders,
// the export panel and the monitoring line.
import { defineMessages, pluralEn } from '../../lib/i18n/index.ts';
import { describeDue, type DeadlineItem } from '../../lib/deadlines/index.ts';
import { formatRuDate, formatSchoolYear } from '../../lib/ru/date.ts';

/** «2021-06-11» → «11 Jun 2021». */
const enDate = (iso: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

export const t = defineMessages({
  ru: {
    // Popup
    noTab: 'Не удалось определить текущую вкладку.',
    openFailed: 'Не удалось открыть рабочее пространство: {message}',
    intro:
      'Сводка хранит мероприятия и подтверждения вашей организации и помогает заполнять мониторинги. Начните с рабочего пространства или посмотрите пример.',
    loading: 'Загрузка…',
    noWindow: 'Не удалось определить окно браузера.',
    sidePanelFailed: 'Боковая панель не открылась: {message}',
    noActiveMonitoring: 'Нет активного мониторинга',
    nothingChanged: '{message} Ничего не изменено.',
    savingPage: 'Сохранение страницы',
    savePage: 'Сохранить страницу как подтверждение',
    workspace: 'Рабочее пространство',
    schoolYear: (schoolYear: string) => formatSchoolYear(schoolYear),
    doneCount: 'выполнено: {count}',
    deadlines: 'Сроки',
    noDeadlines: 'Просроченных мероприятий нет, на неделе сроков нет.',
    overdue: 'Просрочено: {count}',
    dueSoon: 'В ближайшие 7 дней: {count}',
    due: (item: DeadlineItem) => describeDue(item),
    allDeadlines: 'Все сроки в реестре',
    actions: 'Действия',
    openingForm: 'Открываем форму…',
    fillForm: 'Заполнить форму на этой странице',
    export: 'Экспорт',
    loadingWorkspace: 'Загружаем рабочее пространство…',
    openRegister: 'Открыть реестр',
    openSidePanel: 'Открыть боковую панель',

    // Deadline reminders
    notifyDenied: 'Браузер не разрешил уведомления — напоминания не включены, ничего не изменено.',
    notifyOn: 'Напоминания включены: раз в день, если есть просроченные или близкие сроки.',
    notifyOff: 'Напоминания выключены.',
    notifySaveFailed: 'Не удалось сохранить настройку напоминаний: {message} Ничего не изменено.',
    notifyToggle: 'Напоминать о сроках',
    notifyHint: 'Уведомление браузера раз в день о просроченных и близких сроках.',

    // Export
    exported: 'Файл «{name}» выгружен.',
    exportLabel: 'Экспорт мониторинга',
    exportTitle: 'Экспорт: {title}',
    checkingForm: 'Проверяем форму…',
    allFilled: 'Все показатели заполнены и подкреплены.',
    issueEmpty: 'не заполнено: {count}',
    issueUnproven: 'без подтверждения: {count}',
    issueDisagree: 'расходятся с реестром: {count}',
    exportAnyway: 'Можно выгрузить и так — пустые ячейки останутся пустыми.',
    preparingFile: 'Готовим файл…',
    download: 'Выгрузить .xlsx',
    back: 'Назад',

    // The monitoring line: «Мониторинг ШНОР: 41 из 44, срок завтра»
    fillingLine: '{title}: {filled} из {total}',
    duePassed: (iso: string) => `срок прошёл ${formatRuDate(iso)}`,
    dueToday: 'срок сегодня',
    dueTomorrow: 'срок завтра',
    dueInDays: (days: number) => `срок через ${days} ${days < 5 ? 'дня' : 'дней'}`,
    dueOn: (iso: string) => `срок ${formatRuDate(iso)}`,
  },
  en: {
    noTab: 'Could not find the current tab.',
    openFailed: 'Could not open the workspace: {message}',
    intro:
      'Svodka keeps your organisation’s activities and evidence and helps you fill in monitoring forms. Start with a workspace or look at the example.',
    loading: 'Loading…',
    noWindow: 'Could not find the browser window.',
    sidePanelFailed: 'The side panel did not open: {message}',
    noActiveMonitoring: 'No active monitoring form',
    nothingChanged: '{message} Nothing was changed.',
    savingPage: 'Saving the page',
    savePage: 'Save the page as evidence',
    workspace: 'Workspace',
    schoolYear: (schoolYear: string) => `School year ${schoolYear}`,
    doneCount: 'done: {count}',
    deadlines: 'Deadlines',
    noDeadlines: 'No overdue activities and no deadlines this week.',
    overdue: 'Overdue: {count}',
    dueSoon: 'In the next 7 days: {count}',
    due: (item: DeadlineItem) => {
      if (item.days < 0) return `overdue by ${pluralEn(-item.days, ['day', 'days'])}`;
      if (item.days === 0) return 'due today';
      if (item.days === 1) return 'due tomorrow';
      return `in ${pluralEn(item.days, ['day', 'days'])}`;
    },
    allDeadlines: 'All deadlines in the register',
    actions: 'Actions',
    openingForm: 'Opening the form…',
    fillForm: 'Fill in the form on this page',
    export: 'Export',
    loadingWorkspace: 'Loading the workspace…',
    openRegister: 'Open the register',
    openSidePanel: 'Open the side panel',

    notifyDenied:
      'The browser did not allow notifications — reminders are not on, nothing was changed.',
    notifyOn: 'Reminders are on: once a day, if anything is overdue or due soon.',
    notifyOff: 'Reminders are off.',
    notifySaveFailed: 'Could not save the reminder setting: {message} Nothing was changed.',
    notifyToggle: 'Remind me of deadlines',
    notifyHint: 'A browser notification once a day about overdue and upcoming deadlines.',

    exported: 'File “{name}” downloaded.',
    exportLabel: 'Monitoring export',
    exportTitle: 'Export: {title}',
    checkingForm: 'Checking the form…',
    allFilled: 'All indicators are filled in and backed by evidence.',
    issueEmpty: 'not filled in: {count}',
    issueUnproven: 'without evidence: {count}',
    issueDisagree: 'disagree with the register: {count}',
    exportAnyway: 'You can download it anyway — empty cells will stay empty.',
    preparingFile: 'Preparing the file…',
    download: 'Download .xlsx',
    back: 'Back',

    fillingLine: '{title}: {filled} of {total}',
    duePassed: (iso: string) => `deadline passed on ${enDate(iso)}`,
    dueToday: 'due today',
    dueTomorrow: 'due tomorrow',
    dueInDays: (days: number) => `due in ${pluralEn(days, ['day', 'days'])}`,
    dueOn: (iso: string) => `due ${enDate(iso)}`,
  },
});
