// People and organisations: short lists with an inline form; deletes can be undone.
import { useState, type FormEvent } from 'react';
import { organisationKindSchema, type Organisation, type Person } from '../../lib/model/index.ts';
import { Field, issuesByField, validationIssues } from '../common/Field.tsx';
import { countOf, errorMessage } from '../common/format.ts';
import { useDashboard } from './context.ts';
import { t } from './register-messages.ts';

/** The kind of an organisation in the interface language (read at render). */
function orgKindLabel(kind: Organisation['kind']): string {
  switch (kind) {
    case 'school':
      return t('orgKindSchool');
    case 'authority':
      return t('orgKindAuthority');
    case 'centre':
      return t('orgKindCentre');
    case 'other':
      return t('orgKindOther');
  }
}

export function PeopleTab() {
  const { repo, snapshot, deleted } = useDashboard();
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const orgName = new Map(snapshot.organisations.map((o) => [o.id, o.name]));
  const people = [...snapshot.people].sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  return (
    <section className="stack" aria-label={t('people')}>
      <div className="row">
        <p className="muted small grow">{countOf('people', people.length)}</p>
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          {t('addPerson')}
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
        <p className="empty muted card">{t('noPeople')}</p>
      ) : (
        <ul className="plain-list card" aria-label={t('peopleList')}>
          {people.map((p) => (
            <li key={p.id} className="row">
              <span className="grow">
                <strong>{p.name}</strong>
                <span className="muted small">
                  {[p.position, p.orgId ? orgName.get(p.orgId) : '']
                    .filter(Boolean)
                    .map((part) => ` · ${part}`)}
                </span>
              </span>
              <button type="button" className="link" onClick={() => setEditing(p)}>
                {t('edit')}
              </button>
              <button
                type="button"
                className="link"
                onClick={() =>
                  deleted(repo.deletePerson(p.id), t('personDeleted', { name: p.name }))
                }
              >
                {t('delete')}
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
    <form className="card stack" onSubmit={save} noValidate aria-label={t('person')}>
      <div className="grid">
        <Field label={t('fullName')} error={errors.name}>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={t('fullNamePlaceholder')}
            autoFocus
          />
        </Field>
        <Field label={t('position')} error={errors.position}>
          <input
            value={position}
            onChange={(e) => setPosition(e.target.value)}
            placeholder={t('positionPlaceholder')}
          />
        </Field>
        <Field label={t('organisation')} error={errors.orgId}>
          <select value={orgId} onChange={(e) => setOrgId(e.target.value)}>
            <option value="">{t('notSpecifiedFeminine')}</option>
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
          {t('save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('cancel')}
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
    <section className="stack" aria-label={t('organisations')}>
      <div className="row">
        <p className="muted small grow">
          {countOf('organisations', orgs.length)}
          {shnor > 0 ? t('shnorCount', { count: shnor }) : ''}
        </p>
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          {t('addOrganisation')}
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
        <p className="empty muted card">{t('noOrganisations')}</p>
      ) : (
        <ul className="plain-list card" aria-label={t('organisationList')}>
          {orgs.map((o) => (
            <li key={o.id} className="row">
              <span className="grow">
                <strong>{o.name}</strong>{' '}
                <span className="muted small">{orgKindLabel(o.kind)}</span>{' '}
                {o.shnor && <span className="badge">{t('shnorBadge')}</span>}
              </span>
              <button type="button" className="link" onClick={() => setEditing(o)}>
                {t('edit')}
              </button>
              <button
                type="button"
                className="link"
                onClick={() =>
                  deleted(repo.deleteOrganisation(o.id), t('organisationDeleted', { name: o.name }))
                }
              >
                {t('delete')}
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
    <form className="card stack" onSubmit={save} noValidate aria-label={t('organisation')}>
      <div className="grid">
        <Field label={t('orgName')} error={errors.name}>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={t('orgNamePlaceholder')}
            autoFocus
          />
        </Field>
        <Field label={t('orgNumber')} error={errors.number}>
          <input value={number} onChange={(e) => setNumber(e.target.value)} placeholder="12" />
        </Field>
        <Field label={t('orgKind')} error={errors.kind}>
          <select value={kind} onChange={(e) => setKind(e.target.value as Organisation['kind'])}>
            {organisationKindSchema.options.map((value) => (
              <option key={value} value={value}>
                {orgKindLabel(value)}
              </option>
            ))}
          </select>
        </Field>
        <label className="check">
          <input type="checkbox" checked={shnor} onChange={(e) => setShnor(e.target.checked)} />
          {t('shnorCheck')}
        </label>
      </div>
      {error && (
        <div className="notice error" role="alert">
          {error}
        </div>
      )}
      <div className="row">
        <button type="submit" className="primary">
          {t('save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
