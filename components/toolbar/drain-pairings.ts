// The background cannot hold the Y.Doc, so it queues confirmed pairings in storage.local; the
// first extension page that opens the workspace moves them into the shared store.
import { browser } from 'wxt/browser';
import type { Repository } from '../../lib/store/repository.ts';
import { PAIRINGS_QUEUE_KEY, readPairingsQueue } from '../../lib/toolbar-messages.ts';
import { rememberPairings } from '../../lib/autofill/remember.ts';

export async function drainPairingsQueue(repo: Repository): Promise<number> {
  if (repo.readOnlyReason) return 0;
  const stored = await browser.storage.local.get(PAIRINGS_QUEUE_KEY);
  const queue = readPairingsQueue(stored[PAIRINGS_QUEUE_KEY]);
  if (queue.length === 0) return 0;
  const count = rememberPairings(repo, queue);
  await browser.storage.local.remove(PAIRINGS_QUEUE_KEY);
  return count;
}
