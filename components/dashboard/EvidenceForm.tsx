// Create or edit one evidence record, attach its files, and link it to activities.
import { DateInput } from '../common/DateInput.tsx';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import {
  EVIDENCE_KIND_LABELS,
  evidenceKindLabel,
  type AttachmentRef,
  type Evidence,
  type EvidenceKind,
} from '../../lib/model/index.ts';
import { formatRuDate } from '../../lib/ru/date.ts';
import { Field, issuesByField, validationIssues } from '../common/Field.tsx';
import { errorMessage } from '../common/format.ts';
import { useDashboard } from './context.ts';
import { RecordHistory } from './RecordHistory.tsx';
import { FormFooter, type FormMessage } from './FormFooter.tsx';
import { LinkPicker, evidenceLabel } from './LinkPicker.tsx';
import { AttachmentLink } from './Attachments.tsx';
import { short } from './ActivityForm.tsx';
import { t } from './records-messages.ts';

interface Draft {
  kind: EvidenceKind;
  issuer: string;
  date: string;
  number: string;
  title: string;
  url: string;
  note: string;
  attachments: AttachmentRef[];
}

function draftOf(e: Evidence | null): Draft {
  return {
    kind: e?.kind ?? 'order',
    issuer: e?.issuer ?? '',
    date: e?.date ?? '',
    number: e?.number ?? '',
    title: e?.title ?? '',
    url: e?.url ?? '',
    note: e?.note ?? '',
    attachments: e?.attachments ?? [],
  };
}

export function EvidenceForm({ evidenceId }: { evidenceId: string }) {
  const { repo, store, derived, navigate, deleted } = useDashboard();
  const existing = evidenceId === 'new' ? null : (derived.evidenceById.get(evidenceId) ?? null);
  const [draft, setDraft] = useState<Draft>(() => draftOf(existing));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<FormMessage | null>(null);
  const [uploading, setUploading] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  if (evidenceId !== 'new' && !existing)
    return (
      <div className="card stack">
        <p>{t('evidenceNotFound')}</p>
        <a href="#evidence">{t('toEvidenceList')}</a>
      </div>
    );

  const fieldsOf = (d: Draft): Partial<Evidence> => ({
    kind: d.kind,
    issuer: d.issuer.trim(),
    date: d.date || null,
    number: d.number.trim(),
    title: d.title.trim(),
    url: d.url.trim(),
    note: d.note,
    attachments: d.attachments,
  });

  function fail(e: unknown) {
    const issues = validationIssues(e);
    if (issues) {
      setErrors(issuesByField(issues));
      setMessage({ kind: 'error', text: t('notSavedFixFields') });
    } else setMessage({ kind: 'error', text: t('notSaved', { message: errorMessage(e) }) });
  }

  function save(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    setMessage(null);
    if (!draft.title.trim() && !draft.number.trim() && !draft.issuer.trim()) {
      setErrors({ title: t('evidenceNeedsName') });
      setMessage({ kind: 'error', text: t('notSavedFixFields') });
      return;
    }
    try {
      if (existing) {
        repo.updateEvidence(existing.id, fieldsOf(draft));
        setMessage({ kind: 'ok', text: t('changesSaved') });
      } else {
        const created = repo.createEvidence(fieldsOf(draft));
        navigate(`evidence-item/${created.id}`);
      }
    } catch (e) {
      fail(e);
    }
  }

  async function attach(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const files = [...(input.files ?? [])];
    input.value = '';
    if (!files.length) return;
    setUploading(true);
    setMessage(null);
    const added: AttachmentRef[] = [];
    try {
      for (const file of files) added.push(await store.putAttachment(file, file.name));
    } catch (e) {
      setMessage({ kind: 'error', text: t('fileNotAttached', { message: errorMessage(e) }) });
    } finally {
      setUploading(false);
    }
    if (!added.length) return;
    const known = new Set(draft.attachments.map((a) => a.hash));
    const attachments = [...draft.attachments, ...added.filter((a) => !known.has(a.hash))];
    set('attachments', attachments);
    // A saved record keeps its files at once: closing the tab must not lose an upload.
    if (existing)
      try {
        repo.updateEvidence(existing.id, { attachments });
      } catch (e) {
        fail(e);
      }
  }

  function detach(hash: string) {
    const attachments = draft.attachments.filter((a) => a.hash !== hash);
    set('attachments', attachments);
    if (existing)
      try {
        repo.updateEvidence(existing.id, { attachments });
      } catch (e) {
        fail(e);
      }
  }

  function remove() {
    if (!existing) return;
    try {
      const bundle = repo.deleteEvidence(existing.id);
      deleted(bundle, t('evidenceDeleted', { label: short(evidenceLabel(existing)) }));
      navigate('evidence');
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  }

  const linked = existing ? (derived.activityIdsByEvidence.get(existing.id) ?? []) : [];

  return (
    <div className="form-page">
      <form
        className="card stack evidence-form"
        onSubmit={save}
        noValidate
        aria-label={t('evidence')}
      >
        <div className="row">
          <a href="#evidence">{t('backToEvidence')}</a>
          <span className="spacer" />
          {existing && (
            <span className="muted small">
              {t('changedOn', { date: formatRuDate(existing.updatedAt) })}
              {existing.updatedBy ? ` · ${existing.updatedBy}` : ''}
            </span>
          )}
        </div>
        <h2>{existing ? t('evidence') : t('newEvidence')}</h2>
        <div className="grid">
          <Field label={t('documentKind')} error={errors.kind}>
            <select
              name="kind"
              value={draft.kind}
              onChange={(e) => set('kind', e.target.value as EvidenceKind)}
            >
              {(Object.keys(EVIDENCE_KIND_LABELS) as EvidenceKind[]).map((value) => (
                <option key={value} value={value}>
                  {evidenceKindLabel(value)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('issuer')} error={errors.issuer} hint={t('issuerHint')}>
            <input
              name="issuer"
              value={draft.issuer}
              onChange={(e) => set('issuer', e.target.value)}
            />
          </Field>
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
          <Field label={t('title')} error={errors.title} className="wide">
            <textarea
              name="title"
              rows={2}
              value={draft.title}
              onChange={(e) => set('title', e.target.value)}
              autoFocus={!existing}
            />
          </Field>
          <Field label={t('url')} error={errors.url} className="wide">
            <input
              name="url"
              type="url"
              value={draft.url}
              placeholder="https://"
              onChange={(e) => set('url', e.target.value)}
            />
          </Field>
          <Field label={t('note')} error={errors.note} className="wide">
            <textarea
              name="note"
              rows={3}
              value={draft.note}
              onChange={(e) => set('note', e.target.value)}
            />
          </Field>
        </div>
        <fieldset className="attachments">
          <legend>{t('filesLegend')}</legend>
          {draft.attachments.length === 0 ? (
            <p className="muted small">{t('noFiles')}</p>
          ) : (
            <ul className="files" aria-label={t('attachedFiles')}>
              {draft.attachments.map((file) => (
                <li key={file.hash} className="row">
                  <AttachmentLink file={file} />
                  <span className="spacer" />
                  <button type="button" className="link" onClick={() => detach(file.hash)}>
                    {t('detach')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <label className="button file-button">
            {uploading ? t('savingFile') : t('attachFile')}
            <input
              type="file"
              className="visually-hidden"
              aria-label={t('attachFile')}
              accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.gif,.webp,application/pdf,image/*"
              multiple
              onChange={attach}
              disabled={uploading}
            />
          </label>
          {errors.attachments && <span className="field-error">{errors.attachments}</span>}
        </fieldset>
        <FormFooter
          message={message}
          existing={Boolean(existing)}
          createLabel={t('createEvidence')}
          deleteLabel={t('deleteEvidence')}
          listHref="#evidence"
          onDelete={remove}
        />
      </form>
      {existing && <RecordHistory collection="evidence" recordId={existing.id} />}
      {existing && (
        <section className="card stack" aria-label={t('evidenceActivitiesLabel')}>
          <h3>{t('evidenceActivitiesHeading')}</h3>
          <LinkPicker side="evidence" ownerId={existing.id} linkedIds={linked} />
        </section>
      )}
    </div>
  );
}
