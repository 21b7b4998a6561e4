// Confirmed web-form pairings become a shared record per (origin, form), so the next teammate —
// or the next school on the same server — who opens that regional form gets it filled exactly.
import type { Repository } from '../store/repository.ts';
import type { PairingsConfirmed } from '../toolbar-messages.ts';
import { formPairingId, type FormPairing } from './types.ts';

/** Merges confirmations into the workspace: newer pairs for a field replace older ones. */
export function rememberPairings(
  repo: Repository,
  confirmed: readonly PairingsConfirmed[],
): number {
  let stored = 0;
  for (const message of confirmed) {
    const id = formPairingId(message.origin, message.formKey);
    const existing = repo.get<FormPairing>('formPairings', id);
    const byField = new Map((existing?.pairs ?? []).map((p) => [p.fieldKey, p]));
    for (const pair of message.pairs) byField.set(pair.fieldKey, pair);
    repo.put<FormPairing>('formPairings', {
      id,
      origin: message.origin,
      formKey: message.formKey,
      pairs: [...byField.values()],
      createdAt: existing?.createdAt ?? message.at,
      updatedAt: message.at,
      updatedBy: repo.actor,
    });
    stored++;
  }
  return stored;
}

/** The pairings remembered for forms on one origin (what the popup passes to startAutofill). */
export function pairingsForOrigin(repo: Repository, origin: string): FormPairing[] {
  return ((repo.snapshot().extra.formPairings ?? []) as FormPairing[]).filter(
    (p) => p.origin === origin,
  );
}
