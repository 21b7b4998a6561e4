// The importers' user-facing refusals and preview warnings, in Russian and English (lib/i18n).
// Each is looked up when the refusal is raised, so it follows the interface language at that
// moment; Node (the CLI, tests) never switches locale and stays Russian. Column names quoted in
// the English text stay Russian: they are what the user's (Russian) documents say.
import { defineMessages } from '../i18n/index.ts';

export const t = defineMessages({
  ru: {
    nothingImported: 'Ничего не импортировано, реестр не изменён.',
    officeCorrupt: 'Файл повреждён: не удалось прочитать его как архив Office (.docx/.xlsx).',
    fileTooLarge: (name: string, mb: number, maxMb: number) =>
      `Файл «${name}» слишком велик: ${mb} МБ (допустимо до ${maxMb} МБ).`,
    fileEmpty: (name: string) => `Файл «${name}» пуст.`,
    fileProtected: (name: string) =>
      `Файл «${name}» защищён паролем или сохранён в старом формате (.doc/.xls). Снимите пароль или сохраните его как .docx или .xlsx и загрузите снова.`,
    notOfficeArchive: (name: string) =>
      `Файл «${name}» — архив, но не документ Word (.docx) и не книга Excel (.xlsx).`,
    misnamed: (name: string, word: boolean) =>
      `Файл «${name}» назван как ${word ? 'документ Word' : 'книга Excel'}, но внутри не документ Office: возможно, у него изменили расширение или он повреждён.`,
    unsupportedFormat: (name: string) =>
      `Формат файла «${name}» не поддерживается. Загрузите .docx, .xlsx или .csv либо вставьте таблицу из буфера обмена.`,
    zipBomb: (entry: string, ratio: number, maxRatio: number) =>
      `Файл похож на «zip-бомбу»: часть «${entry}» распаковывается в ${ratio} раз больше своего размера (допустимо до ${maxRatio}).`,
    unzippedTooLarge: (mb: number, maxMb: number) =>
      `Файл слишком велик в распакованном виде: ${mb} МБ (допустимо до ${maxMb} МБ).`,

    // File readers: the file opened, but holds nothing to import
    docxNoDocument: (name: string) =>
      `Файл «${name}» повреждён: в нём нет основного текста документа Word.`,
    docxUnreadable: (name: string) => `Файл «${name}» повреждён: текст документа Word не читается.`,
    docxEmpty: (name: string) => `Документ «${name}» пуст.`,
    docxNoTable: (name: string) =>
      `В документе «${name}» нет таблицы. Импорт читает мероприятия из таблиц (№, мероприятие, срок, ответственный…).`,
    xlsxUnreadable: (name: string) => `Файл «${name}» повреждён: книгу Excel не удалось прочитать.`,
    xlsxNoSheets: (name: string) => `В книге «${name}» нет заполненных листов.`,
    csvTooBig: (name: string, maxRows: number) =>
      `Файл «${name}» слишком велик для импорта: в нём больше ${maxRows.toLocaleString('ru-RU')} строк. Разделите его на части поменьше и загрузите их по очереди.`,
    xlsxTooBig: (name: string, maxRows: number, maxCells: number) =>
      `Книга «${name}» слишком велика для импорта: на листе больше ${maxRows.toLocaleString('ru-RU')} строк или ${maxCells.toLocaleString('ru-RU')} ячеек. Разделите её на части поменьше и загрузите их по очереди.`,
    pasteEmpty: 'Вставленный текст пуст.',
    pasteNoTable:
      'Во вставленном тексте нет таблицы: скопируйте строки таблицы из Word или Excel (столбцы разделяются табуляцией).',

    // Preview
    tableSkipped: (n: number, name: string) =>
      `Таблица ${n} («${name}») пропущена: в ней не найдена строка заголовков (мероприятие, срок, ответственный…).`,
    noHeaderRow:
      'Не найдена строка заголовков таблицы. Нужны столбцы хотя бы «Мероприятие» (или «Содержание работы») и «Срок» либо «Ответственный».',
    noActivities: 'В таблице не найдено ни одного мероприятия.',
    noTitle: 'Нет названия мероприятия.',
    periodNotRecognised: (period: string) => `Срок «${period}» не распознан.`,
    noPeriod: 'Срок не указан.',

    // Import plan: why a preview row is not written
    rowNotSelected: 'Строка не выбрана для импорта.',
    alreadyImported: (title: string) => `Уже импортировано: «${title}».`,
    rowNoTitle: 'В строке нет названия мероприятия.',
  },
  en: {
    nothingImported: 'Nothing was imported, the register is unchanged.',
    officeCorrupt: 'The file is damaged: it could not be read as an Office archive (.docx/.xlsx).',
    fileTooLarge: (name: string, mb: number, maxMb: number) =>
      `The file “${name}” is too large: ${mb} MB (the limit is ${maxMb} MB).`,
    fileEmpty: (name: string) => `The file “${name}” is empty.`,
    fileProtected: (name: string) =>
      `The file “${name}” is password-protected or saved in an old format (.doc/.xls). Remove the password or save it as .docx or .xlsx and upload it again.`,
    notOfficeArchive: (name: string) =>
      `The file “${name}” is an archive, but neither a Word document (.docx) nor an Excel workbook (.xlsx).`,
    misnamed: (name: string, word: boolean) =>
      `The file “${name}” is named as ${word ? 'a Word document' : 'an Excel workbook'}, but it is not an Office document inside: its extension may have been changed, or it is damaged.`,
    unsupportedFormat: (name: string) =>
      `The format of the file “${name}” is not supported. Upload a .docx, .xlsx or .csv file, or paste a table from the clipboard.`,
    zipBomb: (entry: string, ratio: number, maxRatio: number) =>
      `The file looks like a “zip bomb”: its part “${entry}” unpacks to ${ratio} times its size (the limit is ${maxRatio}).`,
    unzippedTooLarge: (mb: number, maxMb: number) =>
      `The file is too large when unpacked: ${mb} MB (the limit is ${maxMb} MB).`,

    // File readers: the file opened, but holds nothing to import
    docxNoDocument: (name: string) =>
      `The file “${name}” is damaged: the main text of the Word document is missing.`,
    docxUnreadable: (name: string) =>
      `The file “${name}” is damaged: the text of the Word document cannot be read.`,
    docxEmpty: (name: string) => `The document “${name}” is empty.`,
    docxNoTable: (name: string) =>
      `There is no table in the document “${name}”. The import reads activities from tables (№, мероприятие, срок, ответственный…).`,
    xlsxUnreadable: (name: string) =>
      `The file “${name}” is damaged: the Excel workbook could not be read.`,
    xlsxNoSheets: (name: string) => `The workbook “${name}” has no filled-in sheets.`,
    csvTooBig: (name: string, maxRows: number) =>
      `The file “${name}” is too large to import: it has more than ${maxRows.toLocaleString('en-US')} rows. Split it into smaller parts and import them one by one.`,
    xlsxTooBig: (name: string, maxRows: number, maxCells: number) =>
      `The workbook “${name}” is too large to import: a sheet has more than ${maxRows.toLocaleString('en-US')} rows or ${maxCells.toLocaleString('en-US')} cells. Split it into smaller parts and import them one by one.`,
    pasteEmpty: 'The pasted text is empty.',
    pasteNoTable:
      'There is no table in the pasted text: copy the table rows from Word or Excel (columns are separated by tabs).',

    // Preview
    tableSkipped: (n: number, name: string) =>
      `Table ${n} (“${name}”) was skipped: no header row (Мероприятие, Срок, Ответственный…) was found in it.`,
    noHeaderRow:
      'No header row was found in the table. It needs at least the columns «Мероприятие» (activity; or «Содержание работы») and «Срок» (deadline) or «Ответственный» (responsible).',
    noActivities: 'No activities were found in the table.',
    noTitle: 'The activity has no title.',
    periodNotRecognised: (period: string) => `The deadline “${period}” was not recognised.`,
    noPeriod: 'No deadline is given.',

    // Import plan: why a preview row is not written
    rowNotSelected: 'The row was not selected for import.',
    alreadyImported: (title: string) => `Already imported: “${title}”.`,
    rowNoTitle: 'The row has no activity title.',
  },
});
