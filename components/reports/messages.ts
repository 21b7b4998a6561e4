// The «Отчёты» tab's strings, in Russian and English (lib/i18n). The reports themselves (the
// .xlsx/.docx files, their names and the analytical note's text) are Russian documents for the
// education authority and are not here.
import { defineMessages } from '../../lib/i18n/index.ts';

export const t = defineMessages({
  ru: {
    periodError: 'Начало периода позже его конца.',
    saved: 'Файл «{name}» сохранён.',
    exportFailed: 'Отчёт не выгружен: {message}',
    draftFailed: 'Черновик не составлен: {message}',
    copied: 'Текст справки скопирован.',
    copyFailed: 'Не удалось скопировать: {message}',
    reports: 'Отчёты',
    filters: 'Отбор мероприятий',
    heading: 'Отчёты по реестру',
    periodFrom: 'Период: с',
    periodTo: 'по',
    directions: 'Направления',
    statuses: 'Статусы',
    execution: 'Отчёт о выполнении программы мероприятий',
    executionHint:
      'По направлениям: содержание работы, сроки, место, ответственные и отчёт с источниками (приказы, письма, страницы сайта).',
    roadmap: 'Дорожная карта',
    roadmapHint:
      'Мероприятия по уровням (муниципальный, образовательной организации) со сроками и ответственными.',
    analysis: 'Аналитическая справка',
    analysisHint:
      'Черновик по направлениям с числом мероприятий и участников; поправьте текст и выгрузите в Word.',
    preparing: 'Готовим…',
    exportXlsx: 'Выгрузить .xlsx',
    drafting: 'Составляем…',
    redraft: 'Составить заново',
    draft: 'Составить черновик',
    draftLabel: 'Черновик справки',
    draftText: 'Текст справки (можно править)',
    exportDocx: 'Выгрузить .docx',
    copy: 'Копировать текст',
  },
  en: {
    periodError: 'The period starts after it ends.',
    saved: 'File “{name}” saved.',
    exportFailed: 'Report not exported: {message}',
    draftFailed: 'Draft not made: {message}',
    copied: 'Note text copied.',
    copyFailed: 'Could not copy: {message}',
    reports: 'Reports',
    filters: 'Choice of activities',
    heading: 'Reports from the register',
    periodFrom: 'Period: from',
    periodTo: 'to',
    directions: 'Directions',
    statuses: 'Statuses',
    execution: 'Report on the implementation of the programme of activities',
    executionHint:
      'By direction: what was done, dates, place, people responsible and the report with its sources (orders, letters, web pages).',
    roadmap: 'Roadmap',
    roadmapHint: 'Activities by level (municipal, school) with deadlines and people responsible.',
    analysis: 'Analytical note',
    analysisHint:
      'A draft by direction with the numbers of activities and participants; edit the text and export it to Word.',
    preparing: 'Preparing…',
    exportXlsx: 'Export .xlsx',
    drafting: 'Drafting…',
    redraft: 'Draft again',
    draft: 'Make a draft',
    draftLabel: 'Draft of the note',
    draftText: 'Text of the note (editable)',
    exportDocx: 'Export .docx',
    copy: 'Copy text',
  },
});
