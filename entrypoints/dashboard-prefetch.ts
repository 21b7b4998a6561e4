// The dashboard's first read, from a classic script in its <head> (see startEarlyPrefetch):
// the page's modules take it up in entrypoints/dashboard/main.tsx.
import { startEarlyPrefetch } from '../lib/store/prefetch.ts';

export default defineUnlistedScript(() => {
  startEarlyPrefetch();
});
