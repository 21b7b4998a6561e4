// The register: a full page with sections for activities, evidence, people, organisations,
// import and backup. Routes live in the URL hash so a tab can be reloaded or linked to.
import { Suspense, useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import * as store from '../../lib/store/index.ts';
import type { DeletedBundle, WorkspaceHandle } from '../../lib/store/index.ts';
import { useActiveWorkspace, useSnapshot, type StoreLoader } from '../common/workspace.ts';
import { useSearchCache } from '../common/search.ts';
import type { PrefetchedCache } from '../../lib/store/prefetch.ts';
import { WorkspaceSetup } from '../common/WorkspaceSetup.tsx';
import { DashboardContext, type DashboardContextValue } from './context.ts';
import { derive } from './derive.ts';
import { ActivitiesTab } from './ActivitiesTab.tsx';
import {
  ActivityForm,
  BackupTab,
  EvidenceForm,
  EvidenceTab,
  ImportPanel,
  JoinByInvite,
  MonitoringsTab,
  OrganisationsTab,
  PeopleTab,
  prefetchSections,
  ReportsTab,
  TeamPanel,
  WorkspaceSettings,
} from './sections.ts';
import { BrokenRecords } from './BrokenRecords.tsx';
import { WorkspaceSwitcher } from './WorkspaceSwitcher.tsx';
import { ReadOnlyGuard, SyncStatus } from '../team/SyncStatus.tsx';
import { t } from './register-messages.ts';

const loadStore: StoreLoader = () => Promise.resolve(store);

function subscribeHash(listener: () => void) {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}
const readHash = () => decodeURIComponent(window.location.hash.replace(/^#/, ''));

export function useRoute(): [string, (route: string) => void] {
  const route = useSyncExternalStore(subscribeHash, readHash);
  const navigate = useCallback((next: string) => {
    window.location.hash = next;
  }, []);
  return [route || 'activities', navigate];
}

export function Dashboard({ prefetched }: { prefetched?: Promise<PrefetchedCache | null> }) {
  const { state, reload } = useActiveWorkspace(loadStore, { preview: true, prefetched });
  const [creating, setCreating] = useState(false);

  if (state.status === 'loading') return <p className="page-message muted">{t('opening')}</p>;
  if (state.status === 'error')
    return (
      <div className="page-message notice error" role="alert">
        {t('openFailed', { message: state.message })}
      </div>
    );
  if (state.status === 'none' || creating)
    return (
      <main className="setup card">
        <h1>{t('workspace')}</h1>
        <p className="muted">{t('workspaceIntro')}</p>
        <WorkspaceSetup
          store={state.store ?? store}
          onReady={() => {
            setCreating(false);
            reload();
          }}
        />
        <Suspense fallback={null}>
          <JoinByInvite plain onJoined={() => (setCreating(false), reload())} />
        </Suspense>
        {creating && (
          <button type="button" className="link" onClick={() => setCreating(false)}>
            {t('backToRegister')}
          </button>
        )}
      </main>
    );
  return (
    <Register
      key={state.workspaceId}
      handle={state.handle}
      workspaceId={state.workspaceId}
      reload={reload}
      onCreate={() => setCreating(true)}
    />
  );
}

/** The register's sections with their captions in the interface language (read at render). */
function tabs() {
  return [
    ['activities', t('tabActivities')],
    ['evidence', t('tabEvidence')],
    ['people', t('tabPeople')],
    ['organisations', t('tabOrganisations')],
    ['monitorings', t('tabMonitorings')],
    ['reports', t('tabReports')],
    ['backup', t('tabBackup')],
    ['settings', t('tabSettings')],
    ['team', t('tabTeam')],
  ] as const;
}

function Register(props: {
  handle: WorkspaceHandle;
  workspaceId: string;
  reload: () => void;
  onCreate: () => void;
}) {
  const { handle, workspaceId, reload } = props;
  const view = useSnapshot(handle.repo);
  const [route, navigate] = useRoute();
  const [undo, setUndo] = useState<{ bundle: DeletedBundle; label: string } | null>(null);
  const [undoError, setUndoError] = useState<string | null>(null);

  if (!view.ok)
    return (
      <div className="page-message notice error" role="alert">
        {view.message}
      </div>
    );
  return (
    <RegisterView
      {...props}
      snapshot={view.snapshot}
      route={route}
      navigate={navigate}
      undo={undo}
      setUndo={setUndo}
      undoError={undoError}
      setUndoError={setUndoError}
      workspaceId={workspaceId}
      reload={reload}
    />
  );
}

function RegisterView(props: {
  handle: WorkspaceHandle;
  workspaceId: string;
  reload: () => void;
  onCreate: () => void;
  snapshot: DashboardContextValue['snapshot'];
  route: string;
  navigate: (route: string) => void;
  undo: { bundle: DeletedBundle; label: string } | null;
  setUndo: (u: { bundle: DeletedBundle; label: string } | null) => void;
  undoError: string | null;
  setUndoError: (e: string | null) => void;
}) {
  const { handle, snapshot, route, navigate, undo, setUndo, undoError, setUndoError } = props;
  const derived = useMemo(() => derive(snapshot), [snapshot]);
  const search = useSearchCache(snapshot, { prebuild: !handle.preview });

  useEffect(() => {
    performance.mark('svodka:dashboard:workspace-ready');
  }, []);
  useEffect(() => {
    if (handle.preview) return;
    const id = setTimeout(prefetchSections, 500);
    return () => clearTimeout(id);
  }, [handle.preview]);

  const deleted = useCallback(
    (bundle: DeletedBundle, label: string) => {
      setUndoError(null);
      setUndo({ bundle, label });
    },
    [setUndo, setUndoError],
  );

  const context: DashboardContextValue = {
    store,
    workspaceId: props.workspaceId,
    repo: handle.repo,
    snapshot,
    derived,
    search,
    navigate,
    deleted,
    reload: props.reload,
  };

  const [section, id] = route.split('/');
  const active =
    section === 'activity'
      ? 'activities'
      : section === 'evidence-item'
        ? 'evidence'
        : section === 'monitoring'
          ? 'monitorings'
          : section;
  const count = (tab: string) =>
    tab === 'activities'
      ? snapshot.activities.length
      : tab === 'evidence'
        ? (snapshot.evidencePending ?? snapshot.evidence.length)
        : tab === 'people'
          ? snapshot.people.length
          : tab === 'organisations'
            ? snapshot.organisations.length
            : null;

  function restore() {
    if (!undo) return;
    try {
      handle.repo.restoreDeleted(undo.bundle);
      setUndo(null);
    } catch (e) {
      setUndoError(e instanceof Error ? e.message : String(e));
    }
  }

  let content;
  // A preview whose evidence is still being read shows the activity list only.
  if (snapshot.evidencePending !== undefined && section !== 'activities')
    content = <p className="muted">{t('loadingSection')}</p>;
  else if (section === 'activity') content = <ActivityForm key={id} activityId={id ?? 'new'} />;
  else if (section === 'evidence-item')
    content = <EvidenceForm key={id} evidenceId={id ?? 'new'} />;
  else if (section === 'evidence') content = <EvidenceTab />;
  else if (section === 'people') content = <PeopleTab />;
  else if (section === 'organisations') content = <OrganisationsTab />;
  else if (section === 'backup') content = <BackupTab />;
  else if (section === 'settings') content = <WorkspaceSettings />;
  else if (section === 'monitorings') content = <MonitoringsTab />;
  else if (section === 'monitoring') content = <MonitoringsTab key={id} fillingId={id} />;
  else if (section === 'reports') content = <ReportsTab />;
  else if (section === 'team')
    content = (
      <TeamPanel workspaceId={props.workspaceId} snapshot={snapshot} onSwitched={props.reload} />
    );
  else if (section === 'import')
    content = <ImportPanel repo={handle.repo} onDone={() => navigate('activities')} />;
  else content = <ActivitiesTab />;

  return (
    <DashboardContext.Provider value={context}>
      <div className="dashboard">
        <header className="topbar">
          <div className="title">
            <span className="brand">{t('brand')}</span>
            <h1 data-testid="workspace-name">{snapshot.workspace.name}</h1>
            <span className="muted small">
              {t('schoolYear', snapshot.workspace.schoolYear)}
              {snapshot.workspace.municipality ? ` · ${snapshot.workspace.municipality}` : ''}
            </span>
          </div>
          <div className="spacer" />
          <SyncStatus workspaceId={props.workspaceId} href="#team" />
          <WorkspaceSwitcher onCreate={props.onCreate} />
          <a
            className={`button primary import-button ${active === 'import' ? 'current' : ''}`}
            href="#import"
          >
            {t('import')}
          </a>
        </header>
        <nav className="tabs" aria-label={t('sections')}>
          {tabs().map(([tab, label]) => {
            const n = count(tab);
            return (
              <a
                key={tab}
                href={`#${tab}`}
                className={active === tab ? 'tab current' : 'tab'}
                aria-current={active === tab ? 'page' : undefined}
              >
                {label}
                {n !== null && <span className="tab-count">{n}</span>}
              </a>
            );
          })}
        </nav>
        {(undo || undoError) && (
          <div className="notice undo row" role="status">
            {undo && <span>{undo.label}</span>}
            {undoError && <span className="field-error">{undoError}</span>}
            <span className="spacer" />
            {undo && (
              <button type="button" onClick={restore}>
                {t('undoDelete')}
              </button>
            )}
            <button
              type="button"
              className="link"
              onClick={() => {
                setUndo(null);
                setUndoError(null);
              }}
            >
              {t('hide')}
            </button>
          </div>
        )}
        {handle.preview && (
          <div className="notice row" role="status" data-testid="preview-notice">
            {t('previewNotice')}
          </div>
        )}
        {snapshot.broken.length > 0 && <BrokenRecords broken={snapshot.broken} />}
        {/* Remounted when the live workspace replaces the cached preview, so no form keeps stale values. */}
        <main className="content" key={handle.preview ? 'preview' : 'live'}>
          <Suspense fallback={<p className="muted">{t('loadingSection')}</p>}>
            {section === 'team' ? (
              content
            ) : (
              <ReadOnlyGuard workspaceId={props.workspaceId}>{content}</ReadOnlyGuard>
            )}
          </Suspense>
        </main>
      </div>
    </DashboardContext.Provider>
  );
}
