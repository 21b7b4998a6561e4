// First run: create a workspace for one's own organisation, or load the example.
import { useId, useState, type FormEvent } from 'react';
import type { StoreApi } from './workspace.ts';
import { currentSchoolYear, errorMessage } from './format.ts';
import { t } from './messages.ts';

const KINDS = ['school', 'authority', 'centre', 'other'] as const;

type Kind = (typeof KINDS)[number];

function kindLabel(kind: Kind): string {
  const labels: Record<Kind, string> = {
    school: t('kindSchool'),
    authority: t('kindAuthority'),
    centre: t('kindCentre'),
    other: t('kindOther'),
  };
  return labels[kind];
}

interface Issue {
  path: string;
  message: string;
}

function issuesOf(error: unknown): Issue[] | null {
  if (error && typeof error === 'object' && 'issues' in error && Array.isArray(error.issues))
    return error.issues as Issue[];
  return null;
}

export function WorkspaceSetup(props: {
  store: StoreApi;
  /** Called with the new workspace's id once it is the active one. */
  onReady: (workspaceId: string) => void;
  compact?: boolean;
}) {
  const { store, onReady } = props;
  const id = useId();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Kind>('school');
  const [municipality, setMunicipality] = useState('');
  const [schoolYear, setSchoolYear] = useState(() => currentSchoolYear(new Date()));
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [error, setError] = useState<string | null>(null);

  const fieldError = (field: string) =>
    issues
      .filter((i) => i.path === field || i.path.startsWith(field + '.'))
      .map((i) => i.message)[0];

  async function finish(workspaceId: string) {
    await store.setActiveWorkspaceId(workspaceId);
    onReady(workspaceId);
  }

  async function create(event: FormEvent) {
    event.preventDefault();
    setIssues([]);
    setError(null);
    const local: Issue[] = [];
    if (!name.trim()) local.push({ path: 'name', message: t('nameRequired') });
    if (!/^\d{4}-\d{4}$/.test(schoolYear.trim()))
      local.push({ path: 'schoolYear', message: t('yearFormat') });
    if (local.length) return setIssues(local);
    setBusy(true);
    try {
      const workspaceId = await store.createWorkspace({
        name: name.trim(),
        kind,
        municipality: municipality.trim(),
        schoolYear: schoolYear.trim(),
      });
      await finish(workspaceId);
    } catch (e) {
      const found = issuesOf(e);
      if (found) setIssues(found);
      else setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function loadExample() {
    setBusy(true);
    setError(null);
    try {
      await finish(await store.loadExampleWorkspace());
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const nameError = fieldError('name');
  const municipalityError = fieldError('municipality');
  const yearError = fieldError('schoolYear');

  return (
    <form className="stack" onSubmit={create} noValidate aria-label={t('newWorkspace')}>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('name')}</label>
        <input
          id={`${id}-name`}
          name="name"
          value={name}
          placeholder={t('namePlaceholder')}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? `${id}-name-err` : undefined}
          autoFocus={!props.compact}
        />
        {nameError && (
          <span className="field-error" id={`${id}-name-err`}>
            {nameError}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('kind')}</label>
        <select
          id={`${id}-kind`}
          name="kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as Kind)}
        >
          {KINDS.map((value) => (
            <option key={value} value={value}>
              {kindLabel(value)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-mun`}>{t('municipality')}</label>
        <input
          id={`${id}-mun`}
          name="municipality"
          value={municipality}
          placeholder={t('municipalityPlaceholder')}
          onChange={(e) => setMunicipality(e.target.value)}
          aria-invalid={municipalityError ? true : undefined}
        />
        {municipalityError && <span className="field-error">{municipalityError}</span>}
      </div>
      <div className="field">
        <label htmlFor={`${id}-year`}>{t('schoolYear')}</label>
        <input
          id={`${id}-year`}
          name="schoolYear"
          value={schoolYear}
          placeholder="2020-2021"
          onChange={(e) => setSchoolYear(e.target.value)}
          aria-invalid={yearError ? true : undefined}
        />
        {yearError && <span className="field-error">{yearError}</span>}
      </div>
      {error && (
        <div className="notice error" role="alert">
          {error}
        </div>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {t('create')}
        </button>
        <button type="button" onClick={loadExample} disabled={busy}>
          {t('loadExample')}
        </button>
      </div>
    </form>
  );
}
