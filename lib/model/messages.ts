// Validation messages of the record schemas (register, capture form, checklists), in the
// interface language. zod would fix a message given as a string when the schema is built, at
// module load; the schemas pass error functions that call `t` at parse time instead, so a
// message follows the language the user chose. Russian is the default and stays byte for byte
// as it was: the forms and their tests rely on it.
import { defineMessages } from '../i18n/index.ts';

export const t = defineMessages({
  ru: {
    // Common
    tooLong: (max: number) => `Не длиннее ${max} символов`,
    enterTitle: 'Укажите название',
    // Primitives
    dateFormat: 'Введите дату в виде ДД.ММ.ГГГГ',
    notACalendarDate: 'Такой даты нет в календаре',
    badTimestamp: 'Неверная отметка времени',
    emptyId: 'Пустой идентификатор',
    badContentHash: 'Неверный хеш содержимого',
    schoolYearFormat: 'Учебный год пишется как 2020-2021',
    schoolYearConsecutive: 'Годы учебного года должны идти подряд',
    // Register records
    quarterEndsBeforeStart: 'Четверть заканчивается раньше, чем начинается',
    quartersOrder: 'Четверти должны идти по порядку и не пересекаться',
    enterOrganisationName: 'Укажите название организации',
    enterPersonName: 'Укажите ФИО',
    describeActivity: 'Опишите мероприятие',
    fileTooLarge: 'Файл больше 25 МБ',
    badUrl: 'Неверный адрес страницы',
    // Capture form
    numberTooLong: (max: number) => `Номер не длиннее ${max} символов`,
    selectionTooLong: 'Выделенный текст не длиннее 20 000 символов',
    // Checklists
    cellAddressFormat: 'Адрес ячейки пишется как C7',
    badWorkbookHash: 'Неверный хеш книги',
    enterMonitoringTitle: 'Укажите название мониторинга',
    indicatorRepeated: (id: string) => `Показатель ${id} повторяется`,
    indicatorWithoutSection: (id: string) => `У показателя ${id} нет раздела`,
    indicatorWithoutGroup: (id: string, group: string) => `У показателя ${id} нет группы ${group}`,
    enterSubjectName: 'Укажите имя',
    periodStartsAfterEnd: 'Начало периода позже его конца',
  },
  en: {
    tooLong: (max: number) => `At most ${max} characters`,
    enterTitle: 'Enter a title',
    dateFormat: 'Enter the date as DD.MM.YYYY',
    notACalendarDate: 'There is no such date in the calendar',
    badTimestamp: 'Invalid timestamp',
    emptyId: 'Empty identifier',
    badContentHash: 'Invalid content hash',
    schoolYearFormat: 'Write the school year as 2020-2021',
    schoolYearConsecutive: 'The years of a school year must be consecutive',
    quarterEndsBeforeStart: 'The term ends before it starts',
    quartersOrder: 'Terms must follow one another without overlapping',
    enterOrganisationName: 'Enter the name of the organisation',
    enterPersonName: 'Enter the full name',
    describeActivity: 'Describe the activity',
    fileTooLarge: 'The file is larger than 25 MB',
    badUrl: 'Invalid page address',
    numberTooLong: (max: number) => `The number is at most ${max} characters`,
    selectionTooLong: 'The selected text is at most 20,000 characters',
    cellAddressFormat: 'Write the cell address as C7',
    badWorkbookHash: 'Invalid workbook hash',
    enterMonitoringTitle: 'Enter the title of the monitoring',
    indicatorRepeated: (id: string) => `Indicator ${id} appears more than once`,
    indicatorWithoutSection: (id: string) => `Indicator ${id} has no section`,
    indicatorWithoutGroup: (id: string, group: string) => `Indicator ${id} has no group ${group}`,
    enterSubjectName: 'Enter a name',
    periodStartsAfterEnd: 'The period starts after it ends',
  },
});
