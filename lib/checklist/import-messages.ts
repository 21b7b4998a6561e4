// What the form importer tells the user (why a file is refused, what looked odd in the form's
// layout and how it was read), in Russian and English (lib/i18n). Looked up when a refusal or a
// warning is produced, so it follows the interface language at that moment; Node (the CLI,
// tests) never switches locale and stays Russian. File, sheet and column names and the form's
// own row texts are the user's words and stay as written: quoted «» in Russian, “” in English.
import { defineMessages, pluralEn } from '../i18n/index.ts';
import type { Role } from './form-layout.ts';

const ROLES_RU: Record<Role, string> = {
  number: 'номер',
  text: 'наименование показателя',
  score: 'баллы',
  count: 'количество',
  value: 'значение',
  note: 'примечания',
  unit: 'единица измерения',
  other: 'не столбец ответов',
  section: 'разделы',
};

const ROLES_EN: Record<Role, string> = {
  number: 'the number',
  text: 'the indicator name',
  score: 'the score',
  count: 'the count',
  value: 'the value',
  note: 'the notes',
  unit: 'the unit',
  other: 'not an answer column',
  section: 'the sections',
};

export const t = defineMessages({
  ru: {
    // errors.ts: the end of every refusal
    nothingChanged: 'Ничего не изменено.',

    // Refusals: the file is not a form the importer can read
    fileEmpty: (file: string) => `Файл «${file}» пуст.`,
    fileTooLarge: (file: string) =>
      `Файл «${file}» больше 20 МБ: это не похоже на форму мониторинга.`,
    fileProtected: (file: string) =>
      `Файл «${file}» защищён паролем или сохранён в старом формате .xls: откройте его в Excel, снимите пароль и сохраните как .xlsx.`,
    notXlsx: (file: string) => `Файл «${file}» не является книгой Excel (.xlsx).`,
    xlsxUnreadable: (file: string) => `Файл «${file}» повреждён: книгу Excel не удалось прочитать.`,
    notChecklist: (file: string) =>
      `В книге «${file}» не найдено формы мониторинга: нет строки заголовков с наименованием показателя и столбцом баллов или количества.`,

    // template-json.ts
    notJson: (file: string) => `Файл «${file}» не является JSON: шаблон не прочитан.`,
    notTemplate: (file: string, detail: string | undefined, field: string | null) =>
      `Файл «${file}» не похож на шаблон мониторинга: ${detail ?? 'неверный формат'}${
        field ? ` (поле ${field})` : ''
      }.`,

    // Warnings: how an odd layout was read
    brokenHeader: (column: string | null, label: string, word: string, role: Role) =>
      `Заголовок столбца ${column} «${label}» выглядит испорченным (слово «${word}»); столбец принят как ${ROLES_RU[role]}.`,
    answerColumnByContent: (column: string | null) =>
      `Столбец ответов не назван в заголовке; принят столбец ${column}: в нём списки выбора или отметки «не заполняется».`,
    sheetProtected: (sheet: string) =>
      `Лист «${sheet}» защищён: при выгрузке ответы будут записаны, но Excel может не дать их править.`,
    beforeFirstSection: (sheet: string) =>
      `Показатели до первого раздела собраны в раздел «${sheet}».`,
    aggregateWithoutGroup: (row: number, text: string) =>
      `Строка ${row}: «${text}» не относится ни к одной группе показателей.`,
    aggregateWithoutMax: (row: number, text: string) =>
      `Строка ${row}: в «${text}» не указан максимум («от 0 до N»).`,
    subItemWithoutIndicator: (row: number, text: string) =>
      `Строка ${row}: подпункт «${text}» без показателя над ним.`,
    allNotApplicable: (row: number, number: string) =>
      `Строка ${row}: у показателя ${number} все ячейки ответа помечены как неприменимые.`,
    continuation: (row: number, text: string, previousRow: number | null) =>
      `Строка ${row}: текст «${text}» продолжает строку ${previousRow}, присоединён к ней.`,
    takenAsSection: (row: number, text: string) =>
      `Строка ${row}: «${text}» без номера принята за название раздела.`,
    groupWithoutAverage: (group: string, row: number | null) =>
      `Группа «${group}» (строка ${row}) без строки среднего балла.`,
    groupSize: (group: string, row: number | null, items: number, max: number) =>
      `Группа «${group}» (строка ${row}): подпунктов ${items}, а максимум объявлен ${max}; проверьте форму.`,
  },
  en: {
    nothingChanged: 'Nothing was changed.',

    fileEmpty: (file: string) => `The file “${file}” is empty.`,
    fileTooLarge: (file: string) =>
      `The file “${file}” is larger than 20 MB: it does not look like a monitoring form.`,
    fileProtected: (file: string) =>
      `The file “${file}” is password-protected or saved in the old .xls format: open it in Excel, remove the password and save it as .xlsx.`,
    notXlsx: (file: string) => `The file “${file}” is not an Excel workbook (.xlsx).`,
    xlsxUnreadable: (file: string) =>
      `The file “${file}” is damaged: the Excel workbook could not be read.`,
    notChecklist: (file: string) =>
      `No monitoring form was found in the workbook “${file}”: there is no header row with an indicator name and a score or count column.`,

    notJson: (file: string) => `The file “${file}” is not JSON: the template was not read.`,
    notTemplate: (file: string, detail: string | undefined, field: string | null) =>
      `The file “${file}” does not look like a monitoring template: ${detail ?? 'invalid format'}${
        field ? ` (field ${field})` : ''
      }.`,

    brokenHeader: (column: string | null, label: string, word: string, role: Role) =>
      `The header of column ${column} “${label}” looks garbled (the word “${word}”); the column is taken as ${ROLES_EN[role]}.`,
    answerColumnByContent: (column: string | null) =>
      `The header names no answer column; column ${column} was taken: it holds drop-down lists or “not to be filled” marks.`,
    sheetProtected: (sheet: string) =>
      `The sheet “${sheet}” is protected: the answers will be written on export, but Excel may not let you edit them.`,
    beforeFirstSection: (sheet: string) =>
      `The indicators before the first section are gathered into a section “${sheet}”.`,
    aggregateWithoutGroup: (row: number, text: string) =>
      `Row ${row}: “${text}” does not belong to any group of indicators.`,
    aggregateWithoutMax: (row: number, text: string) =>
      `Row ${row}: “${text}” does not give a maximum (“от 0 до N”, from 0 to N).`,
    subItemWithoutIndicator: (row: number, text: string) =>
      `Row ${row}: the sub-item “${text}” has no indicator above it.`,
    allNotApplicable: (row: number, number: string) =>
      `Row ${row}: all answer cells of indicator ${number} are marked as not applicable.`,
    continuation: (row: number, text: string, previousRow: number | null) =>
      `Row ${row}: the text “${text}” continues row ${previousRow} and was joined to it.`,
    takenAsSection: (row: number, text: string) =>
      `Row ${row}: “${text}” has no number and was taken as a section title.`,
    groupWithoutAverage: (group: string, row: number | null) =>
      `The group “${group}” (row ${row}) has no average score row.`,
    groupSize: (group: string, row: number | null, items: number, max: number) =>
      `The group “${group}” (row ${row}) has ${pluralEn(items, ['sub-item', 'sub-items'])}, but its declared maximum is ${max}: check the form.`,
  },
});
