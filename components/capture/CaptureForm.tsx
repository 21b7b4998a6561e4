// «Сохранить страницу как подтверждение»: the form that finishes a capture, in the popup and on
// the capture page (context menu). Values are proposed from the page; the user corrects them.
import { DateInput } from '../common/DateInput.tsx';
import { useMemo, useState, type FormEvent } from 'react';
import { captureDraftSchema, type CaptureDraft } from '../../lib/capture/index.ts';
import { evidenceKindLabel } from '../../lib/model/labels.ts';
import { evidenceKindSchema, type EvidenceKind } from '../../lib/model/records.ts';
import { Field } from '../common/Field.tsx';
import { formatSize } from '../common/format.ts';
import { t } from './messages.ts';

export interface ActivityOption {
  id: string;
  number: string;
  title: string;
}

export interface CaptureFormProps {
  initial: CaptureDraft;
  /** «На странице найден приказ от 14.05.2021 № 736», or null. */
  recognised: string | null;
  screenshot: { bytes: Uint8Array } | null;
  screenshotProblem: string | null;
  activities: readonly ActivityOption[];
  onSave(
    draft: CaptureDraft,
    opts: { activityId: string | null; withScreenshot: boolean },
  ): Promise<void>;
  onCancel(): void;
}

const norm = (s: string) => s.toLowerCase().replaceAll('ё', 'е');

/** Word-start match that forgives Russian endings: «ВПР анализа» finds «Анализ результатов ВПР». */
export function matchesQuery(title: string, query: string): boolean {
  const words = norm(title).split(/[^\p{L}\d]+/u);
  return norm(query)
    .split(/[^\p{L}\d]+/u)
    .filter(Boolean)
    .every((q) => {
      const stem = q.length > 5 ? q.slice(0, q.length - 2) : q;
      return words.some((w) => w.startsWith(stem));
    });
}

export function CaptureForm(props: CaptureFormProps) {
  const [draft, setDraft] = useState<CaptureDraft>(props.initial);
  const [query, setQuery] = useState('');
  const [activityId, setActivityId] = useState<string | null>(null);
  const [withScreenshot, setWithScreenshot] = useState(props.screenshot !== null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof CaptureDraft>(key: K, value: CaptureDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  const chosen = props.activities.find((a) => a.id === activityId) ?? null;
  const matches = useMemo(() => {
    const q = query.trim();
    const list = q
      ? props.activities.filter((a) => matchesQuery(`${a.number} ${a.title}`, q))
      : props.activities;
    return list.slice(0, 6);
  }, [props.activities, query]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const parsed = captureDraftSchema.safeParse(draft);
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) next[String(issue.path[0])] ??= issue.message;
      setErrors(next);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await props.onSave(parsed.data, { activityId, withScreenshot });
    } catch (error) {
      setFailure(
        t('nothingSaved', { message: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="capture stack" onSubmit={submit} noValidate aria-label={t('savingPage')}>
      <div className="capture-source">
        <div className="muted small">{t('page')}</div>
        <div className="capture-url" title={draft.url}>
          {draft.url}
        </div>
      </div>
      {props.recognised && (
        <div className="notice ok small" data-testid="capture-recognised">
          {/* «№ 736» stays on one line. */}
          {props.recognised.replace('№ ', '№\u00a0')}
        </div>
      )}
      <Field label={t('kind')}>
        <select
          name="kind"
          value={draft.kind}
          onChange={(e) => set('kind', evidenceKindSchema.parse(e.target.value) as EvidenceKind)}
        >
          {evidenceKindSchema.options.map((k) => (
            <option key={k} value={k}>
              {evidenceKindLabel(k)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('title')} error={errors.title}>
        <textarea
          name="title"
          rows={2}
          value={draft.title}
          onChange={(e) => set('title', e.target.value)}
        />
      </Field>
      <div className="capture-pair">
        <Field label={t('date')} error={errors.date}>
          <DateInput
            name="date"

            value={draft.date}
            onChange={(e) => set('date', e.target.value)}
          />
        </Field>
        <Field label={t('number')} error={errors.number}>
          <input
            name="number"
            value={draft.number}
            onChange={(e) => set('number', e.target.value)}
          />
        </Field>
      </div>
      <Field label={t('issuer')} error={errors.issuer}>
        <input
          name="issuer"
          value={draft.issuer}
          placeholder={t('issuerPlaceholder')}
          onChange={(e) => set('issuer', e.target.value)}
        />
      </Field>
      {draft.note && (
        <Field label={t('note')} error={errors.note}>
          <textarea
            name="note"
            rows={3}
            value={draft.note}
            onChange={(e) => set('note', e.target.value)}
          />
        </Field>
      )}
      <fieldset className="capture-activity">
        <legend>{t('provesActivity')}</legend>
        <input
          type="search"
          aria-label={t('findActivity')}
          placeholder={t('findActivityPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <div role="radiogroup" aria-label={t('activities')} className="capture-options">
          <label className="capture-option">
            <input
              type="radio"
              name="activity"
              checked={activityId === null}
              onChange={() => setActivityId(null)}
            />
            <span className="muted">{t('noLink')}</span>
          </label>
          {chosen && !matches.includes(chosen) && (
            <label className="capture-option">
              <input
                type="radio"
                name="activity"
                checked
                onChange={() => setActivityId(chosen.id)}
              />
              <span>{optionText(chosen)}</span>
            </label>
          )}
          {matches.map((a) => (
            <label className="capture-option" key={a.id}>
              <input
                type="radio"
                name="activity"
                checked={activityId === a.id}
                onChange={() => setActivityId(a.id)}
              />
              <span>{optionText(a)}</span>
            </label>
          ))}
          {matches.length === 0 && <span className="muted small">{t('nothingFound')}</span>}
        </div>
      </fieldset>
      {props.screenshot ? (
        <label className="row small">
          <input
            type="checkbox"
            checked={withScreenshot}
            onChange={(e) => setWithScreenshot(e.target.checked)}
          />
          {t('withScreenshot', { size: formatSize(props.screenshot.bytes.length) })}
        </label>
      ) : (
        props.screenshotProblem && <p className="muted small">{props.screenshotProblem}</p>
      )}
      {failure && (
        <div className="notice error" role="alert">
          {failure}
        </div>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {t('saveEvidence')}
        </button>
        <button type="button" onClick={props.onCancel} disabled={busy}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

function optionText(a: ActivityOption): string {
  return a.number ? `${a.number} ${a.title}` : a.title;
}
