// People and organisations: short lists with an inline form; deletes can be undone.
import { useState, type FormEvent } from 'react';
import type { Organisation, Person } from '../../lib/model/index.ts';
import { plural } from '../../lib/ru/plural.ts';
import { Field, issuesByField, validationIssues } from '../common/Field.tsx';
import { ORG_FORMS, PEOPLE_FORMS, errorMessage } from '../common/format.ts';
import { useDashboard } from './context.ts';

const ORG_KIND_LABELS: Record<Organisation['kind'], string> = {
  school: 'школа',
  authority: 'управление образования',
  centre: 'методический центр',
  other: 'другая',
};

export function PeopleTab() {
  const { repo, snapshot, deleted } = useDashboard();
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const orgName = new Map(snapshot.organisations.map((o) => [o.id, o.name]));
  const people = [...snapshot.people].sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  return (
    <section className="stack" aria-label="Люди">
      <div className="row">
        <p className="muted small grow">{plural(people.length, PEOPLE_FORMS)}</p>
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          Добавить человека
        </button>
      </div>
      {editing && (
        <PersonForm
          key={editing === 'new' ? 'new' : editing.id}
          person={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      )}
      {people.length === 0 ? (
        <p className="empty muted card">Людей пока нет: добавьте ответственных за мероприятия.</p>
      ) : (
        <ul className="plain-list card" aria-label="Список людей">
          {people.map((p) => (
            <li key={p.id} className="row">
              <span className="grow">
                <strong>{p.name}</strong>
                <span className="muted small">
                  {[p.position, p.orgId ? orgName.get(p.orgId) : '']
                    .filter(Boolean)
                    .map((t) => ` · ${t}`)}
                </span>
              </span>
              <button type="button" className="link" onClick={() => setEditing(p)}>
                Изменить
              </button>
              <button
                type="button"
                className="link"
                onClick={() =>
                  deleted(repo.deletePerson(p.id), `«${p.name}» удалён(а) из списка людей.`)
                }
              >
                Удалить
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PersonForm({ person, onDone }: { person: Person | null; onDone: () => void }) {
  const { repo, snapshot } = useDashboard();
  const [name, setName] = useState(person?.name ?? '');
  const [position, setPosition] = useState(person?.position ?? '');
  const [orgId, setOrgId] = useState(person?.orgId ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  function save(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    setError(null);
    const fields = { name: name.trim(), position: position.trim(), orgId: orgId || null };
    try {
      if (person) repo.updatePerson(person.id, fields);
      else repo.createPerson(fields);
      onDone();
    } catch (e) {
      const issues = validationIssues(e);
      if (issues) setErrors(issuesByField(issues));
      else setError(errorMessage(e));
    }
  }
  return (
    <form className="card stack" onSubmit={save} noValidate aria-label="Человек">
      <div className="grid">
        <Field label="ФИО" error={errors.name}>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="И.В. Ещенко"
            autoFocus
          />
        </Field>
        <Field label="Должность" error={errors.position}>
          <input
            value={position}
            onChange={(e) => setPosition(e.target.value)}
            placeholder="заместитель директора по УВР"
          />
        </Field>
        <Field label="Организация" error={errors.orgId}>
          <select value={orgId} onChange={(e) => setOrgId(e.target.value)}>
            <option value="">— не указана —</option>
            {snapshot.organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {error && (
        <div className="notice error" role="alert">
          {error}
        </div>
      )}
      <div className="row">
        <button type="submit" className="primary">
          Сохранить
        </button>
        <button type="button" onClick={onDone}>
          Отмена
        </button>
      </div>
    </form>
  );
}

export function OrganisationsTab() {
  const { repo, snapshot, deleted } = useDashboard();
  const [editing, setEditing] = useState<Organisation | 'new' | null>(null);
  const orgs = [...snapshot.organisations].sort((a, b) =>
    a.name.localeCompare(b.name, 'ru', { numeric: true }),
  );
  const shnor = orgs.filter((o) => o.shnor).length;
  return (
    <section className="stack" aria-label="Организации">
      <div className="row">
        <p className="muted small grow">
          {plural(orgs.length, ORG_FORMS)}
          {shnor > 0 ? `, из них ШНОР: ${shnor}` : ''}
        </p>
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          Добавить организацию
        </button>
      </div>
      {editing && (
        <OrganisationForm
          key={editing === 'new' ? 'new' : editing.id}
          org={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      )}
      {orgs.length === 0 ? (
        <p className="empty muted card">
          Организаций пока нет: добавьте школы, с которыми работаете.
        </p>
      ) : (
        <ul className="plain-list card" aria-label="Список организаций">
          {orgs.map((o) => (
            <li key={o.id} className="row">
              <span className="grow">
                <strong>{o.name}</strong>{' '}
                <span className="muted small">{ORG_KIND_LABELS[o.kind]}</span>{' '}
                {o.shnor && <span className="badge">ШНОР</span>}
              </span>
              <button type="button" className="link" onClick={() => setEditing(o)}>
                Изменить
              </button>
              <button
                type="button"
                className="link"
                onClick={() =>
                  deleted(repo.deleteOrganisation(o.id), `Организация «${o.name}» удалена.`)
                }
              >
                Удалить
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function OrganisationForm({ org, onDone }: { org: Organisation | null; onDone: () => void }) {
  const { repo } = useDashboard();
  const [name, setName] = useState(org?.name ?? '');
  const [number, setNumber] = useState(org?.number ?? '');
  const [kind, setKind] = useState<Organisation['kind']>(org?.kind ?? 'school');
  const [shnor, setShnor] = useState(org?.shnor ?? false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  function save(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    setError(null);
    const fields = { name: name.trim(), number: number.trim() || null, kind, shnor };
    try {
      if (org) repo.updateOrganisation(org.id, fields);
      else repo.createOrganisation(fields);
      onDone();
    } catch (e) {
      const issues = validationIssues(e);
      if (issues) setErrors(issuesByField(issues));
      else setError(errorMessage(e));
    }
  }
  return (
    <form className="card stack" onSubmit={save} noValidate aria-label="Организация">
      <div className="grid">
        <Field label="Название" error={errors.name}>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="МБОУ СОШ № 12"
            autoFocus
          />
        </Field>
        <Field label="Номер" error={errors.number}>
          <input value={number} onChange={(e) => setNumber(e.target.value)} placeholder="12" />
        </Field>
        <Field label="Вид" error={errors.kind}>
          <select value={kind} onChange={(e) => setKind(e.target.value as Organisation['kind'])}>
            {Object.entries(ORG_KIND_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <label className="check">
          <input type="checkbox" checked={shnor} onChange={(e) => setShnor(e.target.checked)} />
          Школа с низкими образовательными результатами (ШНОР)
        </label>
      </div>
      {error && (
        <div className="notice error" role="alert">
          {error}
        </div>
      )}
      <div className="row">
        <button type="submit" className="primary">
          Сохранить
        </button>
        <button type="button" onClick={onDone}>
          Отмена
        </button>
      </div>
    </form>
  );
}
