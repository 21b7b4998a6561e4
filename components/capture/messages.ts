// The capture's strings (saving a page as evidence, checking saved pages), in Russian and
// English (lib/i18n).
import { defineMessages } from '../../lib/i18n/index.ts';

export const t = defineMessages({
  ru: {
    // Reading the page
    cannotSave: 'Эту страницу нельзя сохранить ({message}). Ничего не сохранено.',
    notWebPage:
      'Сохранить можно только обычную веб-страницу (адрес http:// или https://). Ничего не сохранено.',
    noWindow: 'Снимок экрана недоступен: окно не найдено.',
    notPng: 'Браузер вернул снимок не в формате PNG.',
    noScreenshot: 'Снимок экрана не получен ({message}).',

    // The form
    nothingSaved: '{message} Ничего не сохранено.',
    savingPage: 'Сохранение страницы',
    page: 'Страница',
    kind: 'Вид документа',
    title: 'Название',
    date: 'Дата документа',
    number: 'Номер',
    issuer: 'Кем издан',
    issuerPlaceholder: 'УО, МКУО КМЦ…',
    note: 'Выделенный текст (примечание)',
    provesActivity: 'Подтверждает мероприятие',
    findActivity: 'Найти мероприятие',
    findActivityPlaceholder: 'Найти мероприятие: ВПР, семинар…',
    activities: 'Мероприятия',
    noLink: 'Не связывать',
    nothingFound: 'Ничего не найдено',
    withScreenshot: 'Приложить снимок экрана (PNG, {size})',
    saveEvidence: 'Сохранить подтверждение',
    cancel: 'Отмена',

    // The capture page and view
    nothingToSave:
      'Нечего сохранять: выделите текст или нажмите на ссылку правой кнопкой и выберите «Сохранить в Svodka как подтверждение».',
    openFailed: 'Не удалось открыть рабочее пространство: {message}',
    createWorkspaceFirst:
      'Сначала создайте рабочее пространство: нажмите на значок Сводки на панели браузера.',
    loading: 'Загрузка…',
    brand: 'Сводка',
    noTab: 'Не найдена вкладка для сохранения. Ничего не сохранено.',
    reading: 'Читаем страницу…',
    back: 'Назад',
    saved: (title: string, activity: string | null) =>
      `Подтверждение сохранено: «${title}»${activity !== null ? ` — связано с мероприятием «${activity}».` : '.'}`,
    openInRegister: 'Открыть в реестре',
    done: 'Готово',

    // Checking saved pages
    noSavedPages: 'Сохранённых страниц с адресом пока нет.',
    noSiteAccess: 'Без доступа к сайтам страницы не проверить. Ничего не изменено.',
    checkFailed: 'Проверка не удалась: {message}',
    checkLabel: 'Проверка сохранённых страниц',
    checking: 'Проверяем…',
    checkPages: 'Проверить сохранённые страницы',
  },
  en: {
    cannotSave: 'This page cannot be saved ({message}). Nothing was saved.',
    notWebPage:
      'Only an ordinary web page (an http:// or https:// address) can be saved. Nothing was saved.',
    noWindow: 'Screenshot unavailable: the window was not found.',
    notPng: 'The browser returned a screenshot that is not a PNG.',
    noScreenshot: 'No screenshot taken ({message}).',

    nothingSaved: '{message} Nothing was saved.',
    savingPage: 'Saving the page',
    page: 'Page',
    kind: 'Document type',
    title: 'Title',
    date: 'Document date',
    number: 'Number',
    issuer: 'Issued by',
    issuerPlaceholder: 'Education authority, methodological centre…',
    note: 'Selected text (note)',
    provesActivity: 'Evidence for activity',
    findActivity: 'Find an activity',
    findActivityPlaceholder: 'Find an activity: VPR, seminar…',
    activities: 'Activities',
    noLink: 'Do not link',
    nothingFound: 'Nothing found',
    withScreenshot: 'Attach a screenshot (PNG, {size})',
    saveEvidence: 'Save evidence',
    cancel: 'Cancel',

    nothingToSave:
      'Nothing to save: select text or right-click a link and choose «Сохранить в Svodka как подтверждение» (Save to Svodka as evidence).',
    openFailed: 'Could not open the workspace: {message}',
    createWorkspaceFirst: 'Create a workspace first: click the Svodka icon on the browser toolbar.',
    loading: 'Loading…',
    brand: 'Svodka',
    noTab: 'No tab found to save. Nothing was saved.',
    reading: 'Reading the page…',
    back: 'Back',
    saved: (title: string, activity: string | null) =>
      `Evidence saved: “${title}”${activity !== null ? ` — linked to the activity “${activity}”.` : '.'}`,
    openInRegister: 'Open in the register',
    done: 'Done',

    noSavedPages: 'No saved pages with an address yet.',
    noSiteAccess: 'Pages cannot be checked without access to their sites. Nothing was changed.',
    checkFailed: 'The check failed: {message}',
    checkLabel: 'Checking saved pages',
    checking: 'Checking…',
    checkPages: 'Check saved pages',
  },
});
