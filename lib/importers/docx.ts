// .docx tables → RawTable. Word keeps a table as w:tbl/w:tr/w:tc; a cell spanning columns has
// w:gridSpan, a cell continuing a vertical merge has w:vMerge without val="restart".
// Automatic numbering (the «№» column is often a numbered list with no typed text) is rebuilt
// from word/numbering.xml so that row numbers survive.
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import { refuse } from './errors.ts';
import { t as msg } from './messages.ts';
import type { RawTable } from './types.ts';
import { readZipEntries } from './zip.ts';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function children(el: Element | Node, name?: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (name === undefined || (n as Element).localName === name))
      out.push(n as Element);
  }
  return out;
}

const child = (el: Element, name: string): Element | undefined => children(el, name)[0];
const val = (el: Element | undefined): string | null =>
  el ? el.getAttributeNS(W, 'val') || el.getAttribute('w:val') : null;

interface Level {
  format: string;
  text: string;
  start: number;
}

/** numId → levels (from the abstract numbering the num refers to). */
function readNumbering(xml: Uint8Array | undefined): Map<string, Level[]> {
  const result = new Map<string, Level[]>();
  if (!xml) return result;
  const doc = parseXml(xml);
  const root = doc?.documentElement;
  if (!root) return result;
  const abstracts = new Map<string, Level[]>();
  for (const abstract of children(root, 'abstractNum')) {
    const levels: Level[] = [];
    for (const lvl of children(abstract, 'lvl')) {
      const ilvl = Number(lvl.getAttributeNS(W, 'ilvl') || lvl.getAttribute('w:ilvl') || 0);
      levels[ilvl] = {
        format: val(child(lvl, 'numFmt')) ?? 'decimal',
        text: val(child(lvl, 'lvlText')) ?? '',
        start: Number(val(child(lvl, 'start')) ?? 1),
      };
    }
    abstracts.set(
      abstract.getAttributeNS(W, 'abstractNumId') || abstract.getAttribute('w:abstractNumId') || '',
      levels,
    );
  }
  for (const num of children(root, 'num')) {
    const id = num.getAttributeNS(W, 'numId') || num.getAttribute('w:numId') || '';
    const levels = abstracts.get(val(child(num, 'abstractNumId')) ?? '');
    if (levels) result.set(id, levels);
  }
  return result;
}

function parseXml(bytes: Uint8Array): ReturnType<DOMParser['parseFromString']> | null {
  try {
    return new DOMParser({ onError: () => undefined }).parseFromString(
      new TextDecoder().decode(bytes),
      'text/xml',
    );
  } catch {
    return null;
  }
}

interface ParsedTable {
  rows: string[][];
  continued: boolean[][];
  merged: boolean[][];
}

class DocxWalker {
  readonly tables: ParsedTable[] = [];
  hasText = false;
  private readonly counters = new Map<string, number[]>();

  constructor(private readonly numbering: Map<string, Level[]>) {}

  walk(node: Element): void {
    for (const el of children(node)) {
      if (el.localName === 'tbl') this.tables.push(this.table(el));
      else if (el.localName === 'p') {
        if (this.paragraph(el).trim() !== '') this.hasText = true;
      } else this.walk(el);
    }
  }

  private table(tbl: Element): ParsedTable {
    const rows: string[][] = [];
    const continued: boolean[][] = [];
    const merged: boolean[][] = [];
    for (const tr of this.rowsOf(tbl)) {
      const cells: string[] = [];
      const cont: boolean[] = [];
      const covered: boolean[] = [];
      const trPr = child(tr, 'trPr');
      const before = Number(val(trPr && child(trPr, 'gridBefore')) ?? 0);
      for (let i = 0; i < before; i++) {
        cells.push('');
        cont.push(false);
        covered.push(false);
      }
      for (const tc of this.cellsOf(tr)) {
        const tcPr = child(tc, 'tcPr');
        const span = Math.max(1, Number(val(tcPr && child(tcPr, 'gridSpan')) ?? 1) || 1);
        const vMerge = tcPr && child(tcPr, 'vMerge');
        const isContinued = vMerge !== undefined && val(vMerge) !== 'restart';
        const text = this.cellText(tc);
        if (text.trim() !== '') this.hasText = true;
        for (let i = 0; i < span; i++) {
          cells.push(i === 0 ? text : '');
          cont.push(isContinued);
          covered.push(i > 0);
        }
      }
      rows.push(cells);
      continued.push(cont);
      merged.push(covered);
    }
    const width = Math.max(0, ...rows.map((r) => r.length));
    for (let r = 0; r < rows.length; r++) {
      while (rows[r]!.length < width) {
        rows[r]!.push('');
        continued[r]!.push(false);
        merged[r]!.push(false);
      }
    }
    return { rows, continued, merged };
  }

  /** Rows may be wrapped in content controls (w:sdt/w:sdtContent). */
  private rowsOf(tbl: Element): Element[] {
    const out: Element[] = [];
    for (const el of children(tbl)) {
      if (el.localName === 'tr') out.push(el);
      else if (el.localName === 'sdt') {
        const content = child(el, 'sdtContent');
        if (content) out.push(...this.rowsOf(content));
      }
    }
    return out;
  }

  private cellsOf(tr: Element): Element[] {
    const out: Element[] = [];
    for (const el of children(tr)) {
      if (el.localName === 'tc') out.push(el);
      else if (el.localName === 'sdt') {
        const content = child(el, 'sdtContent');
        if (content) out.push(...this.cellsOf(content));
      }
    }
    return out;
  }

  private cellText(container: Element): string {
    const lines: string[] = [];
    for (const el of children(container)) {
      if (el.localName === 'p') lines.push(this.paragraph(el));
      else if (el.localName === 'tbl') {
        // A table inside a cell is flattened: one line per row, cells separated by « | ».
        for (const row of this.table(el).rows) {
          const line = row
            .map((c) => c.replace(/\s*\n\s*/g, ' ').trim())
            .filter((c) => c !== '')
            .join(' | ');
          if (line) lines.push(line);
        }
      } else if (el.localName === 'sdt') {
        const content = child(el, 'sdtContent');
        if (content) lines.push(this.cellText(content));
      }
    }
    return lines.join('\n');
  }

  private paragraph(p: Element): string {
    let text = '';
    const visit = (el: Element): void => {
      for (const c of children(el)) {
        switch (c.localName) {
          case 't':
            text += c.textContent ?? '';
            break;
          case 'tab':
            if (el.localName === 'r') text += ' ';
            break;
          case 'br':
          case 'cr':
            text += '\n';
            break;
          case 'noBreakHyphen':
            text += '-';
            break;
          case 'pPr':
          case 'rPr':
          case 'delText':
          case 'instrText':
          case 'drawing':
          case 'pict':
          case 'del':
            break;
          default:
            visit(c);
        }
      }
    };
    visit(p);
    const label = this.listLabel(p);
    if (label === null) return text;
    return text.trim() === '' ? label : `${label} ${text.trimStart()}`;
  }

  /** The text Word would draw before a numbered or bulleted paragraph, or null. */
  private listLabel(p: Element): string | null {
    const pPr = child(p, 'pPr');
    const numPr = pPr && child(pPr, 'numPr');
    if (!numPr) return null;
    const numId = val(child(numPr, 'numId'));
    const ilvl = Number(val(child(numPr, 'ilvl')) ?? 0);
    if (!numId || numId === '0') return null;
    const levels = this.numbering.get(numId);
    const level = levels?.[ilvl];
    if (!levels || !level) return '-';
    if (level.format === 'bullet') return '-';
    if (level.format === 'none') return null;
    const counters = this.counters.get(numId) ?? [];
    counters[ilvl] = counters[ilvl] === undefined ? level.start : counters[ilvl] + 1;
    counters.length = ilvl + 1;
    this.counters.set(numId, counters);
    return level.text.replace(/%(\d)/g, (_w, k: string) => {
      const index = Number(k) - 1;
      return String(counters[index] ?? levels[index]?.start ?? 1);
    });
  }
}

export function readDocx(bytes: Uint8Array, fileName: string): RawTable[] {
  const entries = readZipEntries(
    bytes,
    (name) => name === 'word/document.xml' || name === 'word/numbering.xml',
  );
  const documentXml = entries['word/document.xml'];
  if (!documentXml) throw refuse(msg('docxNoDocument', fileName));
  const doc = parseXml(documentXml);
  const body = doc?.documentElement ? child(doc.documentElement, 'body') : undefined;
  if (!body) throw refuse(msg('docxUnreadable', fileName));
  const walker = new DocxWalker(readNumbering(entries['word/numbering.xml']));
  walker.walk(body);
  if (!walker.hasText) throw refuse(msg('docxEmpty', fileName));
  const tables = walker.tables.filter((t) => t.rows.some((r) => r.some((c) => c.trim() !== '')));
  if (tables.length === 0) throw refuse(msg('docxNoTable', fileName));
  return tables.map((t) => ({
    rows: t.rows,
    continued: t.continued,
    merged: t.merged,
    source: 'docx',
    name: fileName,
  }));
}
