// Fixes for a messy source form, proposed and never applied silently. Proposals are derived from
// the template itself (deterministic ids), so `applyProposals` needs only the template and the
// ids the user accepted.
import { refuseChecklist } from './errors.ts';
import { t as msg } from './messages.ts';
import type { Indicator, Template } from './schema.ts';
import { templateSchema } from './schema.ts';

export interface Proposal {
  id: string;
  kind: 'merge-duplicate-section' | 'split-run-together';
  /** What was found and what accepting does, in the interface language. */
  message: string;
  /** merge: the repeated section, removed after its contents are merged into `intoSectionId`. */
  sectionId?: string;
  intoSectionId?: string;
  /** split: the row holding several sub-items, and the sub-items it holds. */
  indicatorId?: string;
  parts?: string[];
}

/** «; - улучшение …»: a second sub-item written in the same cell after the first. */
const RUN_TOGETHER = /[;.]\s*[-–—]\s+(?=[А-Яа-яЁёA-Za-z])/;

const norm = (s: string): string =>
  s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^a-zа-я0-9]+/g, ' ')
    .trim();

export function splitRunTogether(text: string): string[] {
  const parts = text
    .split(RUN_TOGETHER)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  return parts.length > 1 ? parts : [text];
}

export function detectProposals(t: Template): Proposal[] {
  const out: Proposal[] = [];
  for (const ind of t.indicators) {
    if (ind.kind === 'group' || ind.kind === 'aggregate' || ind.parent === null) continue;
    const parts = splitRunTogether(ind.text);
    if (parts.length < 2) continue;
    const group = t.indicators.find((g) => g.id === ind.parent);
    const rows = t.indicators.filter(
      (i) => i.parent === ind.parent && i.kind !== 'aggregate',
    ).length;
    out.push({
      id: `split:${ind.id}`,
      kind: 'split-run-together',
      indicatorId: ind.id,
      parts,
      message: msg(
        'proposeSplit',
        String(ind.row ?? '?'),
        parts.map((p) => p.slice(0, 40)),
        group?.max != null ? { number: group.number, rows, max: group.max } : null,
      ),
    });
  }
  const seen = new Map<string, string>();
  for (const s of t.sections) {
    const key = norm(s.title);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, s.id);
      continue;
    }
    const firstSection = t.sections.find((x) => x.id === first)!;
    out.push({
      id: `merge:${s.id}`,
      kind: 'merge-duplicate-section',
      sectionId: s.id,
      intoSectionId: first,
      message: msg('proposeMerge', s.title, String(firstSection.row ?? '?'), String(s.row ?? '?')),
    });
  }
  return out;
}

function applySplit(indicators: Indicator[], p: Proposal): Indicator[] {
  const out: Indicator[] = [];
  for (const ind of indicators) {
    if (ind.id !== p.indicatorId || !p.parts) {
      out.push(ind);
      continue;
    }
    p.parts.forEach((part, i) =>
      out.push({
        ...ind,
        id: `${ind.id}${String.fromCharCode(97 + i)}`,
        text: part.replace(/^[-–—]\s*/, '').replace(/\s*;\s*$/, ''),
        cells: { ...ind.cells },
        sharedCell: true,
      }),
    );
  }
  return out;
}

function familyOf(indicators: Indicator[], top: Indicator): Indicator[] {
  return [top, ...indicators.filter((i) => i.parent === top.id)];
}

function distinctCells(family: Indicator[]): number {
  return new Set(
    family
      .slice(1)
      .map((i) => i.cells.value)
      .filter(Boolean),
  ).size;
}

function withCopies(ind: Indicator, from: Indicator | undefined): Indicator {
  const extra = [from?.cells.value, ...(from?.cells.copies ?? [])].filter(
    (c): c is string => typeof c === 'string' && c !== ind.cells.value,
  );
  if (extra.length === 0 || from?.sharedCell) return ind;
  return { ...ind, cells: { ...ind.cells, copies: [...(ind.cells.copies ?? []), ...extra] } };
}

function applyMerge(t: Template, p: Proposal): Template {
  const dupId = p.sectionId!;
  const intoId = p.intoSectionId!;
  const tops = (sid: string) => t.indicators.filter((i) => i.section === sid && i.parent === null);
  const keyOf = (i: Indicator) => `${i.number}|${norm(i.text)}`;
  const dupTops = new Map(tops(dupId).map((i) => [keyOf(i), i]));
  const merged: Indicator[] = [];
  const used = new Set<string>();
  for (const a of tops(intoId)) {
    const b = dupTops.get(keyOf(a));
    if (!b) {
      merged.push(...familyOf(t.indicators, a));
      continue;
    }
    used.add(keyOf(a));
    const fa = familyOf(t.indicators, a);
    const fb = familyOf(t.indicators, b);
    const [win, lose] = distinctCells(fb) > distinctCells(fa) ? [fb, fa] : [fa, fb];
    const loserByText = new Map(lose.map((i) => [`${i.kind}|${norm(i.text)}`, i]));
    for (const ind of win) {
      const twin = ind === win[0] ? lose[0] : loserByText.get(`${ind.kind}|${norm(ind.text)}`);
      merged.push({ ...withCopies(ind, twin), section: intoId });
    }
  }
  for (const b of tops(dupId))
    if (!used.has(keyOf(b)))
      merged.push(...familyOf(t.indicators, b).map((i) => ({ ...i, section: intoId })));
  const indicators: Indicator[] = [];
  for (const s of t.sections) {
    if (s.id === dupId) continue;
    if (s.id === intoId) indicators.push(...merged);
    else indicators.push(...t.indicators.filter((i) => i.section === s.id));
  }
  return { ...t, sections: t.sections.filter((s) => s.id !== dupId), indicators };
}

/** Applies the accepted proposals (splits first, then merges); unknown ids are refused. */
export function applyProposals(template: Template, proposalIds: readonly string[]): Template {
  const wanted = new Set(proposalIds);
  let t: Template = structuredClone(template);
  const initial = detectProposals(t);
  const unknown = [...wanted].filter((id) => !initial.some((p) => p.id === id));
  if (unknown.length > 0) throw refuseChecklist(msg('unknownProposal', unknown[0]!));
  for (const p of initial)
    if (p.kind === 'split-run-together' && wanted.has(p.id))
      t = { ...t, indicators: applySplit(t.indicators, p) };
  for (const p of detectProposals(t))
    if (p.kind === 'merge-duplicate-section' && wanted.has(p.id)) t = applyMerge(t, p);
  return templateSchema.parse(t);
}
