// What capture says it recognised on a page, in the interface language (the form's notice).
import { defineMessages } from '../i18n/index.ts';
import type { EvidenceKind } from '../model/index.ts';

/** «найден приказ», «найдена справка», «найдено письмо»: the participle agrees with the noun. */
const FOUND_RU: Record<EvidenceKind, string> = {
  order: 'найден приказ',
  directive: 'найдено распоряжение',
  resolution: 'найдено постановление',
  decision: 'найдено решение',
  decree: 'найден указ',
  federal_law: 'найден федеральный закон',
  law: 'найден закон',
  letter: 'найдено письмо',
  protocol: 'найден протокол',
  agreement: 'найдено соглашение',
  contract: 'найден договор',
  certificate: 'найдена справка',
  act: 'найден акт',
  regulation: 'найдено положение',
  plan: 'найден план',
  programme: 'найдена программа',
  report: 'найден отчёт',
  web_page: 'найден документ',
  file: 'найден документ',
  photo: 'найден документ',
  other: 'найден документ',
};

const KIND_EN: Record<EvidenceKind, string> = {
  order: 'an order',
  directive: 'a directive',
  resolution: 'a resolution',
  decision: 'a decision',
  decree: 'a decree',
  federal_law: 'a federal law',
  law: 'a law',
  letter: 'a letter',
  protocol: 'minutes',
  agreement: 'an agreement',
  contract: 'a contract',
  certificate: 'a certificate',
  act: 'an act',
  regulation: 'regulations',
  plan: 'a plan',
  programme: 'a programme',
  report: 'a report',
  web_page: 'a document',
  file: 'a document',
  photo: 'a document',
  other: 'a document',
};

export const t = defineMessages({
  ru: {
    recognised: (kind: EvidenceKind | null, date: string | null, number: string | null) =>
      [
        `На странице ${FOUND_RU[kind ?? 'other']}`,
        date ? `от ${date}` : '',
        number ? `№ ${number}` : '',
      ]
        .filter(Boolean)
        .join(' '),
  },
  en: {
    recognised: (kind: EvidenceKind | null, date: string | null, number: string | null) =>
      `The page names ${KIND_EN[kind ?? 'other']}` +
      (date ? ` dated ${date}` : '') +
      (number ? `${date ? ',' : ''} № ${number}` : ''),
  },
});
