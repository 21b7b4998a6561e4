// «Настройки»: the organisation, its school year, the quarter boundaries (schools shift their
// holidays, so they are editable) and the list of directions activities are grouped by.
import { DateInput } from '../common/DateInput.tsx';
import { useState } from 'react';
import { LanguageSwitch } from '../common/LanguageSwitch.tsx';
import { parsePeriod } from '../../lib/periods/index.ts';
import { formatRuDate } from '../../lib/ru/date.ts';
import { Field, issuesByField, validationIssues } from '../common/Field.tsx';
import { countOf, errorMessage } from '../common/format.ts';
import { useDashboard } from './context.ts';
import { LearnedRules } from '../monitoring/LearnedRules.tsx';
import { AutofillProfileCard } from '../settings/AutofillProfileCard.tsx';
import { t } from './records-messages.ts';

export function WorkspaceSettings() {
  const { repo, snapshot } = useDashboard();
  const ws = snapshot.workspace;
  const [name, setName] = useState(ws.name);
  const [municipality, setMunicipality] = useState(ws.municipality);
  const [quarters, setQuarters] = useState(ws.quarters);
  const [directions, setDirections] = useState(ws.directions.join('\n'));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string | null>(null);

  function save() {
    setStatus(null);
    try {
      repo.updateWorkspace({
        name: name.trim(),
        municipality: municipality.trim(),
        quarters,
        directions: directions
          .split('\n')
          .map((d) => d.trim())
          .filter(Boolean),
      });
      setErrors({});
      setStatus(t('saved'));
    } catch (error) {
      const issues = validationIssues(error);
      if (issues) setErrors(issuesByField(issues));
      else setStatus(errorMessage(error));
    }
  }

  /** Deadlines written as «до четвертой четверти» depend on the quarters: read them again. */
  function reparse() {
    const ctx = { schoolYear: ws.schoolYear, quarters: ws.quarters };
    let changed = 0;
    repo.doc.transact(() => {
      for (const a of snapshot.activities) {
        if (!a.period.raw) continue;
        const parsed = parsePeriod(a.period.raw, ctx);
        if (JSON.stringify(parsed) === JSON.stringify(a.period.parsed)) continue;
        repo.updateActivity(a.id, { period: { raw: a.period.raw, parsed } });
        changed++;
      }
    });
    setStatus(t('reparsed', { count: countOf('activities', changed) }));
  }

  return (
    <section className="stack backup" aria-label={t('settings')}>
      <LanguageSwitch />
      <div className="card stack">
        <h2>{t('organisation')}</h2>
        <Field label={t('name')} error={errors.name}>
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label={t('municipality')} error={errors.municipality}>
          <input value={municipality} onChange={(e) => setMunicipality(e.target.value)} />
        </Field>
        <p className="muted small">{t('schoolYear', { year: ws.schoolYear })}</p>
      </div>
      <div className="card stack">
        <h2>{t('quarters')}</h2>
        {errors.quarters && <span className="field-error">{errors.quarters}</span>}
        {quarters.map((q, i) => (
          <div className="row" key={q.name}>
            <span style={{ minWidth: 110 }}>{q.name}</span>
            <Field label={t('from')}>
              <DateInput
                value={q.start}
                onChange={(e) =>
                  setQuarters(
                    quarters.map((x, j) => (j === i ? { ...x, start: e.target.value } : x)),
                  )
                }
              />
            </Field>
            <Field label={t('to')}>
              <DateInput
                value={q.end}
                onChange={(e) =>
                  setQuarters(quarters.map((x, j) => (j === i ? { ...x, end: e.target.value } : x)))
                }
              />
            </Field>
            <span className="muted small">
              {formatRuDate(q.start)}–{formatRuDate(q.end)}
            </span>
          </div>
        ))}
      </div>
      <div className="card stack">
        <h2>{t('directions')}</h2>
        <Field label={t('onePerLine')} error={errors.directions}>
          <textarea rows={7} value={directions} onChange={(e) => setDirections(e.target.value)} />
        </Field>
      </div>
      <div className="row">
        <button type="button" className="primary" onClick={save}>
          {t('saveSettings')}
        </button>
        <button type="button" onClick={reparse} title={t('reparseTitle')}>
          {t('reparse')}
        </button>
        {status && (
          <span role="status" className="muted">
            {status}
          </span>
        )}
      </div>
      <AutofillProfileCard />
      <LearnedRules repo={repo} snapshot={snapshot} />
    </section>
  );
}
