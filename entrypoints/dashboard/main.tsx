import '../../components/common/locale-init.ts';
import { prefetchSnapshotCache } from '../../lib/store/prefetch.ts';

performance.mark('svodka:dashboard:start');
// IndexedDB reads the register's cached snapshot while the page's code loads (see prefetch.ts).
const prefetched = prefetchSnapshotCache();
void import('./mount.tsx').then(({ mount }) => mount(prefetched));
