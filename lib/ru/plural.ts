/**
 * Russian plural agreement: plural(22, ['школа', 'школы', 'школ']) → «22 школы».
 * Intl.PluralRules gives the category; forms are [one, few, many].
 */
const rules = new Intl.PluralRules('ru-RU');

export function pluralForm(
  n: number,
  forms: readonly [one: string, few: string, many: string],
): string {
  switch (rules.select(n)) {
    case 'one':
      return forms[0];
    case 'few':
      return forms[1];
    default:
      return forms[2];
  }
}

export function plural(n: number, forms: readonly [string, string, string]): string {
  return `${n} ${pluralForm(n, forms)}`;
}
