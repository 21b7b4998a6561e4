// «Настройки»: the organisation, its school year, the quarter boundaries (schools shift their
// holidays, so they are editable) and the list of directions activities are grouped by.
import { useState } from 'react';
import { LanguageSwitch } from '../common/LanguageSwitch.tsx';
import { parsePeriod } from '../../lib/periods/index.ts';
import { formatRuDate } from '../../lib/ru/date.ts';
import { plural } from '../../lib/ru/plural.ts';
import { Field, issuesByField, validationIssues } from '../common/Field.tsx';
import { errorMessage } from '../common/format.ts';
import { useDashboard } from './context.ts';

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
      setStatus('Сохранено.');
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
    setStatus(
      `Сроки пересчитаны: ${plural(changed, ['мероприятие', 'мероприятия', 'мероприятий'])} изменено.`,
    );
  }

  return (
    <section className="stack backup" aria-label="Настройки">
      <LanguageSwitch />
      <div className="card stack">
        <h2>Организация</h2>
        <Field label="Название" error={errors.name}>
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label="Муниципалитет" error={errors.municipality}>
          <input value={municipality} onChange={(e) => setMunicipality(e.target.value)} />
        </Field>
        <p className="muted small">
          Учебный год: {ws.schoolYear}. Новый учебный год — новое рабочее пространство.
        </p>
      </div>
      <div className="card stack">
        <h2>Четверти</h2>
        {errors.quarters && <span className="field-error">{errors.quarters}</span>}
        {quarters.map((q, i) => (
          <div className="row" key={q.name}>
            <span style={{ minWidth: 110 }}>{q.name}</span>
            <Field label="с">
              <input
                type="date"
                value={q.start}
                onChange={(e) =>
                  setQuarters(
                    quarters.map((x, j) => (j === i ? { ...x, start: e.target.value } : x)),
                  )
                }
              />
            </Field>
            <Field label="по">
              <input
                type="date"
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
        <h2>Направления деятельности</h2>
        <Field label="По одному в строке" error={errors.directions}>
          <textarea rows={7} value={directions} onChange={(e) => setDirections(e.target.value)} />
        </Field>
      </div>
      <div className="row">
        <button type="button" className="primary" onClick={save}>
          Сохранить настройки
        </button>
        <button
          type="button"
          onClick={reparse}
          title="Прочитать сроки мероприятий заново по сохранённым четвертям"
        >
          Пересчитать сроки по четвертям
        </button>
        {status && (
          <span role="status" className="muted">
            {status}
          </span>
        )}
      </div>
    </section>
  );
}
