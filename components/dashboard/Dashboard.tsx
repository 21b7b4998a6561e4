// The register: a full page with sections for activities, evidence, people, organisations,
// import and backup. Routes live in the URL hash so a tab can be reloaded or linked to.
import { Suspense, useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { DeletedBundle, Snapshot, WorkspaceHandle } from '../../lib/store/index.ts';
import {
  useActiveWorkspace,
  useSnapshot,
  type StoreApi,
  type StoreLoader,
} from '../common/workspace.ts';
import { useSearchCache } from '../common/search.ts';
import type { PrefetchedCache } from '../../lib/store/prefetch.ts';
import type { GlimpseWatch } from '../../lib/store/cache-head.ts';
import { WorkspaceSetup } from '../common/WorkspaceSetup.tsx';
import {
  DashboardContext,
  RegisterViewContext,
  type DashboardContextValue,
  type RegisterViewValue,
} from './context.ts';
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

// Loaded after the first paint's code: the activity list is drawn from the prefetched cache
// (the glimpse) while zod, Dexie and Yjs, about half of the page's code, still load.
const loadStore: StoreLoader = () => import('../../lib/store/index.ts');

function subscribeHash(listener: () => void) {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}
const readHash = () => decodeURIComponent(window.location.hash.replace(/^#/, ''));

export function useRoute(): [string, (route: string) => void] {
  const route = useSyncExternalStore(subscribeHash, readHash, readHash);
  const navigate = useCallback((next: string) => {
    window.location.hash = next;
  }, []);
  return [route || 'activities', navigate];
}

export function Dashboard(props: {
  prefetched?: Promise<PrefetchedCache | null>;
  glimpse?: GlimpseWatch;
}) {
  const { state, reload } = useActiveWorkspace(loadStore, { preview: true, ...props });
  const [creating, setCreating] = useState(false);

  if (state.status === 'loading') return <p className="page-message muted">{t('opening')}</p>;
  if (state.status === 'error')
    return (
      <div className="page-message notice error" role="alert">
        {t('openFailed', { message: state.message })}
      </div>
    );
  if (state.status === 'none' || (creating && state.status === 'ready'))
    return (
      <main className="setup card">
        <h1>{t('workspace')}</h1>
        <p className="muted">{t('workspaceIntro')}</p>
        <WorkspaceSetup
          store={state.store}
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
      handle={state.status === 'ready' ? state.handle : null}
      store={state.status === 'ready' ? state.store : null}
      glimpse={state.status === 'glimpse' ? state.snapshot : null}
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

/** What the register is drawn from: a handle once the store has loaded, before it the glimpse. */
interface RegisterSource {
  handle: WorkspaceHandle | null;
  store: StoreApi | null;
  workspaceId: string;
  reload: () => void;
  onCreate: () => void;
}

// One component from the glimpse to the live doc: the store's preview takes over the glimpse's
// list as it is (same snapshot, same filters), without drawing it again.
function Register(props: RegisterSource & { glimpse: Snapshot | null }) {
  const { handle, workspaceId, reload, glimpse } = props;
  const live = useSnapshot(handle?.repo ?? null);
  const view = live ?? (glimpse ? { ok: true as const, snapshot: glimpse } : null);
  const [route, navigate] = useRoute();
  const [undo, setUndo] = useState<{ bundle: DeletedBundle; label: string } | null>(null);
  const [undoError, setUndoError] = useState<string | null>(null);

  if (!view) return <p className="page-message muted">{t('opening')}</p>;
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

function RegisterView(
  props: RegisterSource & {
    snapshot: DashboardContextValue['snapshot'];
    route: string;
    navigate: (route: string) => void;
    undo: { bundle: DeletedBundle; label: string } | null;
    setUndo: (u: { bundle: DeletedBundle; label: string } | null) => void;
    undoError: string | null;
    setUndoError: (e: string | null) => void;
  },
) {
  const { handle, store, snapshot, route, navigate, undo, setUndo, undoError, setUndoError } =
    props;
  const derived = useMemo(() => derive(snapshot), [snapshot]);
  // Read-only until the doc has loaded: the glimpse (no handle yet), then the store's preview.
  const readOnly = !handle || handle.preview === true;
  const search = useSearchCache(snapshot, { prebuild: !readOnly });

  useEffect(() => {
    performance.mark('svodka:dashboard:workspace-ready');
  }, []);
  useEffect(() => {
    if (readOnly) return;
    const id = setTimeout(prefetchSections, 500);
    return () => clearTimeout(id);
  }, [readOnly]);

  const deleted = useCallback(
    (bundle: DeletedBundle, label: string) => {
      setUndoError(null);
      setUndo({ bundle, label });
    },
    [setUndo, setUndoError],
  );

  const view: RegisterViewValue = { snapshot, derived, search };
  // Sections that act on the register need the store: none of them is drawn in the glimpse.
  const context: DashboardContextValue | null =
    handle && store
      ? {
          ...view,
          store,
          workspaceId: props.workspaceId,
          repo: handle.repo,
          navigate,
          deleted,
          reload: props.reload,
        }
      : null;

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
    if (!undo || !handle) return;
    try {
      handle.repo.restoreDeleted(undo.bundle);
      setUndo(null);
    } catch (e) {
      setUndoError(e instanceof Error ? e.message : String(e));
    }
  }

  let content;
  // The glimpse, and a preview whose evidence is still being read, show the activity list only.
  if ((!context || snapshot.evidencePending !== undefined) && section !== 'activities')
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
  else if (section === 'import' && handle)
    content = <ImportPanel repo={handle.repo} onDone={() => navigate('activities')} />;
  else content = <ActivitiesTab />;

  return (
    <RegisterViewContext.Provider value={view}>
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
            <WorkspaceSwitcher
              store={store}
              workspaceId={props.workspaceId}
              reload={props.reload}
              onCreate={props.onCreate}
            />
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
          {readOnly && (
            <div className="notice row" role="status" data-testid="preview-notice">
              {t('previewNotice')}
            </div>
          )}
          {snapshot.broken.length > 0 && <BrokenRecords broken={snapshot.broken} />}
          {/* Remounted when the live workspace replaces the cached preview, so no form keeps stale values. */}
          <main className="content" key={readOnly ? 'preview' : 'live'}>
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
    </RegisterViewContext.Provider>
  );
}
