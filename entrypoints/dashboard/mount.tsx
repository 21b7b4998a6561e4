import { createRoot } from 'react-dom/client';
import type { PrefetchedCache } from '../../lib/store/prefetch.ts';
import type { GlimpseWatch } from '../../lib/store/cache-head.ts';
import '../../components/common/theme.css';
import '../../components/dashboard/dashboard.css';
import { Dashboard } from '../../components/dashboard/Dashboard.tsx';

export function mount(prefetched: Promise<PrefetchedCache | null>, glimpse: GlimpseWatch): void {
  performance.mark('svodka:dashboard:code-loaded');
  // Benchmarks seed large workspaces through the page's own store; only with ?bench=1.
  if (new URLSearchParams(window.location.search).get('bench') === '1')
    void import('../../lib/store/index.ts').then((store) => {
      (window as unknown as { __svodkaStore: typeof store }).__svodkaStore = store;
    });
  createRoot(document.getElementById('root')!).render(
    <Dashboard prefetched={prefetched} glimpse={glimpse} />,
  );
}
