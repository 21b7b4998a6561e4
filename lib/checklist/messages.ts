// What the checklist engine tells the user about a value (why it could not be computed, what is
// still needed, what looks wrong), in Russian and English (lib/i18n). Looked up when a result is
// produced, so it follows the interface language at that moment; Node (the CLI, tests) never
// switches locale and stays Russian. Quoted titles, hints and abbreviations (ШНОР) are the user's
// or the form's own words and stay as they are, inside «».
import { defineMessages, pluralEn } from '../i18n/index.ts';

export const t = defineMessages({
  ru: {
    // auto.ts
    noRuleNoMatches:
      'Правила для показателя нет, и в реестре не нашлось похожих записей: заполните вручную.',
    noRuleCandidates:
      'Правила для показателя нет: предложены похожие записи реестра, значение выберите сами.',
    fromWording: (how: string, matched: string[], missing: string[]) =>
      `Правила для показателя нет: значение предложено по формулировке (${how}); записи реестра совпали по словам ${matched.map((w) => `«${w}»`).join(', ')}${
        missing.length ? `, не совпали ${missing.map((w) => `«${w}»`).join(', ')}` : ''
      }. Проверьте и подтвердите.`,
    howPresence: 'наличие подтверждений за период',
    howOrganisations: 'число организаций',
    howActivities: 'число мероприятий',
    howParticipants: 'сумма участников',
    howShare: 'доля ШНОР от всех ШНОР реестра',
    correctionUnknown: (id: string) => `В форме нет «${id}»: исправление не применено.`,
    correctionBadCell: (cell: string) =>
      `«${cell}» — не адрес ячейки (нужно вроде C7): исправление не применено.`,
    correctionGroup: (name: string) =>
      `«${name}» — заголовок группы, у него нет ответа: тип не меняется.`,
    teamRules: 'правила команды',
    learnNeedsEvidence: 'Отметьте подтверждения, на которых основан ответ: правило запоминает их.',
    learnNeedsActivities:
      'Отметьте мероприятия, из которых получено значение: правило запоминает их.',
    learnNoWords: 'В названиях выбранных записей нет слов, по которым их можно найти снова.',
    learnKind: 'Правило запоминается для наличия (1/0) и количеств; это значение введите вручную.',
    learnDiffers: (got: string, want: string) =>
      `По выбранным записям правило даёт ${got}, а ответ ${want}: правило не запомнено. Выберите записи, из которых получено значение.`,
    bindingAmbiguous: (code: string, text: string, candidates: string[]) =>
      `Показатель ${code} «${text.slice(0, 80)}» одинаково похож на ${candidates.length} показателя с правилами (${candidates
        .slice(0, 3)
        .map((c) => `«${c.slice(0, 60)}»`)
        .join(', ')}): правило не привязано, выберите его сами или заполните вручную.`,
    formKnown: (title: string) =>
      `Форма узнана: «${title}»; использованы её правила и исправленная структура.`,
    badFormat: 'неверный формат',
    ruleMalformed: (indicator: string, detail: string) =>
      `Правило показателя ${indicator} записано с ошибкой (${detail}): показатель заполняется вручную.`,
    ruleFailed: (indicator: string, detail: string) =>
      `Правило показателя ${indicator} не сработало (${detail}): показатель заполняется вручную.`,
    disagreement: (manual: string, proposed: string) =>
      `Введённое значение ${manual} расходится с рассчитанным по реестру ${proposed}; оставлено введённое.`,
    itemsMissing: (n: number) =>
      `Не заполнено подпунктов: ${n}; средний балл посчитан по заполненным.`,
    aboveMax: (value: number, max: number) =>
      `Средний балл ${value} больше объявленного максимума ${max}: проверьте подпункты.`,

    // rules.ts
    abbreviationCaps: 'Сокращение пишется заглавными',
    evidenceRef: (title: string, kind: string, date: string | null) =>
      `«${title}» (${kind}${date ? ` от ${date}` : ', без даты'})`,
    outsidePeriod: (evidence: string, range: string) =>
      `${evidence} вне отчётного периода ${range} — не учтено.`,
    moreOutside: (n: number) => `Ещё ${n} подтверждений вне отчётного периода не учтены.`,
    undated: (evidence: string) =>
      `${evidence}: дата не указана — не учтено, пока дата не заполнена.`,
    futureDated: (evidence: string) =>
      `${evidence} датировано позже сегодняшнего дня — проверьте дату.`,
    noProof: (n: number, kinds: string) =>
      `${n} подходящих мероприятий не учтены: к ним не привязано подтверждение (${kinds}) за период.`,
    countUnknown: (n: number) =>
      `У ${n} записей об участниках не указано их число — они не сложены.`,
    manual: (hint: string) => `Заполняется вручную: ${hint}`,
    kindsOr: (kinds: string[]) => kinds.join(' или '),
    anyKind: 'документ или страница сайта',
    withWords: (quoted: string) => ` со словами ${quoted}`,
    needEvidence: (kinds: string, words: string) =>
      `Нужно подтверждение (${kinds})${words}, датированное в отчётном периоде.`,
    needOrganisations: 'Отметьте в справочнике организаций нужные школы (ШНОР, школы-наставники).',
    needParticipants: (words: string, proofKinds: string | null) =>
      `Нужны мероприятия периода${words} с указанными школами-участницами${
        proofKinds !== null ? ` и привязанным подтверждением (${proofKinds})` : ''
      }.`,
    needCounts: (words: string) =>
      `Нужны мероприятия периода${words} с указанным числом участников.`,
    needActivities: (words: string) => `Нужны мероприятия периода${words}.`,

    // filling.ts
    nothingToConfirm: (key: string) => `Нет ответа «${key}», подтверждать нечего.`,
    needFixRule: 'Правило записано с ошибкой: заполните вручную и приложите подтверждение.',
    needChoose: (candidates: string) =>
      `Выберите значение; возможные подтверждения: ${candidates}.`,
    needAttach: 'Приложите документ или страницу сайта, подтверждающие значение.',
    reasonRejected: 'Предложение отклонено, значение не задано.',
    reasonEmpty: 'Значение не заполнено.',
    reasonOnlyOutside: 'Есть только подтверждения вне отчётного периода.',
    reasonNoProof: 'Нет подтверждения за отчётный период (0 баллов).',
    reasonUnproven: 'Значение есть, но не подкреплено подтверждением.',
    reasonDisagrees: 'Введённое значение расходится с реестром.',

    // proposals.ts
    proposeSplit: (
      row: string,
      parts: string[],
      group: { number: string; rows: number; max: number } | null,
    ) =>
      `Строка ${row} содержит ${parts.length} подпункта, записанных подряд («${parts.join('» и «')}»)` +
      (group ? `; в группе «${group.number}» ${group.rows} строк при максимуме ${group.max}` : '') +
      '. Разделить на отдельные подпункты (ячейка ответа останется общей и получит их сумму)?',
    proposeMerge: (title: string, firstRow: string, row: string) =>
      `Раздел «${title}» повторяется (строки ${firstRow} и ${row}). Объединить: оставить по каждому показателю наиболее полную версию, недостающие показатели взять из повтора, а в ячейки повтора записывать те же ответы?`,
    unknownProposal: (id: string) => `Предложение «${id}» не относится к этому шаблону.`,
  },
  en: {
    noRuleNoMatches:
      'There is no rule for this indicator, and no similar records were found in the register: fill it in by hand.',
    noRuleCandidates:
      'There is no rule for this indicator: similar register records are suggested, choose the value yourself.',
    fromWording: (how: string, matched: string[], missing: string[]) =>
      `There is no rule for this indicator: the value is proposed from its wording (${how}); register records matched the words ${matched.map((w) => `«${w}»`).join(', ')}${
        missing.length ? `, not ${missing.map((w) => `«${w}»`).join(', ')}` : ''
      }. Check and confirm it.`,
    howPresence: 'evidence dated in the period',
    howOrganisations: 'number of organisations',
    howActivities: 'number of activities',
    howParticipants: 'sum of participants',
    howShare: 'share of the register’s ШНОР',
    teamRules: 'team rules',
    learnNeedsEvidence: 'Tick the evidence the answer rests on: the rule remembers it.',
    learnNeedsActivities: 'Tick the activities the value comes from: the rule remembers them.',
    learnNoWords: 'The titles of the chosen records have no words to find them by again.',
    learnKind: 'Rules are remembered for presence (1/0) and counts; enter this value by hand.',
    learnDiffers: (got: string, want: string) =>
      `The chosen records give ${got}, but the answer is ${want}: the rule was not remembered. Choose the records the value comes from.`,
    correctionUnknown: (id: string) => `The form has no «${id}»: the correction was not applied.`,
    correctionBadCell: (cell: string) =>
      `«${cell}» is not a cell address (like C7): the correction was not applied.`,
    correctionGroup: (name: string) =>
      `«${name}» is a group heading with no answer of its own: its kind does not change.`,
    bindingAmbiguous: (code: string, text: string, candidates: string[]) =>
      `Indicator ${code} «${text.slice(0, 80)}» is equally like ${candidates.length} indicators with rules (${candidates
        .slice(0, 3)
        .map((c) => `«${c.slice(0, 60)}»`)
        .join(', ')}): no rule was bound; choose one or fill it in by hand.`,
    formKnown: (title: string) =>
      `The form was recognised: «${title}»; its rules and corrected layout are used.`,
    badFormat: 'invalid format',
    ruleMalformed: (indicator: string, detail: string) =>
      `The rule for indicator ${indicator} contains an error (${detail}): the indicator is filled in by hand.`,
    ruleFailed: (indicator: string, detail: string) =>
      `The rule for indicator ${indicator} failed (${detail}): the indicator is filled in by hand.`,
    disagreement: (manual: string, proposed: string) =>
      `The entered value ${manual} differs from the value calculated from the register, ${proposed}; the entered value is kept.`,
    itemsMissing: (n: number) =>
      `Sub-items not filled in: ${n}; the average score is calculated from the filled ones.`,
    aboveMax: (value: number, max: number) =>
      `The average score ${value} is above the declared maximum of ${max}: check the sub-items.`,

    abbreviationCaps: 'An abbreviation is written in capital letters',
    evidenceRef: (title: string, kind: string, date: string | null) =>
      `«${title}» (${kind}${date ? ` dated ${date}` : ', undated'})`,
    outsidePeriod: (evidence: string, range: string) =>
      `${evidence} is outside the reporting period ${range}: not counted.`,
    moreOutside: (n: number) =>
      `${n} more ${n === 1 ? 'piece of evidence is' : 'pieces of evidence are'} outside the reporting period and not counted.`,
    undated: (evidence: string) =>
      `${evidence}: no date is given; not counted until the date is filled in.`,
    futureDated: (evidence: string) => `${evidence} is dated after today: check the date.`,
    noProof: (n: number, kinds: string) =>
      `${pluralEn(n, ['matching activity is', 'matching activities are'])} not counted: no evidence (${kinds}) from the period is linked to ${n === 1 ? 'it' : 'them'}.`,
    countUnknown: (n: number) =>
      `${pluralEn(n, ['participant entry has', 'participant entries have'])} no number given: ${n === 1 ? 'it is' : 'they are'} not added up.`,
    manual: (hint: string) => `Filled in by hand: ${hint}`,
    kindsOr: (kinds: string[]) => kinds.join(' or '),
    anyKind: 'a document or a web page',
    withWords: (quoted: string) => ` with the words ${quoted}`,
    needEvidence: (kinds: string, words: string) =>
      `Needed: evidence (${kinds})${words}, dated within the reporting period.`,
    needOrganisations:
      'Mark the schools concerned in the list of organisations (ШНОР, mentor schools).',
    needParticipants: (words: string, proofKinds: string | null) =>
      `Needed: activities of the period${words} with the participating schools given${
        proofKinds !== null ? ` and linked evidence (${proofKinds})` : ''
      }.`,
    needCounts: (words: string) =>
      `Needed: activities of the period${words} with the number of participants given.`,
    needActivities: (words: string) => `Needed: activities of the period${words}.`,

    nothingToConfirm: (key: string) => `There is no answer «${key}», nothing to confirm.`,
    needFixRule: 'The rule contains an error: fill in the value by hand and attach evidence.',
    needChoose: (candidates: string) => `Choose the value; possible evidence: ${candidates}.`,
    needAttach: 'Attach a document or a web page that supports the value.',
    reasonRejected: 'The proposal was rejected; no value is set.',
    reasonEmpty: 'No value is filled in.',
    reasonOnlyOutside: 'There is evidence only from outside the reporting period.',
    reasonNoProof: 'No evidence for the reporting period (0 points).',
    reasonUnproven: 'There is a value, but no evidence supports it.',
    reasonDisagrees: 'The entered value differs from the register.',

    proposeSplit: (
      row: string,
      parts: string[],
      group: { number: string; rows: number; max: number } | null,
    ) =>
      `Row ${row} holds ${parts.length} sub-items written one after another («${parts.join('» and «')}»)` +
      (group
        ? `; group «${group.number}» has ${group.rows} rows for a maximum of ${group.max}`
        : '') +
      '. Split it into separate sub-items (the answer cell stays shared and gets their sum)?',
    proposeMerge: (title: string, firstRow: string, row: string) =>
      `The section «${title}» is repeated (rows ${firstRow} and ${row}). Merge: keep the most complete version of each indicator, take the missing indicators from the repeat, and write the same answers into the repeat's cells?`,
    unknownProposal: (id: string) => `The proposal «${id}» does not belong to this template.`,
  },
});
