// Why a pair is doubtful (match.ts), why a field could not be filled or put back (lib/autofill/fill.ts), or why a value does not fit
// a field (values.ts), in Russian and English
// (lib/i18n). Shown in the autofill overlay; the values quoted are the website's, untranslated.
import { defineMessages } from '../i18n/index.ts';

export const t = defineMessages({
  ru: {
    notAccepted: (text: string) => `поле не приняло значение «${text}»`,
    replaced: (now: string) => `страница заменила значение на «${now}»`,
    checkboxRefused: 'страница не дала изменить флажок',
    choiceRefused: (label: string) => `страница не дала выбрать «${label}»`,
    valueNotRestored: 'страница не дала вернуть прежнее значение',
    choiceNotRestored: 'страница не дала вернуть прежний выбор',
    choiceNotCleared:
      'до заполнения здесь ничего не было выбрано, а снять выбор страница не даёт: снимите его сами',
    pageError: (message: string) => `ошибка на странице: ${message}`,
    noValue: 'в мониторинге нет значения для этого показателя',
    checkboxYesNo: (value: string) =>
      `флажок принимает только «Да» или «Нет», а значение «${value}»`,
    noSuchOption: (value: string, options: string) => `среди вариантов нет «${value}» (${options})`,
    numberOnly: (value: string) => `в поле можно ввести только число, а значение «${value}»`,
    dateOnly: (value: string) => `в поле нужна дата, а значение «${value}»`,
    pairAmbiguous: (others: string) => `так же похоже на: ${others}. Выберите показатель сами`,
    pairTakenElsewhere: (other: string) =>
      `больше похоже на «${other}», но он уже подобран к другому полю`,
    pairUnsure: (percent: number) =>
      `сходство ${percent} %: слов общих мало, проверьте, тот ли это показатель`,
  },
  en: {
    notAccepted: (text: string) => `the field did not accept the value «${text}»`,
    replaced: (now: string) => `the page replaced the value with «${now}»`,
    checkboxRefused: 'the page did not let the checkbox change',
    choiceRefused: (label: string) => `the page did not let «${label}» be chosen`,
    valueNotRestored: 'the page did not let the previous value be restored',
    choiceNotRestored: 'the page did not let the previous choice be restored',
    choiceNotCleared:
      'nothing was chosen here before the fill, and the page offers no way to clear it: clear it yourself',
    pageError: (message: string) => `error on the page: ${message}`,
    noValue: 'the monitoring has no value for this indicator',
    checkboxYesNo: (value: string) =>
      `a checkbox takes only «Да» or «Нет», and the value is «${value}»`,
    noSuchOption: (value: string, options: string) => `no option «${value}» among ${options}`,
    numberOnly: (value: string) => `the field takes only a number, and the value is «${value}»`,
    dateOnly: (value: string) => `the field needs a date, and the value is «${value}»`,
    pairAmbiguous: (others: string) => `just as close to: ${others}. Choose the indicator yourself`,
    pairTakenElsewhere: (other: string) =>
      `closer to «${other}», but that one is already paired with another field`,
    pairUnsure: (percent: number) =>
      `${percent} % alike: few words in common, check that this is the indicator`,
  },
});
