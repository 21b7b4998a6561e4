// Raw tables → a preview the user reviews before anything is written: one row per activity,
// with its section (direction or level), parsed period, people, cited documents and counts.
import type { ActivityLevel, ActivityStatus, ParsedPeriod } from '../model/index.ts';
import { parsePeriod } from '../periods/index.ts';
import {
  extractCounts,
  extractOrganisations,
  extractPeople,
  extractRefs,
  extractRoleLabels,
  detectStatus,
  refKey,
  type CountMention,
  type DocumentRef,
  type OrganisationMention,
  type PersonMention,
} from '../refs/index.ts';
import { normaliseCell } from './cell.ts';
import { NUMBER_LIKE, applyMapping, findHeader, type Column } from './columns.ts';
import { refuse } from './errors.ts';
import { t as msg } from './messages.ts';
import { normaliseSourceName, normaliseText, stableHash } from './hash.ts';
import type { ColumnMapping, Field, RawTable, TableSource } from './types.ts';

export interface PreviewContext {
  schoolYear: string;
  quarters?: { start: string; end: string }[];
  /** Table index → the user's choice of field per column (overrides detection). */
  mapping?: Record<number, ColumnMapping>;
}

export interface PreviewTable {
  index: number;
  name: string;
  source: TableSource;
  /** Row index of the header, or null when the table continues the previous one's columns. */
  headerRow: number | null;
  columns: Column[];
  /** False when the table was left out (no header it could be read with). */
  used: boolean;
}

export interface PreviewRow {
  /** Stable across imports of the same file: the dedupe key (Activity.source.importKey). */
  key: string;
  table: number;
  /** Row index in the raw table where the activity starts. */
  row: number;
  source: string;
  number: string;
  title: string;
  direction: string;
  level: ActivityLevel | null;
  period: { raw: string; parsed: ParsedPeriod };
  place: string;
  responsible: { raw: string; people: PersonMention[]; roles: string[] };
  participants: string;
  report: string;
  refs: DocumentRef[];
  organisations: OrganisationMention[];
  counts: CountMention[];
  status: ActivityStatus;
  warnings: string[];
}

export interface ImportPreview {
  tables: PreviewTable[];
  rows: PreviewRow[];
  warnings: string[];
}

type Cells = Partial<Record<Exclude<Field, 'ignore'>, string>>;

interface Pending {
  table: number;
  row: number;
  source: string;
  direction: string;
  level: ActivityLevel | null;
  cells: Cells;
}

const SECTION_WORDS = /уровень|уровне|деятельност|направлени|раздел|блок|этап/i;

function levelOf(text: string): ActivityLevel | null | undefined {
  if (!/уров/i.test(text)) return undefined;
  if (/муниципальн/i.test(text)) return 'municipal';
  if (/образовательн|школ|\bОО\b|организаци/i.test(text)) return 'school';
  return null;
}

/** Join of a cell split by a page break: words continue on the same line, list items do not. */
function joinContinued(before: string, after: string): string {
  if (!before) return after;
  if (!after) return before;
  return /^[-•]\s|^\d+\.\s/.test(after) ? `${before}\n${after}` : `${before} ${after}`;
}

const STATUS_WORDS: [RegExp, ActivityStatus][] = [
  [/отмен/i, 'cancelled'],
  [/перен[её]с|запланировано на/i, 'postponed'],
  [/не\s+выполн/i, 'planned'],
  [/выполняется|в работе|в процессе|проводится/i, 'in_progress'],
  [/выполнено|выполнен|проведено|проведен|исполнено/i, 'done'],
  [/запланирован|план/i, 'planned'],
];

function statusFrom(statusCell: string, report: string): ActivityStatus {
  for (const [re, status] of STATUS_WORDS) if (statusCell && re.test(statusCell)) return status;
  return detectStatus(report) ?? 'planned';
}

const normaliseNumber = (n: string): string => n.trim().replace(/\.$/, '');

export function buildPreview(tables: RawTable[], ctx: PreviewContext): ImportPreview {
  const previewTables: PreviewTable[] = [];
  const warnings: string[] = [];
  const pending: Pending[] = [];
  let lastColumns: Column[] | null = null;
  let lastName = '';
  let direction = '';
  let level: ActivityLevel | null = null;

  tables.forEach((table, t) => {
    const rows = table.rows.map((r) => r.map(normaliseCell));
    if (table.name !== lastName) {
      // A new file or sheet starts its own sections; tables of one document continue each other.
      direction = '';
      level = null;
      lastColumns = null;
      lastName = table.name;
    }
    const found = findHeader(rows);
    let columns: Column[];
    let start: number;
    let headerRow: number | null;
    if (found) {
      columns = found.columns;
      start = found.row + 1;
      headerRow = found.row;
    } else if (lastColumns && (lastColumns as Column[]).length === (rows[0]?.length ?? 0)) {
      columns = (lastColumns as Column[]).map((c) => ({ ...c }));
      start = 0;
      headerRow = null;
    } else {
      previewTables.push({
        index: t,
        name: table.name,
        source: table.source,
        headerRow: null,
        columns: [],
        used: false,
      });
      warnings.push(msg('tableSkipped', t + 1, table.name));
      return;
    }
    columns = applyMapping(columns, ctx.mapping?.[t]);
    lastColumns = columns;
    previewTables.push({
      index: t,
      name: table.name,
      source: table.source,
      headerRow,
      columns,
      used: true,
    });
    const fieldAt = new Map<number, Exclude<Field, 'ignore'>>();
    for (const c of columns) if (c.field && c.field !== 'ignore') fieldAt.set(c.index, c.field);
    const numberCol = columns.find((c) => c.field === 'number')?.index;
    const titleCol = columns.find((c) => c.field === 'title')?.index;
    const headerKey = found ? rows[found.row]!.map(normaliseText).join('|') : null;
    const headerKeys = new Set(columns.map((c) => normaliseText(c.header)).filter(Boolean));
    const above: string[] = [];

    for (let r = start; r < rows.length; r++) {
      const cells = rows[r]!;
      const continued = table.continued?.[r];
      // Vertically merged cells read as the master's text, except when deciding continuation.
      const value = (i: number): string => (continued?.[i] ? (above[i] ?? '') : (cells[i] ?? ''));
      cells.forEach((c, i) => {
        if (!continued?.[i]) above[i] = c;
      });
      const nonEmpty = cells.map((c, i) => (c !== '' ? i : -1)).filter((i) => i >= 0);
      if (nonEmpty.length === 0) continue;
      const rowKey = cells.map(normaliseText).join('|');
      if (rowKey === headerKey) continue;
      if (nonEmpty.every((i) => headerKeys.has(normaliseText(cells[i]!))) && nonEmpty.length > 1)
        continue;
      // «1 | 2 | 3 | 4 …» under the header: column numbers, not data.
      if (nonEmpty.length > 2 && cells.every((c, i) => c === '' || c === String(i + 1))) continue;

      const numberCell =
        numberCol !== undefined && !continued?.[numberCol] ? (cells[numberCol] ?? '') : '';
      if (nonEmpty.length === 1) {
        const i = nonEmpty[0]!;
        const text = cells[i]!;
        const field = fieldAt.get(i);
        const spansRow = i + 1 < cells.length && table.merged?.[r]?.[i + 1] === true;
        const isSection =
          !NUMBER_LIKE.test(text) &&
          text.length <= 300 &&
          !continued?.[i] &&
          (spansRow ||
            field === undefined ||
            field === 'number' ||
            (field === 'title' && numberCell === '' && SECTION_WORDS.test(text)) ||
            pending.length === 0);
        if (isSection) {
          const lvl = levelOf(text);
          if (lvl !== undefined) level = lvl;
          else direction = text.replace(/\s*\n\s*/g, ' ');
          continue;
        }
      }
      const previous = pending[pending.length - 1];
      const isContinuation =
        previous !== undefined &&
        previous.source === table.name &&
        (numberCol !== undefined
          ? numberCell === ''
          : titleCol !== undefined && (cells[titleCol] ?? '') === '');
      if (isContinuation) {
        for (const [i, field] of fieldAt) {
          if (field === 'number' || continued?.[i]) continue;
          const text = cells[i] ?? '';
          if (text) previous.cells[field] = joinContinued(previous.cells[field] ?? '', text);
        }
        continue;
      }
      const rowCells: Cells = {};
      for (const [i, field] of fieldAt) {
        const text = value(i);
        if (text) rowCells[field] = rowCells[field] ? `${rowCells[field]}\n${text}` : text;
      }
      pending.push({ table: t, row: r, source: table.name, direction, level, cells: rowCells });
    }
  });

  if (!previewTables.some((t) => t.used)) throw refuse(msg('noHeaderRow'));

  const seen = new Map<string, number>();
  const rows = pending.map((p) => finishRow(p, ctx, seen));
  if (rows.length === 0) warnings.push(msg('noActivities'));
  return { tables: previewTables, rows, warnings };
}

function finishRow(p: Pending, ctx: PreviewContext, seen: Map<string, number>): PreviewRow {
  const c = p.cells;
  const warnings: string[] = [];
  const number = c.number ?? '';
  const title = (c.title ?? '').trim();
  const periodRaw = (c.period ?? '').replace(/\s*\n\s*/g, ' ').trim();
  const report = c.report ?? '';
  const responsibleRaw = c.responsible ?? '';
  const participants = c.participants ?? '';
  const place = (c.place ?? '').replace(/\s*\n\s*/g, ' ');
  const section = [p.level ?? '', p.direction].join('/');
  const base = stableHash(
    [
      normaliseSourceName(p.source),
      normaliseText(section),
      normaliseNumber(number),
      normaliseText(title),
    ].join('|'),
  );
  const occurrence = (seen.get(base) ?? 0) + 1;
  seen.set(base, occurrence);
  const key = occurrence === 1 ? base : `${base}-${occurrence}`;

  const parsed = parsePeriod(periodRaw, {
    schoolYear: ctx.schoolYear,
    ...(ctx.quarters ? { quarters: ctx.quarters } : {}),
  });
  if (!title) warnings.push(msg('noTitle'));
  if (periodRaw && parsed.kind === 'unknown') warnings.push(msg('periodNotRecognised', periodRaw));
  if (!periodRaw) warnings.push(msg('noPeriod'));

  const refs = new Map<string, DocumentRef>();
  for (const ref of [...extractRefs(report), ...extractRefs(title)]) {
    const k = refKey(ref);
    if (!refs.has(k)) refs.set(k, ref);
  }
  const orgText = [title, place, participants, report].filter(Boolean).join('\n');
  const people = extractPeople(responsibleRaw);
  const roles = extractRoleLabels(responsibleRaw);
  return {
    key,
    table: p.table,
    row: p.row,
    source: p.source,
    number,
    title,
    direction: p.direction,
    level: p.level,
    period: { raw: periodRaw, parsed },
    place,
    responsible: { raw: responsibleRaw, people, roles },
    participants,
    report,
    refs: [...refs.values()],
    organisations: extractOrganisations(orgText),
    counts: extractCounts([participants, report].filter(Boolean).join('\n')),
    status: statusFrom(c.status ?? '', report),
    warnings,
  };
}
