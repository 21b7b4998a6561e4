// Create or edit one activity; validation messages from the store appear beside their fields.
import { DateInput } from '../common/DateInput.tsx';
import { useState, type FormEvent } from 'react';
import {
  activityLevelSchema,
  activityStatusSchema,
  levelLabel,
  statusLabel,
  type Activity,
  type ActivityLevel,
  type ActivityStatus,
  type ParsedPeriod,
} from '../../lib/model/index.ts';
import { formatRuDate } from '../../lib/ru/date.ts';
import { describePeriod, parsePeriod, type PeriodContext } from '../../lib/periods/index.ts';
import { Field, issuesByField, validationIssues } from '../common/Field.tsx';
import { errorMessage } from '../common/format.ts';
import { useDashboard } from './context.ts';
import { RecordHistory } from './RecordHistory.tsx';
import { FormFooter, type FormMessage } from './FormFooter.tsx';
import { LinkPicker } from './LinkPicker.tsx';
import { t } from './register-messages.ts';

interface Draft {
  number: string;
  title: string;
  direction: string;
  level: ActivityLevel | '';
  periodRaw: string;
  /** The user typed dates by hand: they win over what the period text says. */
  datesTouched: boolean;
  start: string;
  end: string;
  place: string;
  responsibleIds: string[];
  status: ActivityStatus;
  report: string;
}

function draftOf(a: Activity | null): Draft {
  return {
    number: a?.number ?? '',
    title: a?.title ?? '',
    direction: a?.direction ?? '',
    level: a?.level ?? '',
    periodRaw: a?.period.raw ?? '',
    datesTouched: false,
    start: a?.period.parsed?.start ?? '',
    end: a?.period.parsed?.end ?? '',
    place: a?.place ?? '',
    responsibleIds: a?.responsibleIds ?? [],
    status: a?.status ?? 'planned',
    report: a?.report ?? '',
  };
}

/** The period as written plus its dates: typed dates win; otherwise the text is parsed. */
function periodOf(draft: Draft, ctx: PeriodContext): Activity['period'] {
  const raw = draft.periodRaw.trim();
  if (draft.datesTouched && (draft.start || draft.end)) {
    const kind: ParsedPeriod['kind'] =
      draft.start && draft.end
        ? draft.start === draft.end
          ? 'date'
          : 'range'
        : draft.end
          ? 'deadline'
          : 'date';
    return {
      raw: raw || [draft.start, draft.end].filter(Boolean).map(formatRuDate).join('–'),
      parsed: {
        raw,
        kind,
        start: draft.start || null,
        end: draft.end || (kind === 'date' ? draft.start : null) || null,
        every: null,
        times: null,
      },
    };
  }
  return { raw, parsed: raw ? parsePeriod(raw, ctx) : null };
}

export function ActivityForm({ activityId }: { activityId: string }) {
  const { repo, derived, snapshot, navigate, deleted } = useDashboard();
  const existing = activityId === 'new' ? null : (derived.activityById.get(activityId) ?? null);
  const [draft, setDraft] = useState<Draft>(() => draftOf(existing));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<FormMessage | null>(null);
  const periodCtx: PeriodContext = {
    schoolYear: snapshot.workspace.schoolYear,
    quarters: snapshot.workspace.quarters,
  };
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  if (activityId !== 'new' && !existing)
    return (
      <div className="card stack">
        <p>{t('activityNotFound')}</p>
        <a href="#activities">{t('toActivityList')}</a>
      </div>
    );

  function save(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    setMessage(null);
    const fields: Partial<Activity> & { title: string } = {
      number: draft.number.trim(),
      title: draft.title.trim(),
      direction: draft.direction,
      level: draft.level || null,
      period: periodOf(draft, periodCtx),
      place: draft.place.trim(),
      responsibleIds: draft.responsibleIds,
      status: draft.status,
      report: draft.report,
    };
    try {
      if (existing) {
        repo.updateActivity(existing.id, fields);
        setMessage({ kind: 'ok', text: t('changesSaved') });
      } else {
        const created = repo.createActivity(fields);
        navigate(`activity/${created.id}`);
      }
    } catch (e) {
      const issues = validationIssues(e);
      if (issues) {
        setErrors(issuesByField(issues));
        setMessage({ kind: 'error', text: t('notSavedFixFields') });
      } else setMessage({ kind: 'error', text: t('notSaved', { message: errorMessage(e) }) });
    }
  }

  function remove() {
    if (!existing) return;
    try {
      const bundle = repo.deleteActivity(existing.id);
      deleted(bundle, t('activityDeleted', { title: short(existing.title) }));
      navigate('activities');
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  }

  const linked = existing ? (derived.evidenceIdsByActivity.get(existing.id) ?? []) : [];

  return (
    <div className="form-page">
      <form
        className="card stack activity-form"
        onSubmit={save}
        noValidate
        aria-label={t('activity')}
      >
        <div className="row">
          <a href="#activities">{t('backToActivities')}</a>
          <span className="spacer" />
          {existing && (
            <span className="muted small">
              {t('changed', { date: formatRuDate(existing.updatedAt) })}
              {existing.updatedBy ? ` · ${existing.updatedBy}` : ''}
            </span>
          )}
        </div>
        <h2>{existing ? t('activity') : t('newActivity')}</h2>
        <div className="grid">
          <Field label={t('number')} error={errors.number} className="narrow">
            <input
              value={draft.number}
              onChange={(e) => set('number', e.target.value)}
              name="number"
            />
          </Field>
          <Field label={t('workContent')} error={errors.title} className="wide">
            <textarea
              name="title"
              rows={3}
              value={draft.title}
              onChange={(e) => set('title', e.target.value)}
              autoFocus={!existing}
            />
          </Field>
          <Field label={t('direction')} error={errors.direction}>
            <select
              name="direction"
              value={draft.direction}
              onChange={(e) => set('direction', e.target.value)}
            >
              <option value="">{t('notSpecifiedNeuter')}</option>
              {derived.directions.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('level')} error={errors.level}>
            <select
              name="level"
              value={draft.level}
              onChange={(e) => set('level', e.target.value as ActivityLevel | '')}
            >
              <option value="">{t('notSpecifiedMasculine')}</option>
              {activityLevelSchema.options.map((value) => (
                <option key={value} value={value}>
                  {levelLabel(value)}
                </option>
              ))}
            </select>
          </Field>
          <Field
            label={t('period')}
            error={errors.period}
            hint={
              draft.periodRaw.trim()
                ? t('understoodAs', {
                    period: describePeriod(parsePeriod(draft.periodRaw, periodCtx)),
                  })
                : t('periodExample')
            }
          >
            <input
              name="period"
              value={draft.periodRaw}
              onChange={(e) => {
                const raw = e.target.value;
                const parsed = parsePeriod(raw, periodCtx);
                setDraft((d) =>
                  d.datesTouched
                    ? { ...d, periodRaw: raw }
                    : { ...d, periodRaw: raw, start: parsed.start ?? '', end: parsed.end ?? '' },
                );
              }}
            />
          </Field>
          <div className="row dates">
            <Field label={t('start')}>
              <DateInput
                name="start"
                value={draft.start}
                onChange={(e) =>
                  setDraft((d) => ({ ...d, start: e.target.value, datesTouched: true }))
                }
              />
            </Field>
            <Field label={t('end')}>
              <DateInput
                name="end"
                value={draft.end}
                onChange={(e) =>
                  setDraft((d) => ({ ...d, end: e.target.value, datesTouched: true }))
                }
              />
            </Field>
          </div>
          <Field label={t('place')} error={errors.place}>
            <input
              name="place"
              value={draft.place}
              onChange={(e) => set('place', e.target.value)}
            />
          </Field>
          <Field label={t('status')} error={errors.status}>
            <select
              name="status"
              value={draft.status}
              onChange={(e) => set('status', e.target.value as ActivityStatus)}
            >
              {activityStatusSchema.options.map((value) => (
                <option key={value} value={value}>
                  {statusLabel(value)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <fieldset className="people-pick">
          <legend>{t('responsibles')}</legend>
          {snapshot.people.length === 0 ? (
            <p className="muted small">
              {t('noPeopleBefore')}
              <a href="#people">{t('noPeopleLink')}</a>
              {t('noPeopleAfter')}
            </p>
          ) : (
            <div className="checks">
              {snapshot.people.map((p) => (
                <label key={p.id} className="check">
                  <input
                    type="checkbox"
                    checked={draft.responsibleIds.includes(p.id)}
                    onChange={(e) =>
                      set(
                        'responsibleIds',
                        e.target.checked
                          ? [...draft.responsibleIds, p.id]
                          : draft.responsibleIds.filter((id) => id !== p.id),
                      )
                    }
                  />
                  {p.name}
                  {p.position && <span className="muted small"> — {p.position}</span>}
                </label>
              ))}
            </div>
          )}
          {errors.responsibleIds && <span className="field-error">{errors.responsibleIds}</span>}
        </fieldset>
        <Field label={t('report')} error={errors.report}>
          <textarea
            name="report"
            rows={4}
            value={draft.report}
            onChange={(e) => set('report', e.target.value)}
          />
        </Field>
        <FormFooter
          message={message}
          existing={Boolean(existing)}
          createLabel={t('createActivity')}
          deleteLabel={t('deleteActivity')}
          listHref="#activities"
          onDelete={remove}
        />
      </form>
      {existing && <RecordHistory collection="activities" recordId={existing.id} />}
      {existing && (
        <section className="card stack" aria-label={t('activityEvidence')}>
          <h3>{t('evidence')}</h3>
          <LinkPicker side="activity" ownerId={existing.id} linkedIds={linked} />
        </section>
      )}
    </div>
  );
}

export function short(text: string, max = 60): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}
