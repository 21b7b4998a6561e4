// Russian labels for enumerations; the UI and the exports share them.
import type { ActivityLevel, ActivityStatus, EvidenceKind } from './records.ts';
import { byLocale } from '../i18n/index.ts';

export const STATUS_LABELS: Record<ActivityStatus, string> = {
  planned: 'запланировано',
  in_progress: 'выполняется',
  done: 'выполнено',
  postponed: 'перенесено',
  cancelled: 'отменено',
};

export const LEVEL_LABELS: Record<ActivityLevel, string> = {
  municipal: 'Муниципальный уровень',
  school: 'Уровень образовательной организации',
};

export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  order: 'приказ',
  directive: 'распоряжение',
  resolution: 'постановление',
  decision: 'решение',
  decree: 'указ',
  federal_law: 'федеральный закон',
  law: 'закон',
  letter: 'письмо',
  protocol: 'протокол',
  agreement: 'соглашение',
  contract: 'договор',
  certificate: 'справка',
  act: 'акт',
  regulation: 'положение',
  plan: 'план',
  programme: 'программа',
  report: 'отчёт',
  web_page: 'страница сайта',
  file: 'файл',
  photo: 'фото',
  other: 'другое',
};

// The interface shows these in its own language; documents and exports keep the Russian
// tables above (the authority reads Russian).
const STATUS_LABELS_EN: Record<ActivityStatus, string> = {
  planned: 'planned',
  in_progress: 'in progress',
  done: 'done',
  postponed: 'postponed',
  cancelled: 'cancelled',
};

const LEVEL_LABELS_EN: Record<ActivityLevel, string> = {
  municipal: 'Municipal level',
  school: 'School level',
};

const EVIDENCE_KIND_LABELS_EN: Record<EvidenceKind, string> = {
  order: 'order',
  directive: 'directive',
  resolution: 'resolution',
  decision: 'decision',
  decree: 'decree',
  federal_law: 'federal law',
  law: 'law',
  letter: 'letter',
  protocol: 'minutes',
  agreement: 'agreement',
  contract: 'contract',
  certificate: 'certificate',
  act: 'act',
  regulation: 'regulations',
  plan: 'plan',
  programme: 'programme',
  report: 'report',
  web_page: 'web page',
  file: 'file',
  photo: 'photo',
  other: 'other',
};

export function statusLabel(status: ActivityStatus): string {
  return byLocale({ ru: STATUS_LABELS, en: STATUS_LABELS_EN })[status];
}

export function levelLabel(level: ActivityLevel): string {
  return byLocale({ ru: LEVEL_LABELS, en: LEVEL_LABELS_EN })[level];
}

export function evidenceKindLabel(kind: EvidenceKind): string {
  return byLocale({ ru: EVIDENCE_KIND_LABELS, en: EVIDENCE_KIND_LABELS_EN })[kind];
}
