// Strings of the shared components (the first-run workspace form, search), in Russian and English
// (lib/i18n).
import { defineMessages } from '../../lib/i18n/index.ts';

export const t = defineMessages({
  ru: {
    kindSchool: 'Образовательная организация (школа)',
    kindAuthority: 'Управление образования',
    kindCentre: 'Методический центр (ИМЦ, КМЦ, СЦРО)',
    kindOther: 'Другая организация',
    nameRequired: 'Укажите название организации',
    yearFormat: 'Учебный год пишется как 2020-2021',
    newWorkspace: 'Новое рабочее пространство',
    name: 'Название школы или организации',
    namePlaceholder: 'МБОУ СОШ № 12',
    kind: 'Вид организации',
    municipality: 'Муниципалитет',
    municipalityPlaceholder: 'Славянский район',
    schoolYear: 'Учебный год',
    create: 'Создать рабочее пространство',
    loadExample: 'Загрузить пример',
    searchLoading: 'Поиск загружается…',
    searchFailed: 'Поиск не загрузился: {message}. Перезагрузите страницу.',
  },
  en: {
    kindSchool: 'School',
    kindAuthority: 'Education authority',
    kindCentre: 'Methodological centre (IMTs, KMTs, STsRO)',
    kindOther: 'Other organisation',
    nameRequired: 'Enter the organisation’s name',
    yearFormat: 'Write the school year as 2020-2021',
    newWorkspace: 'New workspace',
    name: 'Name of the school or organisation',
    namePlaceholder: 'School No. 12',
    kind: 'Type of organisation',
    municipality: 'Municipality',
    municipalityPlaceholder: 'Slavyansky District',
    schoolYear: 'School year',
    create: 'Create workspace',
    loadExample: 'Load the example',
    searchLoading: 'Search is loading…',
    searchFailed: 'Search did not load: {message}. Reload the page.',
  },
});
