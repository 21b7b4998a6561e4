// Strings of the profile card in «Настройки», in Russian and English (lib/i18n).
import { defineMessages } from '../../lib/i18n/index.ts';

export const t = defineMessages({
  ru: {
    profileTitle: 'Профиль для заполнения форм',
    profileHint:
      'Только отсюда Сводка заполняет на веб-формах поля о вас: ФИО, должность, телефон, e-mail. Хранится на этом компьютере, команде не передаётся. Пустое поле останется пустым.',
    name: 'ФИО',
    position: 'Должность',
    phone: 'Телефон',
    email: 'E-mail',
    profileSave: 'Сохранить профиль',
    profileSaved: 'Профиль сохранён.',
    profileInvalid: 'Профиль не сохранён: слишком длинное значение.',
  },
  en: {
    profileTitle: 'Profile for filling in forms',
    profileHint:
      'The only source Svodka fills fields about you from on web forms: name, position, phone, e-mail. Kept on this computer, not shared with the team. An empty field stays empty.',
    name: 'Full name',
    position: 'Position',
    phone: 'Phone',
    email: 'E-mail',
    profileSave: 'Save profile',
    profileSaved: 'Profile saved.',
    profileInvalid: 'Profile not saved: a value is too long.',
  },
});
