import '../../components/common/locale-init.ts';
import { takeEarlyPrefetch } from '../../lib/store/prefetch.ts';
import { watchGlimpse } from '../../lib/store/cache-head.ts';

performance.mark('svodka:dashboard:start');
// IndexedDB reads the register's cached snapshot while the page's code loads (see prefetch.ts),
// from the read the page's classic script started.
const prefetched = takeEarlyPrefetch();
// Decoded as soon as it is read, while the rest of the page's code loads (see cache-head.ts).
const glimpse = watchGlimpse(prefetched);
// React's first render waits for that read (up to a quarter of a second) so that it draws the
// list itself: rendering «Открываем…» first put the list a frame and a render later.
const read = Promise.race([glimpse.ready, new Promise((resolve) => setTimeout(resolve, 250))]);
void Promise.all([import('./mount.tsx'), read]).then(([{ mount }]) => mount(prefetched, glimpse));
