// The autofill session inside a page: discover → match → show the overlay → fill → undo.
// Runs in the injected script's isolated world; it sees no workspace and no token, only the
// indicators the popup passed in, and it reports confirmed pairs as a validated message.
import {
  discoverFields,
  frameLabel,
  type DiscoveredField,
  type Discovery,
} from '../../lib/autofill/discover.ts';
import { fillFields, type FillProblem, type FillResult } from '../../lib/autofill/fill.ts';
import { matchFields, personalField, type PersonalField } from '../../lib/autofill/match.ts';
import {
  formKeyOf,
  type AutofillProfile,
  type FieldDescriptor,
  type IndicatorInput,
} from '../../lib/autofill/types.ts';
import { valueForField } from '../../lib/autofill/values.ts';
import { setLocale } from '../../lib/i18n/index.ts';
import {
  autofillStartSchema,
  type AutofillStart,
  type AutofillStartResult,
  type ToolbarMessage,
} from '../../lib/toolbar-messages.ts';
import { t } from './messages.ts';

export interface OverlayRow {
  fieldKey: string;
  fieldLabel: string;
  control: string;
  frame: string;
  indicatorId: string | null;
  indicatorLabel: string;
  /** Editable: the value to put, as text. */
  value: string;
  confidence: number;
  remembered: boolean;
  checked: boolean;
  /** Why a pair is left unticked (a doubtful or ambiguous match). */
  reason: string | null;
  /** A field about the person: filled from the profile in «Настройки», never from indicators. */
  personal: PersonalField | null;
  /** Found on an earlier page of a multi-page form (already filled or skipped there). */
  earlier?: boolean;
}

export type Phase = 'review' | 'filling' | 'filled' | 'undone' | 'closed';

export interface SessionState {
  title: string;
  phase: Phase;
  rows: OverlayRow[];
  indicators: { id: string; label: string }[];
  /** Fields that could not be filled and why (after a fill), or frames we cannot read. */
  problems: FillProblem[];
  notices: string[];
  filled: number;
}

function indicatorLabel(i: IndicatorInput): string {
  return `${i.number ? i.number.replace(/\.?$/, '.') + ' ' : ''}${i.text}`.slice(0, 300);
}

function profileValue(profile: AutofillProfile, field: PersonalField): string {
  if (field === 'name' || field === 'position' || field === 'phone' || field === 'email')
    return profile[field]?.trim() ?? '';
  // A comment or the date of filling is the user's to write.
  return '';
}

function valueText(v: IndicatorInput['value']): string {
  if (v === null) return '';
  // Written into the authority's (Russian) form: not translated with the interface.
  if (typeof v === 'boolean') return v ? 'Да' : 'Нет';
  return String(v);
}

export class AutofillSession {
  private discovery: Discovery = { fields: [], blockedFrames: [] };
  private indicators = new Map<string, IndicatorInput>();
  private result: FillResult | null = null;
  private listeners = new Set<() => void>();
  origin = '';
  formKey = '';
  state: SessionState = {
    title: '',
    phase: 'review',
    rows: [],
    indicators: [],
    problems: [],
    notices: [],
    filled: 0,
  };

  constructor(
    private readonly doc: Document,
    private readonly send: (message: ToolbarMessage) => Promise<unknown>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  getState = (): SessionState => this.state;

  private set(patch: Partial<SessionState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  private profile: AutofillProfile = {};
  private remembered: AutofillStart['remembered'] = [];
  /** Fills of earlier pages of this form: undo puts them all back. */
  private results: FillResult[] = [];

  start(raw: unknown): AutofillStartResult {
    const parsed = autofillStartSchema.safeParse(raw);
    const loc = this.doc.location;
    this.origin = loc?.origin ?? '';
    if (!parsed.success)
      return {
        ok: false,
        message: t('badPayload'),
        fields: 0,
        proposed: 0,
        origin: this.origin,
        formKey: '',
      };
    const input = parsed.data;
    // The page's localStorage is the website's: the interface language comes with the payload.
    setLocale(input.locale ?? 'ru');
    this.indicators = new Map(input.indicators.map((i) => [i.indicatorId, i]));
    this.profile = input.profile ?? {};
    this.remembered = input.remembered;
    this.results = [];
    this.discovery = discoverFields(this.doc);
    const descriptors = this.discovery.fields.map((f) => f.descriptor);
    this.formKey = formKeyOf(loc?.pathname ?? '/', descriptors);
    const rows = this.rowsFor(descriptors, new Set());
    const proposed = rows.filter((r) => r.indicatorId).length;
    const notices = this.discovery.blockedFrames.map((b) =>
      t('blockedFrame', { source: b.src || frameLabel(b.frame) }),
    );
    const message =
      descriptors.length === 0
        ? this.discovery.blockedFrames.length > 0
          ? t('fieldsInBlockedFrame')
          : t('noFields')
        : t('found', { fields: descriptors.length, pairs: proposed });
    this.set({
      title: input.fillingTitle,
      phase: 'review',
      rows,
      indicators: input.indicators.map((i) => ({ id: i.indicatorId, label: indicatorLabel(i) })),
      problems: [],
      notices: descriptors.length === 0 ? [message, ...notices] : notices,
      filled: 0,
    });
    return {
      ok: descriptors.length > 0,
      message,
      fields: descriptors.length,
      proposed,
      origin: this.origin,
      formKey: this.formKey,
    };
  }

  /** Review rows for these fields; indicators in `used` went to an earlier page's fields. */
  private rowsFor(
    descriptors: readonly FieldDescriptor[],
    used: ReadonlySet<string>,
  ): OverlayRow[] {
    const remembered = this.remembered.find((r) => r.formKey === this.formKey)?.pairs ?? [];
    const open = [...this.indicators.values()].filter((i) => !used.has(i.indicatorId));
    const pairs = matchFields(descriptors, open, remembered);
    const byField = new Map(pairs.map((p) => [p.fieldKey, p]));
    return descriptors.map((d) => {
      const pair = byField.get(d.key);
      const indicator = pair ? this.indicators.get(pair.indicatorId) : undefined;
      const personal = indicator ? null : personalField(d);
      const own = personal ? profileValue(this.profile, personal) : '';
      return {
        fieldKey: d.key,
        fieldLabel: d.label || d.hints[0] || t('unlabeledField'),
        control: d.control,
        frame: frameLabel(d.frame),
        indicatorId: indicator?.indicatorId ?? null,
        indicatorLabel: indicator
          ? indicatorLabel(indicator)
          : personal
            ? t(own ? 'fromProfile' : 'personalNoProfile')
            : '',
        value: indicator ? valueText(indicator.value) : own,
        confidence: pair?.confidence ?? 0,
        remembered: pair?.source === 'remembered',
        // Only what we stand behind is ticked: a doubtful pair waits for the user.
        checked: indicator ? pair!.ticked && indicator.value !== null : own !== '',
        reason: pair?.reason ?? null,
        personal,
      };
    });
  }

  /**
   * The next page of a multi-page form (Google Forms «Далее», a portal wizard): fields that
   * appeared since are paired with the indicators not yet used; the earlier ones stay as they
   * were, and undo still puts back every page.
   */
  continueOnPage(): AutofillStartResult {
    if (this.result) this.results.push(this.result);
    this.result = null;
    const before = new Set(this.state.rows.map((r) => r.fieldKey));
    const used = new Set(
      this.state.rows.filter((r) => r.indicatorId && r.checked).map((r) => r.indicatorId!),
    );
    this.discovery = discoverFields(this.doc);
    const fresh = this.discovery.fields.map((f) => f.descriptor).filter((d) => !before.has(d.key));
    const rows = this.rowsFor(fresh, used);
    const earlier = this.state.rows.map((r) => ({ ...r, earlier: true }));
    const proposed = rows.filter((r) => r.indicatorId).length;
    const message =
      fresh.length === 0 ? t('noNewFields') : t('found', { fields: fresh.length, pairs: proposed });
    this.set({
      phase: 'review',
      rows: [...rows, ...earlier],
      problems: [],
      notices: fresh.length === 0 ? [message] : [],
      filled: 0,
    });
    return {
      ok: fresh.length > 0,
      message,
      fields: fresh.length,
      proposed,
      origin: this.origin,
      formKey: this.formKey,
    };
  }

  /**
   * Each field's `name` attribute, read on its control or the nearest element around it that
   * has one (across a shadow root's host): lets a test page say which field is which.
   */
  fieldAttribute(name: string): Record<string, string | null> {
    const out: Record<string, string | null> = {};
    for (const f of this.discovery.fields) {
      let el: Element | null = f.elements[0] ?? null;
      let found: string | null = null;
      while (el && found === null) {
        found = el.getAttribute(name);
        const parent: Element | null =
          el.parentElement ??
          ((el.getRootNode() as ShadowRoot).host as Element | undefined) ??
          null;
        el = parent;
      }
      out[f.descriptor.key] = found;
    }
    return out;
  }

  setRow(
    fieldKey: string,
    patch: Partial<Pick<OverlayRow, 'checked' | 'value' | 'indicatorId'>>,
  ): void {
    this.set({
      rows: this.state.rows.map((r) => {
        if (r.fieldKey !== fieldKey) return r;
        const next = { ...r, ...patch };
        if (patch.indicatorId !== undefined && patch.indicatorId !== r.indicatorId) {
          const ind = patch.indicatorId ? this.indicators.get(patch.indicatorId) : undefined;
          next.indicatorId = ind?.indicatorId ?? null;
          next.indicatorLabel = ind ? indicatorLabel(ind) : '';
          next.value = patch.value ?? (ind ? valueText(ind.value) : '');
          next.confidence = ind ? 1 : 0;
          next.reason = null;
          next.checked = patch.checked ?? Boolean(ind);
        }
        return next;
      }),
    });
  }

  private field(key: string): DiscoveredField | undefined {
    return this.discovery.fields.find((f) => f.descriptor.key === key);
  }

  /** Fills the ticked pairs. Nothing is submitted. */
  async fill(): Promise<{ filled: number; problems: FillProblem[] }> {
    if (this.state.phase === 'filling') return { filled: 0, problems: [] };
    this.set({ phase: 'filling' });
    const problems: FillProblem[] = [];
    const orders = [];
    for (const row of this.state.rows) {
      if (!row.checked || row.earlier || (!row.indicatorId && !row.personal)) continue;
      const field = this.field(row.fieldKey);
      if (!field) continue;
      const converted = valueForField(field.descriptor, row.value === '' ? null : row.value);
      if (!converted.ok)
        problems.push({ fieldKey: row.fieldKey, label: row.fieldLabel, reason: converted.reason });
      else orders.push({ field, value: converted.value });
    }
    this.result = await fillFields(orders);
    problems.push(...this.result.problems.map((p) => ({ ...p, label: this.labelOf(p.fieldKey) })));
    // Values that did not stick are put back, so the page shows only what we stand behind.
    const failedKeys = new Set(this.result.problems.map((p) => p.fieldKey));
    this.set({ phase: 'filled', problems, filled: this.result.filled.length });
    if (failedKeys.size === 0 || this.result.filled.length > 0) await this.remember(failedKeys);
    return { filled: this.result.filled.length, problems };
  }

  private labelOf(key: string): string {
    return this.state.rows.find((r) => r.fieldKey === key)?.fieldLabel ?? key;
  }

  private async remember(failed: Set<string>): Promise<void> {
    const pairs = this.state.rows
      .filter((r) => r.checked && r.indicatorId && !r.earlier && !failed.has(r.fieldKey))
      .map((r) => {
        const ind = this.indicators.get(r.indicatorId!)!;
        return {
          fieldKey: r.fieldKey,
          indicatorId: ind.indicatorId,
          indicatorNumber: ind.number,
          indicatorText: ind.text.slice(0, 4000),
        };
      });
    if (pairs.length === 0) return;
    try {
      await this.send({
        type: 'autofill-pairings-confirmed',
        origin: this.origin,
        formKey: this.formKey,
        pairs,
        at: this.clock().toISOString(),
      });
    } catch {
      this.set({ notices: [...this.state.notices, t('notRemembered')] });
    }
  }

  /** One click undoes the whole fill, every page of it, the last page first. */
  async undo(): Promise<FillProblem[]> {
    const all = [...this.results, ...(this.result ? [this.result] : [])].reverse();
    if (all.length === 0) return [];
    const failed: FillProblem[] = [];
    for (const r of all) failed.push(...(await r.undo()));
    this.result = null;
    this.results = [];
    this.set({
      phase: 'undone',
      problems: failed.map((p) => ({ ...p, label: this.labelOf(p.fieldKey) })),
      filled: 0,
    });
    return failed;
  }

  close(): void {
    this.set({ phase: 'closed' });
  }
}
