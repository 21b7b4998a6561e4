// A draft of the narrative analysis of a period's work, in the style of seed 003 (Krymsky
// district): an opening that lists the directions, then for each direction what was done and
// when, and how many took part («приняли участие 54 педагога из 22 школ»), closing with totals.
// It is a draft: the user edits it in Word, so sentences stay plain and factual.
import { z } from 'zod';
import type { Activity, ParsedPeriod, Participation } from '../model/index.ts';
import { formatRuDate } from '../ru/date.ts';
import { MONTHS_GENITIVE, MONTHS_NOMINATIVE, MONTHS_PREPOSITIONAL } from '../ru/months.ts';
import { plural, pluralForm } from '../ru/plural.ts';
import { sectionsByDirection } from './execution-report.ts';
import { RegisterIndex, type RegisterData, type ReportFilters } from './register.ts';

export const analysisDraftSchema = z.object({
  title: z.string(),
  intro: z.array(z.string()),
  sections: z.array(z.object({ direction: z.string(), paragraphs: z.array(z.string()) })),
  summary: z.array(z.string()),
});
export type AnalysisDraft = z.infer<typeof analysisDraftSchema>;

type Forms = readonly [string, string, string];

const MONTH_IN: readonly string[] = MONTHS_PREPOSITIONAL;
const MONTH_OF: readonly string[] = MONTHS_GENITIVE;
/** «по январь 2022 года»: the accusative of a month is its nominative. */
const MONTH_ACC: readonly string[] = MONTHS_NOMINATIVE;

/** Who took part, recognised from the participation's label; forms are [one, few, many]. */
const PARTICIPANT_NOUNS: readonly { pattern: RegExp; forms: Forms }[] = [
  { pattern: /педагог/, forms: ['педагог', 'педагога', 'педагогов'] },
  { pattern: /учител/, forms: ['учитель', 'учителя', 'учителей'] },
  { pattern: /тьютор/, forms: ['тьютор', 'тьютора', 'тьюторов'] },
  { pattern: /наставник/, forms: ['наставник', 'наставника', 'наставников'] },
  { pattern: /родител/, forms: ['родитель', 'родителя', 'родителей'] },
  {
    pattern: /обучающ|учащ|ученик|школьник|выпускник|дет[еия]/,
    forms: ['обучающийся', 'обучающихся', 'обучающихся'],
  },
  {
    pattern: /руковод|директор|заместител|администрац|управленч/,
    forms: ['руководитель', 'руководителя', 'руководителей'],
  },
];
const DEFAULT_NOUN: Forms = ['участник', 'участника', 'участников'];
const SCHOOLS_NOM: Forms = ['школа', 'школы', 'школ'];
/** After «из»: из 1 школы, из 22 школ. */
const SCHOOLS_GEN: Forms = ['школы', 'школ', 'школ'];

function nounOf(label: string): Forms {
  const lower = label.toLowerCase();
  let best: { at: number; forms: Forms } | null = null;
  for (const { pattern, forms } of PARTICIPANT_NOUNS) {
    const at = lower.search(pattern);
    if (at >= 0 && (!best || at < best.at)) best = { at, forms };
  }
  return best?.forms ?? DEFAULT_NOUN;
}

function lowerFirst(text: string): string {
  // Keep abbreviations («ВПР», «ШНОР») as written.
  if (/^[А-ЯЁA-Z]{2}/.test(text)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function sentence(text: string): string {
  const t = text.trim();
  return /[.!?…]$/.test(t) ? t : `${t}.`;
}

function ym(iso: string): { y: number; m: number; d: number } {
  return {
    y: Number(iso.slice(0, 4)),
    m: Number(iso.slice(5, 7)) - 1,
    d: Number(iso.slice(8, 10)),
  };
}

function isMonthStart(iso: string): boolean {
  return iso.endsWith('-01');
}

function isMonthEnd(iso: string): boolean {
  const { y, m, d } = ym(iso);
  return new Date(Date.UTC(y, m + 1, 0)).getUTCDate() === d;
}

/** «в феврале–апреле 2021 года», «14 мая 2021 года», «до 15 декабря 2020 года». */
export function whenPhrase(period: { raw: string; parsed: ParsedPeriod | null }): string {
  const p = period.parsed;
  const raw = period.raw.replace(/\s+/g, ' ').trim();
  const day = (iso: string) => {
    const { y, m, d } = ym(iso);
    return `${d} ${MONTH_OF[m]} ${y} года`;
  };
  if (p && p.kind === 'date' && p.start) return day(p.start);
  if (p && p.kind === 'deadline' && p.end) return `до ${day(p.end)}`;
  if (p && p.kind === 'range' && p.start && p.end) {
    const a = ym(p.start);
    const b = ym(p.end);
    if (a.m === 8 && a.d === 1 && b.m === 7 && b.d === 31 && b.y === a.y + 1)
      return `в течение ${a.y}-${b.y} учебного года`;
    if (!isMonthStart(p.start) || !isMonthEnd(p.end))
      return `с ${formatRuDate(p.start)} по ${formatRuDate(p.end)}`;
    if (a.y === b.y && a.m === b.m) return `в ${MONTH_IN[a.m]} ${a.y} года`;
    if (a.y === b.y) return `в ${MONTH_IN[a.m]}–${MONTH_IN[b.m]} ${a.y} года`;
    return `с ${MONTH_OF[a.m]} ${a.y} года по ${MONTH_ACC[b.m]} ${b.y} года`;
  }
  return raw ? lowerFirst(raw) : '';
}

interface Headcount {
  /** Number of people by noun, in order of first mention. */
  groups: { forms: Forms; count: number }[];
  schoolIds: Set<string>;
  /** Schools stated only in words («из 22 школ»), when no school records are linked. */
  statedSchools: number;
}

function headcount(participants: readonly Participation[], index: RegisterIndex): Headcount {
  const groups: Headcount['groups'] = [];
  const schoolIds = new Set<string>();
  let statedSchools = 0;
  for (const p of participants) {
    if (p.count !== null && p.count > 0) {
      const forms = nounOf(p.label);
      const group = groups.find((g) => g.forms === forms);
      if (group) group.count += p.count;
      else groups.push({ forms, count: p.count });
    }
    if (p.orgId) {
      const org = index.organisations.get(p.orgId);
      if (!org || org.kind === 'school') schoolIds.add(p.orgId);
    }
    const stated = /из\s+(\d+)\s+(?:школ|ОО|образовательн)/i.exec(p.label);
    if (stated) statedSchools = Math.max(statedSchools, Number(stated[1]));
  }
  return { groups, schoolIds, statedSchools };
}

function schoolCount(h: Headcount): number {
  return h.schoolIds.size || h.statedSchools;
}

/** «приняли участие 54 педагога из 22 школ», «принял участие 1 педагог»; '' when nobody counted. */
export function participationPhrase(h: Headcount): string {
  if (h.groups.length === 0) return '';
  const people = h.groups.map((g) => plural(g.count, g.forms)).join(' и ');
  // «принял участие 21 педагог», «приняли участие 54 педагога», «… 1 педагог и 3 тьютора».
  const verb =
    h.groups.length === 1
      ? pluralForm(h.groups[0]!.count, ['принял', 'приняли', 'приняли'])
      : 'приняли';
  let phrase = `${verb} участие ${people}`;
  const schools = schoolCount(h);
  if (schools > 0) phrase += ` из ${plural(schools, SCHOOLS_GEN)}`;
  return phrase;
}

const STATUS_SENTENCE: Partial<Record<Activity['status'], string>> = {
  planned: 'Мероприятие запланировано.',
  in_progress: 'Работа продолжается.',
  postponed: 'Мероприятие перенесено на следующий период.',
};

function activityParagraph(
  activity: Activity,
  index: RegisterIndex,
): { text: string; h: Headcount } {
  const when = whenPhrase(activity.period);
  const title = activity.title.replace(/\s+/g, ' ').trim();
  const parts = [sentence(when ? `${upperFirst(when)}: ${lowerFirst(title)}` : title)];
  const report = activity.report.replace(/\s+/g, ' ').trim();
  if (report) parts.push(sentence(report));
  const status = STATUS_SENTENCE[activity.status];
  if (status && !report) parts.push(status);
  const h = headcount(activity.participants, index);
  const took = participationPhrase(h);
  if (took) parts.push(`В мероприятии ${took}.`);
  return { text: parts.join(' '), h };
}

const DONE_STATUSES: readonly Activity['status'][] = ['done', 'in_progress'];

/**
 * The draft for the activities that pass the filters (cancelled ones are left out unless the
 * filters ask for them).
 */
export function draftAnalysis(data: RegisterData, filters: ReportFilters = {}): AnalysisDraft {
  const index = new RegisterIndex(data);
  const effective: ReportFilters = filters.statuses
    ? filters
    : { ...filters, statuses: ['planned', 'in_progress', 'done', 'postponed'] };
  const sections = sectionsByDirection(data, effective);
  const when = filters.period
    ? `в период с ${formatRuDate(filters.period.from)} по ${formatRuDate(filters.period.to)}`
    : `в ${data.workspace.schoolYear} учебном году`;
  const title = `Анализ работы: ${data.workspace.name} ${when}`;
  const intro = sections.length
    ? [
        `${upperFirst(when)} работа осуществлялась по следующим направлениям: ${sections
          .map((s) => lowerFirst(s.direction))
          .join('; ')}.`,
      ]
    : [`${upperFirst(when)} мероприятия в реестре не отмечены.`];

  let done = 0;
  const totals = new Map<Forms, number>();
  const allSchools = new Set<string>();
  let statedSchools = 0;
  const out = sections.map((section) => {
    const paragraphs: string[] = [];
    const doneHere = section.activities.filter((a) => DONE_STATUSES.includes(a.status)).length;
    done += doneHere;
    paragraphs.push(
      `В рамках направления «${section.direction}» ${
        doneHere
          ? `проведено ${plural(doneHere, ['мероприятие', 'мероприятия', 'мероприятий'])}`
          : 'мероприятия запланированы'
      }.`,
    );
    for (const activity of section.activities) {
      const { text, h } = activityParagraph(activity, index);
      paragraphs.push(text);
      if (!DONE_STATUSES.includes(activity.status)) continue;
      for (const g of h.groups) totals.set(g.forms, (totals.get(g.forms) ?? 0) + g.count);
      for (const id of h.schoolIds) allSchools.add(id);
      statedSchools = Math.max(statedSchools, h.statedSchools);
    }
    return { direction: section.direction, paragraphs };
  });

  const summary: string[] = [];
  if (done > 0) {
    const parts = [
      `Всего проведено ${plural(done, ['мероприятие', 'мероприятия', 'мероприятий'])}`,
    ];
    const took = participationPhrase({
      groups: [...totals].map(([forms, count]) => ({ forms, count })),
      schoolIds: new Set(),
      statedSchools: 0,
    });
    if (took) parts.push(`в них ${took}`);
    const schools = allSchools.size || statedSchools;
    if (schools > 0)
      parts.push(
        `${pluralForm(schools, ['охвачена', 'охвачены', 'охвачено'])} ${plural(schools, SCHOOLS_NOM)}`,
      );
    summary.push(`${parts.join('; ')}.`);
  }
  return { title, intro, sections: out, summary };
}

/** Plain text of the draft, for the clipboard and the preview. */
export function analysisToText(draft: AnalysisDraft): string {
  const blocks = [draft.title, ...draft.intro];
  for (const s of draft.sections) blocks.push(`${s.direction}\n${s.paragraphs.join('\n')}`);
  if (draft.summary.length) blocks.push(`Итоги\n${draft.summary.join('\n')}`);
  return blocks.join('\n\n') + '\n';
}
