// The register's sections other than the activity list, loaded on first visit. Together with
// the search stemmers they pull in (monitoring, import) they are most of the dashboard's code:
// loading them up front held up every first paint of the list. After the list has rendered
// they are fetched half a second after the live register has replaced the preview, so a click
// on a tab rarely waits.
import { lazy } from 'react';

const loaders = {
  forms: () => import('./ActivityForm.tsx'),
  evidenceForm: () => import('./EvidenceForm.tsx'),
  evidence: () => import('./EvidenceTab.tsx'),
  directory: () => import('./DirectoryTabs.tsx'),
  backup: () => import('./BackupTab.tsx'),
  settings: () => import('./WorkspaceSettings.tsx'),
  monitorings: () => import('../monitoring/MonitoringsTab.tsx'),
  reports: () => import('../reports/ReportsTab.tsx'),
  team: () => import('../team/TeamPanel.tsx'),
  import: () => import('../import/ImportPanel.tsx'),
};

export const ActivityForm = lazy(() => loaders.forms().then((m) => ({ default: m.ActivityForm })));
export const EvidenceForm = lazy(() =>
  loaders.evidenceForm().then((m) => ({ default: m.EvidenceForm })),
);
export const EvidenceTab = lazy(() => loaders.evidence().then((m) => ({ default: m.EvidenceTab })));
export const PeopleTab = lazy(() => loaders.directory().then((m) => ({ default: m.PeopleTab })));
export const OrganisationsTab = lazy(() =>
  loaders.directory().then((m) => ({ default: m.OrganisationsTab })),
);
export const BackupTab = lazy(() => loaders.backup().then((m) => ({ default: m.BackupTab })));
export const WorkspaceSettings = lazy(() =>
  loaders.settings().then((m) => ({ default: m.WorkspaceSettings })),
);
export const MonitoringsTab = lazy(() =>
  loaders.monitorings().then((m) => ({ default: m.MonitoringsTab })),
);
export const ReportsTab = lazy(() => loaders.reports().then((m) => ({ default: m.ReportsTab })));
export const TeamPanel = lazy(() => loaders.team().then((m) => ({ default: m.TeamPanel })));
export const JoinByInvite = lazy(() => loaders.team().then((m) => ({ default: m.JoinByInvite })));
export const ImportPanel = lazy(() => loaders.import().then((m) => ({ default: m.ImportPanel })));

/** Fetches every section's code in the background (the dashboard calls it once live). */
export function prefetchSections(): void {
  for (const load of Object.values(loaders)) void load().catch(() => undefined);
}
