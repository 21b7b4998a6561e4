// Reads a page's fillable fields and what they are called. The document and window are
// parameters (no DOM globals), so the same code runs in the injected script and in tests.
// Sources of a field's name, strongest first: aria-labelledby, aria-label, <label>, the
// question block around it (Google Forms: role=listitem with a role=heading; Yandex Forms and
// plain forms: fieldset/legend, a question container's first text), the table row it sits in,
// then placeholder / name / nearby text as hints. Same-origin iframes and open shadow roots
// are walked; cross-origin frames cannot be read and are reported.
import type { FieldControl, FieldDescriptor, FieldOption } from './types.ts';
import { locale } from '../i18n/index.ts';

export interface DiscoveredField {
  descriptor: FieldDescriptor;
  /** The control, or for a radio group its options in order (aligned with descriptor.options). */
  elements: Element[];
}

export interface BlockedFrame {
  frame: string;
  src: string;
}

export interface Discovery {
  fields: DiscoveredField[];
  blockedFrames: BlockedFrame[];
}

type Root = Document | ShadowRoot;

const SKIP_INPUT = new Set(['hidden', 'submit', 'button', 'reset', 'image', 'file', 'password']);
const MAX_TEXT = 400;

function clean(text: string | null | undefined): string {
  return (text ?? '')
    .replace(/\s+/g, ' ')
    .replace(/\*\s*$/, '')
    .trim()
    .slice(0, MAX_TEXT);
}

function tag(el: Element): string {
  return el.tagName.toLowerCase();
}

function attr(el: Element, name: string): string {
  return el.getAttribute(name) ?? '';
}

function isDisabled(el: Element): boolean {
  return el.hasAttribute('disabled') || attr(el, 'aria-disabled') === 'true';
}

function byId(root: Root, id: string): Element | null {
  return 'getElementById' in root && typeof root.getElementById === 'function'
    ? root.getElementById(id)
    : root.querySelector(`[id="${id.replace(/"/g, '\\"')}"]`);
}

function labelledBy(el: Element, root: Root): string {
  const ids = attr(el, 'aria-labelledby').split(/\s+/).filter(Boolean);
  return clean(ids.map((id) => byId(root, id)?.textContent ?? '').join(' '));
}

function ownLabel(el: Element, root: Root): string {
  const viaAria = labelledBy(el, root) || clean(attr(el, 'aria-label'));
  if (viaAria) return viaAria;
  const labels = (el as HTMLInputElement).labels;
  // A <select> may sit inside its <label>: its options are not part of the question.
  if (labels && labels.length > 0) return clean(Array.from(labels, textWithoutControls).join(' '));
  const id = attr(el, 'id');
  if (id) {
    const label = root.querySelector(`label[for="${id.replace(/"/g, '\\"')}"]`);
    if (label) return textWithoutControls(label);
  }
  return '';
}

/** Text of a node without the text of form controls and option lists inside it. */
function textWithoutControls(node: Element): string {
  const clone = node.cloneNode(true) as Element;
  for (const c of clone.querySelectorAll(
    'select, option, textarea, [role=radio], [role=checkbox], [role=radiogroup], label, button, script, style',
  ))
    c.remove();
  return clean(clone.textContent);
}

/** The question block a control sits in and its heading. */
function questionText(el: Element, root: Root): string {
  const item = el.closest('[role=listitem]');
  if (item) {
    const heading = item.querySelector('[role=heading]');
    if (heading) return clean(heading.textContent);
  }
  const group = el.closest('[role=radiogroup], [role=group]');
  if (group) {
    const t = labelledBy(group, root) || clean(attr(group, 'aria-label'));
    if (t) return t;
  }
  const fieldset = el.closest('fieldset');
  const legend = fieldset?.querySelector('legend');
  if (legend) return clean(legend.textContent);
  // Yandex Forms and many portals: a question container with a title element.
  const question = el.closest('[class*="question" i], [data-question], [class*="Question"]');
  if (question) {
    const title = question.querySelector(
      '[class*="title" i], [class*="label" i], h1, h2, h3, h4, h5, h6, legend, p',
    );
    if (title && !title.contains(el)) return clean(title.textContent);
  }
  return '';
}

/** In a table of inputs: the row's text cells (the number and the indicator), not the header. */
function tableRowText(el: Element): string {
  const cell = el.closest('td, th');
  const row = cell?.closest('tr');
  if (!cell || !row) return '';
  const parts: string[] = [];
  for (const c of Array.from(row.children)) {
    if (c === cell) break;
    if (c.querySelector('input, select, textarea')) continue;
    const t = clean(c.textContent);
    if (t) parts.push(t);
  }
  return clean(parts.join(' '));
}

/** Text around the control: the nearest ancestor holding it alone. */
function nearbyText(el: Element, controlsOf: (n: Element) => number): string {
  let node: Element | null = el.parentElement;
  for (let depth = 0; node && depth < 4; depth++, node = node.parentElement) {
    if (controlsOf(node) > 1) break;
    const t = textWithoutControls(node);
    if (t) return t;
  }
  return '';
}

function optionLabel(el: Element, root: Root): string {
  return (
    ownLabel(el, root) ||
    clean(attr(el, 'data-value')) ||
    clean(el.textContent) ||
    clean(attr(el, 'value'))
  );
}

function controlOf(el: Element): FieldControl | null {
  const t = tag(el);
  if (t === 'textarea') return 'textarea';
  if (t === 'select') return 'select';
  if (t === 'input') {
    const type = (attr(el, 'type') || 'text').toLowerCase();
    if (SKIP_INPUT.has(type)) return null;
    if (type === 'radio') return 'radio';
    if (type === 'checkbox') return 'checkbox';
    if (type === 'number' || type === 'range') return 'number';
    if (type === 'date') return 'date';
    return 'text';
  }
  const role = attr(el, 'role');
  // An ARIA listbox's options are one choice, as a radio group's are.
  if (role === 'radio' || role === 'option') return 'radio';
  if (role === 'checkbox') return 'checkbox';
  if (role === 'textbox' && attr(el, 'contenteditable') !== 'false') return 'text';
  return null;
}

const CONTROL_SELECTOR =
  'input, textarea, select, [role=radio], [role=checkbox], [role=option], [role=textbox]';

/** The element that holds a choice's options: a radio group or a listbox. */
function choiceGroup(el: Element): Element | null {
  return el.closest('[role=radiogroup], [role=listbox]');
}

/** A listbox's name: its own, else the combobox that controls it. */
function groupLabel(group: Element, root: Root): string {
  const own = labelledBy(group, root) || clean(attr(group, 'aria-label'));
  if (own || !attr(group, 'id')) return own;
  const id = attr(group, 'id').replace(/"/g, '\\"');
  const owner = root.querySelector(`[aria-controls="${id}"], [aria-owns="${id}"]`);
  return owner ? labelledBy(owner, root) || clean(attr(owner, 'aria-label')) : '';
}

/** Rows in a table that carry a heading, not a question: one text cell and no control. */
function headingRow(row: Element): string {
  if (row.closest('thead') || row.querySelector(CONTROL_SELECTOR)) return '';
  const cells = Array.from(row.children).filter((c) => clean(c.textContent));
  return cells.length === 1 ? clean(cells[0]!.textContent) : '';
}

const TITLE_CLASS =
  /(?:^|[\s_-])(?:title|header|heading|caption|legend)(?:$|[\s_-])|__title|Title|Header/;

function isTitle(el: Element): boolean {
  return (
    /^(?:h[1-6]|legend|caption)$/.test(tag(el)) ||
    attr(el, 'role') === 'heading' ||
    TITLE_CLASS.test(attr(el, 'class'))
  );
}

/** A container's title: a title-like child among its first, or the element just before it. */
function titleOf(node: Element): string {
  const candidates = [...Array.from(node.children).slice(0, 3), node.previousElementSibling];
  for (const c of candidates)
    if (c && isTitle(c) && !c.querySelector(CONTROL_SELECTOR)) return clean(c.textContent);
  return '';
}

/**
 * Where a field sits: the table's sub-heading row above it, an enclosing fieldset's legend, the
 * title of the nearest block holding several fields (a card, a section), the nearest heading
 * before it. Two sections of one form often ask the same words.
 */
function contextOf(el: Element, label: string): string[] {
  const out: string[] = [];
  const lower = label.toLowerCase();
  const add = (text: string) => {
    const t = text.toLowerCase();
    // The question's own title is not where it sits.
    if (text && !out.includes(text) && !lower.includes(t) && !t.includes(lower)) out.push(text);
  };
  const row = el.closest('tr');
  for (let r = row?.previousElementSibling ?? null; r; r = r.previousElementSibling) {
    const text = headingRow(r);
    if (text) {
      add(text);
      break;
    }
  }
  const legend = el.closest('fieldset')?.querySelector(':scope > legend');
  if (legend) add(clean(legend.textContent));
  for (
    let node = el.parentElement, depth = 0;
    node && depth < 10;
    node = node.parentElement, depth++
  ) {
    if (node.querySelectorAll(CONTROL_SELECTOR).length < 3) continue;
    const title = titleOf(node);
    if (title && !lower.includes(title.toLowerCase())) {
      add(title);
      break;
    }
  }
  heading: for (let node: Element | null = el; node && out.length < 3; node = node.parentElement) {
    for (let sib = node.previousElementSibling; sib; sib = sib.previousElementSibling) {
      const h = /^H[1-4]$/.test(sib.tagName)
        ? sib
        : (Array.from(sib.querySelectorAll('h1, h2, h3, h4')).pop() ?? null);
      if (h) {
        add(clean(h.textContent));
        break heading;
      }
    }
  }
  return out.slice(0, 3);
}

/**
 * A frame's name as shown to the user. The name itself («рамка 2 › рамка 5») is part of the
 * field keys remembered for a form, so it stays Russian; in English it reads "frame 2 › frame 5".
 */
export function frameLabel(frame: string): string {
  return locale() === 'en' ? frame.replace(/рамка (\d+)/g, 'frame $1') : frame;
}

/** Every root to search: the document, open shadow roots, same-origin iframes (recursively). */
function collectRoots(
  doc: Document,
  frame: string,
  out: { root: Root; frame: string }[],
  blocked: BlockedFrame[],
): void {
  const queue: Root[] = [doc];
  while (queue.length) {
    const root = queue.shift()!;
    out.push({ root, frame });
    for (const el of Array.from(root.querySelectorAll('*'))) {
      if (el.shadowRoot) queue.push(el.shadowRoot);
      if (tag(el) === 'iframe' || tag(el) === 'frame') {
        const name = `${frame ? frame + ' › ' : ''}рамка ${blocked.length + out.length}`;
        let inner: Document | null;
        try {
          inner = (el as HTMLIFrameElement).contentDocument;
        } catch {
          inner = null;
        }
        if (inner) collectRoots(inner, name, out, blocked);
        else blocked.push({ frame: name, src: attr(el, 'src') });
      }
    }
  }
}

export function discoverFields(root: Document): Discovery {
  const roots: { root: Root; frame: string }[] = [];
  const blockedFrames: BlockedFrame[] = [];
  collectRoots(root, '', roots, blockedFrames);
  const fields: DiscoveredField[] = [];
  const usedKeys = new Map<string, number>();

  for (const { root: r, frame } of roots) {
    const controls = Array.from(r.querySelectorAll(CONTROL_SELECTOR)).filter(
      (el) => controlOf(el) !== null && !isDisabled(el) && !el.closest('[aria-hidden=true]'),
    );
    const controlSet = new Set(controls);
    const counted = new Map<Element, number>();
    const controlsOf = (n: Element): number => {
      let c = counted.get(n);
      if (c === undefined) {
        c = 0;
        const groups = new Set<string>();
        for (const x of n.querySelectorAll(CONTROL_SELECTOR)) {
          if (!controlSet.has(x)) continue;
          if (controlOf(x) === 'radio') {
            const g = attr(x, 'name') || (x.closest('[role=radiogroup]') ? 'rg' : '');
            if (g && groups.has(g)) continue;
            groups.add(g);
          }
          c++;
        }
        counted.set(n, c);
      }
      return c;
    };
    const radioGroups = new Map<string | Element, Element[]>();
    const order: (Element | { group: string | Element })[] = [];
    for (const el of controls) {
      if (controlOf(el) === 'radio') {
        const groupKey: string | Element =
          tag(el) === 'input' && attr(el, 'name')
            ? 'name:' + attr(el, 'name')
            : (choiceGroup(el) ?? el.parentElement ?? el);
        const members = radioGroups.get(groupKey);
        if (members) members.push(el);
        else {
          radioGroups.set(groupKey, [el]);
          order.push({ group: groupKey });
        }
      } else order.push(el);
    }

    for (const item of order) {
      const isGroup = 'group' in item;
      const elements = isGroup
        ? radioGroups.get((item as { group: string | Element }).group)!
        : [item as Element];
      const first = elements[0]!;
      const control = controlOf(first)!;
      const anchor = isGroup ? (choiceGroup(first) ?? first) : first;
      const own = isGroup ? groupLabel(anchor, r) : ownLabel(first, r);
      const question = questionText(first, r);
      const row = tableRowText(first);
      const near = nearbyText(first, controlsOf);
      // For a lone checkbox the <label> is its question; for a Google-style checkbox the heading is.
      // In a question block (Google Forms) the heading names the field, not the option's text.
      const inBlock = first.closest('[role=listitem]') !== null;
      const label =
        (question && (isGroup || !own || inBlock) ? question : own) || row || question || near;
      const hints = [
        own,
        question,
        row,
        clean(attr(first, 'placeholder')),
        clean(attr(first, 'title')),
        isGroup ? '' : clean(attr(first, 'name')),
        near,
      ].filter((h, i, all) => h && h !== label && all.indexOf(h) === i);
      let options: FieldOption[] = [];
      if (isGroup)
        options = elements.map((o) => ({
          label: optionLabel(o, r),
          value: attr(o, 'value') || attr(o, 'data-value') || optionLabel(o, r),
        }));
      else if (control === 'select')
        options = Array.from((first as HTMLSelectElement).options, (o) => ({
          label: clean(o.textContent),
          value: o.value,
        }));
      const name = attr(first, 'name');
      const base =
        (name && !/^(q|field|input|answer)?\d*$/i.test(name) ? 'name:' + name : '') ||
        (attr(first, 'id') && !isGroup ? 'id:' + attr(first, 'id') : '') ||
        'label:' + label.toLowerCase().slice(0, 200);
      const seen = usedKeys.get(base) ?? 0;
      usedKeys.set(base, seen + 1);
      const key = (seen ? `${base}#${seen + 1}` : base) + (frame ? `@${frame}` : '');
      fields.push({
        descriptor: {
          key,
          control,
          label,
          hints,
          options,
          frame,
          context: contextOf(anchor, label),
        },
        elements,
      });
    }
  }
  return { fields, blockedFrames };
}
