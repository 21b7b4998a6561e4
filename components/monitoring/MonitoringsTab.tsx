// The dashboard's «Мониторинги»: #monitorings lists them, #monitoring/new creates one,
// #monitoring/<id> is the filling screen at full width.
import { useDashboard } from '../dashboard/context.ts';
import { FillingView } from './FillingView.tsx';
import { MonitoringList } from './MonitoringList.tsx';
import { NewMonitoring } from './NewMonitoring.tsx';

export function MonitoringsTab({ fillingId }: { fillingId?: string }) {
  const { repo, snapshot, navigate } = useDashboard();
  if (fillingId === 'new')
    return (
      <div className="mon-page">
        <NewMonitoring
          repo={repo}
          snapshot={snapshot}
          onCreated={(id) => navigate(`monitoring/${id}`)}
          onCancel={() => navigate('monitorings')}
        />
      </div>
    );
  if (fillingId)
    return (
      <div className="mon-page">
        <FillingView
          key={fillingId}
          repo={repo}
          snapshot={snapshot}
          fillingId={fillingId}
          recordHref={(route) => `#${route}`}
          onBack={() => navigate('monitorings')}
          wide
        />
      </div>
    );
  return (
    <div className="mon-page">
      <MonitoringList
        repo={repo}
        snapshot={snapshot}
        hrefFor={(id) => `#monitoring/${id}`}
        onNew={() => navigate('monitoring/new')}
        readOnly={repo.readOnlyReason !== null}
      />
    </div>
  );
}
