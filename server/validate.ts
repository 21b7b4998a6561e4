// Every frame a client sends is decoded here before Hocuspocus sees it (issue #16): a document
// update that does not decode would otherwise be written to the PostgreSQL log (beforeSync) and
// poison the workspace, or be acknowledged although it never applied; an awareness update that
// does not decode made Hocuspocus print a stack trace per message.
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

/** Hocuspocus' message types (server/src/types.ts MessageType) we inspect. */
const SYNC = 0;
const AWARENESS = 1;
const SYNC_REPLY = 4;
/** y-protocols sync sub-messages. */
const STEP1 = 0;
const STEP2 = 1;
const UPDATE = 2;

export interface Frame {
  /** Document (workspace) name the frame is addressed to; '' when even that did not decode. */
  workspace: string;
  /** Why the frame is refused; null when it may go on to Hocuspocus. */
  problem: string | null;
  /** Client ids an awareness frame describes (in order), empty for other frames. */
  presenceOf: number[];
}

/**
 * Decodes one client frame. y-protocols' readSyncStep2 catches Yjs' decoding errors and prints
 * them, so without this check Hocuspocus acknowledges an update that never applied.
 */
export function inspectFrame(data: Uint8Array): Frame {
  let workspace = '';
  try {
    const decoder = decoding.createDecoder(data);
    const address = decoding.readVarString(decoder);
    workspace = address.split('\0')[0] ?? '';
    const type = decoding.readVarUint(decoder);
    if (type === AWARENESS) {
      const update = decoding.readVarUint8Array(decoder);
      if (decoding.hasContent(decoder)) return refuse(workspace, 'trailing-bytes');
      return { workspace, problem: null, presenceOf: awarenessClients(update) };
    }
    if (type !== SYNC && type !== SYNC_REPLY) return { workspace, problem: null, presenceOf: [] };
    const sub = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (decoding.hasContent(decoder)) return refuse(workspace, 'trailing-bytes');
    if (sub === STEP1) Y.decodeStateVector(payload);
    else if (sub !== STEP2 && sub !== UPDATE) return refuse(workspace, 'unknown-sync-type');
    else if (!decodesOnScratch(payload)) return refuse(workspace, 'undecodable');
    return { workspace, problem: null, presenceOf: [] };
  } catch {
    return refuse(workspace, 'undecodable');
  }
}

function refuse(workspace: string, problem: string): Frame {
  return { workspace, problem, presenceOf: [] };
}

/** Applies the update to a scratch document: whatever Yjs cannot decode throws here. */
function decodesOnScratch(update: Uint8Array): boolean {
  const scratch = new Y.Doc();
  try {
    Y.applyUpdate(scratch, update);
    return true;
  } catch {
    return false;
  } finally {
    scratch.destroy();
  }
}

/**
 * Reads an awareness update the way y-protocols' applyAwarenessUpdate does (count, then client
 * id, clock and JSON state per entry) and throws where it would; returns the client ids.
 */
function awarenessClients(update: Uint8Array): number[] {
  const decoder = decoding.createDecoder(update);
  const ids: number[] = [];
  for (let n = decoding.readVarUint(decoder); n > 0; n--) {
    ids.push(decoding.readVarUint(decoder));
    decoding.readVarUint(decoder);
    JSON.parse(decoding.readVarString(decoder));
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes');
  return ids;
}

/** A stored update (log row or snapshot) decodes completely; false marks it for quarantine. */
export function decodesAsUpdate(update: Uint8Array): boolean {
  try {
    Y.decodeUpdate(update);
    return true;
  } catch {
    return false;
  }
}
