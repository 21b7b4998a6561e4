// What capture says it recognised on a page, in the interface language (the form's notice).
import { defineMessages } from '../i18n/index.ts';
import type { EvidenceKind } from '../model/index.ts';

/** «найден приказ», «найдена справка», «найдено письмо»: the participle agrees with the noun. */
const FOUND_RU: Record<EvidenceKind, string> = {
  order: 'найден приказ',
  letter: 'найдено письмо',
  directive: 'найден распорядительный документ',
  certificate: 'найдена справка',
  protocol: 'найден протокол',
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
  letter: 'a letter',
  directive: 'a directive',
  certificate: 'a certificate',
  protocol: 'minutes',
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
