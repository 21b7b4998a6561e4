import '../../components/common/locale-init.ts';
import { prefetchSnapshotCache } from '../../lib/store/prefetch.ts';
import { watchGlimpse } from '../../lib/store/cache-head.ts';

performance.mark('svodka:dashboard:start');
// IndexedDB reads the register's cached snapshot while the page's code loads (see prefetch.ts).
const prefetched = prefetchSnapshotCache();
// Decoded as soon as it is read, while the rest of the page's code loads (see cache-head.ts).
const glimpse = watchGlimpse(prefetched);
void import('./mount.tsx').then(({ mount }) => mount(prefetched, glimpse));
