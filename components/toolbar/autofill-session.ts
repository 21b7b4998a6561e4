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
import { matchFields } from '../../lib/autofill/match.ts';
import { formKeyOf, type IndicatorInput } from '../../lib/autofill/types.ts';
import { valueForField } from '../../lib/autofill/values.ts';
import { setLocale } from '../../lib/i18n/index.ts';
import {
  autofillStartSchema,
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
    this.discovery = discoverFields(this.doc);
    const descriptors = this.discovery.fields.map((f) => f.descriptor);
    this.formKey = formKeyOf(loc?.pathname ?? '/', descriptors);
    const remembered = input.remembered.find((r) => r.formKey === this.formKey)?.pairs ?? [];
    const pairs = matchFields(descriptors, input.indicators, remembered);
    const byField = new Map(pairs.map((p) => [p.fieldKey, p]));
    const rows: OverlayRow[] = descriptors.map((d) => {
      const pair = byField.get(d.key);
      const indicator = pair ? this.indicators.get(pair.indicatorId) : undefined;
      return {
        fieldKey: d.key,
        fieldLabel: d.label || d.hints[0] || t('unlabeledField'),
        control: d.control,
        frame: frameLabel(d.frame),
        indicatorId: indicator?.indicatorId ?? null,
        indicatorLabel: indicator ? indicatorLabel(indicator) : '',
        value: indicator ? valueText(indicator.value) : '',
        confidence: pair?.confidence ?? 0,
        remembered: pair?.source === 'remembered',
        checked: Boolean(indicator) && indicator!.value !== null,
      };
    });
    const notices = this.discovery.blockedFrames.map((b) =>
      t('blockedFrame', { source: b.src || frameLabel(b.frame) }),
    );
    const message =
      descriptors.length === 0
        ? this.discovery.blockedFrames.length > 0
          ? t('fieldsInBlockedFrame')
          : t('noFields')
        : t('found', { fields: descriptors.length, pairs: pairs.length });
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
      proposed: pairs.length,
      origin: this.origin,
      formKey: this.formKey,
    };
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
      if (!row.checked || !row.indicatorId) continue;
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
      .filter((r) => r.checked && r.indicatorId && !failed.has(r.fieldKey))
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

  /** One click undoes the whole fill. */
  async undo(): Promise<FillProblem[]> {
    if (!this.result) return [];
    const failed = await this.result.undo();
    this.result = null;
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
