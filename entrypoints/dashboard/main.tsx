import '../../components/common/locale-init.ts';
import { createRoot } from 'react-dom/client';
import * as store from '../../lib/store/index.ts';
import '../../components/common/theme.css';
import '../../components/dashboard/dashboard.css';
import { Dashboard } from '../../components/dashboard/Dashboard.tsx';

performance.mark('svodka:dashboard:start');

// Benchmarks seed large workspaces through the page's own store; only with ?bench=1.
if (new URLSearchParams(window.location.search).get('bench') === '1')
  (window as unknown as { __svodkaStore: typeof store }).__svodkaStore = store;

createRoot(document.getElementById('root')!).render(<Dashboard />);
