// Sets field values so that the page's own framework notices: the native value setter of the
// element's own realm (React and similar frameworks track `.value` and ignore a plain
// assignment), then input and change events; radios and checkboxes — native or ARIA — are
// clicked, as a user would. Nothing is ever submitted. Every fill can be undone.
// DOM objects come in as parameters; no DOM globals are used.
import type { DiscoveredField } from './discover.ts';
import type { FillValue } from './values.ts';
import { t } from './messages.ts';

export interface FillOrder {
  field: DiscoveredField;
  value: FillValue;
}

export interface FillProblem {
  fieldKey: string;
  label: string;
  reason: string;
}

export interface FillResult {
  filled: string[];
  problems: FillProblem[];
  undo: () => Promise<FillProblem[]>;
}

type Snapshot =
  | { kind: 'value'; value: string }
  | { kind: 'checked'; states: boolean[] }
  | { kind: 'select'; index: number };

function tag(el: Element): string {
  return el.tagName.toLowerCase();
}

function isNative(el: Element): boolean {
  return ['input', 'textarea', 'select'].includes(tag(el));
}

function checkedOf(el: Element): boolean {
  if (isNative(el)) return (el as HTMLInputElement).checked;
  // A listbox's option is chosen by aria-selected, a radio or checkbox by aria-checked.
  return (
    el.getAttribute(el.getAttribute('role') === 'option' ? 'aria-selected' : 'aria-checked') ===
    'true'
  );
}

/** The text a control holds: an input's value, an ARIA textbox's text. */
function valueOf(el: Element): string {
  return isNative(el) ? (el as HTMLInputElement).value : (el.textContent ?? '');
}

function windowOf(el: Element): Window & typeof globalThis {
  return el.ownerDocument.defaultView as Window & typeof globalThis;
}

function setNativeValue(el: Element, value: string): void {
  const win = windowOf(el);
  if (!isNative(el)) {
    // An ARIA textbox (contenteditable): its text is its value; the page listens for input.
    el.textContent = value;
    el.dispatchEvent(new win.InputEvent('input', { bubbles: true, data: value }));
    el.dispatchEvent(new win.Event('change', { bubbles: true }));
    return;
  }
  const proto =
    tag(el) === 'textarea'
      ? win.HTMLTextAreaElement.prototype
      : tag(el) === 'select'
        ? win.HTMLSelectElement.prototype
        : win.HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(el, value);
  else (el as HTMLInputElement).value = value;
  el.dispatchEvent(new win.Event('input', { bubbles: true }));
  el.dispatchEvent(new win.Event('change', { bubbles: true }));
}

function click(el: Element): void {
  (el as HTMLElement).click();
}

function snapshot(field: DiscoveredField): Snapshot {
  const first = field.elements[0]!;
  const control = field.descriptor.control;
  if (control === 'radio' || control === 'checkbox')
    return { kind: 'checked', states: field.elements.map(checkedOf) };
  if (control === 'select')
    return { kind: 'select', index: (first as HTMLSelectElement).selectedIndex };
  return { kind: 'value', value: valueOf(first) };
}

function apply(field: DiscoveredField, value: FillValue): void {
  const first = field.elements[0]!;
  if (value.control === 'text') {
    (first as HTMLElement).focus?.();
    setNativeValue(first, value.text);
    (first as HTMLElement).blur?.();
  } else if (value.control === 'checkbox') {
    if (checkedOf(first) !== value.checked) click(first);
  } else if (field.descriptor.control === 'select') {
    const option = (first as HTMLSelectElement).options[value.index];
    if (option) setNativeValue(first, option.value);
  } else {
    const target = field.elements[value.index];
    if (target && !checkedOf(target)) click(target);
  }
}

/** Why the page does not show what we set, or null when it does. */
function check(field: DiscoveredField, value: FillValue): string | null {
  const first = field.elements[0]!;
  if (value.control === 'text') {
    const now = valueOf(first);
    if (now === value.text) return null;
    if (now === '') return t('notAccepted', value.text);
    return t('replaced', now);
  }
  if (value.control === 'checkbox')
    return checkedOf(first) === value.checked ? null : t('checkboxRefused');
  if (field.descriptor.control === 'select')
    return (first as HTMLSelectElement).selectedIndex === value.index
      ? null
      : t('choiceRefused', value.label);
  const target = field.elements[value.index];
  return target && checkedOf(target) ? null : t('choiceRefused', value.label);
}

function restore(field: DiscoveredField, snap: Snapshot): string | null {
  const first = field.elements[0]!;
  if (snap.kind === 'value') {
    if (valueOf(first) !== snap.value) setNativeValue(first, snap.value);
    return valueOf(first) === snap.value ? null : t('valueNotRestored');
  }
  if (snap.kind === 'select') {
    const select = first as HTMLSelectElement;
    if (select.selectedIndex !== snap.index)
      setNativeValue(select, snap.index >= 0 ? (select.options[snap.index]?.value ?? '') : '');
    return select.selectedIndex === snap.index ? null : t('choiceNotRestored');
  }
  const radio = field.descriptor.control === 'radio';
  if (radio && !snap.states.some(Boolean) && !isNative(first)) {
    clearAriaChoice(field);
    return field.elements.some(checkedOf) ? t('choiceNotCleared') : null;
  }
  field.elements.forEach((el, i) => {
    const want = snap.states[i]!;
    if (checkedOf(el) === want) return;
    if (want || !radio) click(el);
    else if (isNative(el) && !snap.states.some(Boolean)) {
      // No option was chosen before: a radio cannot be «unclicked», so clear it like a reset.
      (el as HTMLInputElement).checked = false;
      el.dispatchEvent(new (windowOf(el).Event)('change', { bubbles: true }));
    }
  });
  return field.elements.every((el, i) => checkedOf(el) === snap.states[i])
    ? null
    : t('choiceNotRestored');
}

const CLEAR =
  /^(?:очистить(?:\s+выбор)?|сбросить(?:\s+выбор|\s+ответ)?|отменить\s+выбор|clear(?:\s+selection)?)$/iu;

/**
 * An ARIA radio group had nothing chosen: no click on an option can return it there. Forms that
 * allow it offer a control for it (Google Forms' «Очистить выбор»); some widgets toggle an option
 * off when it is clicked again. Both are tried, as a user would.
 */
function clearAriaChoice(field: DiscoveredField): void {
  const group =
    field.elements[0]!.closest('[role=radiogroup], [role=listbox]') ??
    field.elements[0]!.parentElement;
  for (let scope = group?.parentElement ?? null, depth = 0; scope && depth < 3; depth++) {
    const button = Array.from(scope.querySelectorAll('button, [role=button]')).find((b) =>
      CLEAR.test((b.textContent ?? '').replace(/\s+/g, ' ').trim()),
    );
    if (button) {
      click(button);
      return;
    }
    scope = scope.parentElement;
  }
  for (const el of field.elements) if (checkedOf(el)) click(el);
}

function nextFrame(win: Window | null): Promise<void> {
  // A page that rewrites its inputs does it in a handler, a microtask or a timer: wait a moment.
  return new Promise((resolve) => (win ? win.setTimeout(resolve, 60) : resolve()));
}

/**
 * Fills the given fields in page order and checks, a moment later, that the page still shows
 * each value. Fields whose value did not stick are reported and put back as they were.
 */
export async function fillFields(orders: readonly FillOrder[]): Promise<FillResult> {
  const snaps = new Map<DiscoveredField, Snapshot>();
  const problems: FillProblem[] = [];
  const filled: string[] = [];
  for (const { field, value } of orders) {
    snaps.set(field, snapshot(field));
    try {
      apply(field, value);
    } catch (error) {
      problems.push({
        fieldKey: field.descriptor.key,
        label: field.descriptor.label,
        reason: t('pageError', error instanceof Error ? error.message : String(error)),
      });
    }
  }
  const win = orders[0]?.field.elements[0]?.ownerDocument.defaultView ?? null;
  await nextFrame(win);
  for (const { field, value } of orders) {
    if (problems.some((p) => p.fieldKey === field.descriptor.key)) continue;
    const reason = check(field, value);
    if (reason)
      problems.push({ fieldKey: field.descriptor.key, label: field.descriptor.label, reason });
    else filled.push(field.descriptor.key);
  }
  return {
    filled,
    problems,
    async undo() {
      const failed: FillProblem[] = [];
      for (const [field, snap] of [...snaps].reverse()) {
        try {
          const reason = restore(field, snap);
          if (reason)
            failed.push({ fieldKey: field.descriptor.key, label: field.descriptor.label, reason });
        } catch (error) {
          failed.push({
            fieldKey: field.descriptor.key,
            label: field.descriptor.label,
            reason: error instanceof Error ? error.message : String(error),
          });
        }
      }
      return failed;
    },
  };
}
