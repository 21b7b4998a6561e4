// Russian labels for enumerations; the UI and the exports share them.
import type { ActivityLevel, ActivityStatus, EvidenceKind } from './records.ts';

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
  letter: 'письмо',
  directive: 'распоряжение',
  certificate: 'справка',
  protocol: 'протокол',
  plan: 'план',
  programme: 'программа',
  report: 'отчёт',
  web_page: 'страница сайта',
  file: 'файл',
  photo: 'фото',
  other: 'другое',
};
