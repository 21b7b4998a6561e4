// A hand-driven Hocuspocus client for the bad-input tests: it speaks the wire protocol directly,
// so it can send what no well-behaved provider would (garbage updates, forged presence).
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

const SYNC = 0;
const AWARENESS = 1;
const AUTH = 2;
const SYNC_STATUS = 8;
const TOKEN = 0;
const AUTHENTICATED = 2;

export interface RawClient {
  /** Resolves with 'authenticated' or the refusal reason. */
  auth: Promise<string>;
  /** SyncStatus acknowledgements received so far. */
  readonly acks: number;
  closed: Promise<{ code: number; reason: string }>;
  sendUpdate(update: Uint8Array): void;
  sendAwareness(update: Uint8Array): void;
  close(): void;
}

function frame(workspace: string, write: (e: encoding.Encoder) => void): Uint8Array<ArrayBuffer> {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, workspace);
  write(e);
  return encoding.toUint8Array(e) as Uint8Array<ArrayBuffer>;
}

export function rawClient(url: string, workspace: string, token: string): RawClient {
  const ws = new WebSocket(url);
  ws.binaryType = 'arraybuffer';
  let acks = 0;
  let settle: (s: string) => void = () => {};
  const auth = new Promise<string>((r) => (settle = r));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.addEventListener('close', (e) => {
      settle('closed');
      resolve({ code: e.code, reason: e.reason });
    }),
  );
  ws.addEventListener('open', () =>
    ws.send(
      frame(workspace, (e) => {
        encoding.writeVarUint(e, AUTH);
        encoding.writeVarUint(e, TOKEN);
        encoding.writeVarString(e, token);
      }),
    ),
  );
  ws.addEventListener('message', (event) => {
    const d = decoding.createDecoder(new Uint8Array(event.data as ArrayBuffer));
    decoding.readVarString(d);
    const type = decoding.readVarUint(d);
    if (type === SYNC_STATUS) acks++;
    if (type === AUTH) {
      const kind = decoding.readVarUint(d);
      settle(kind === AUTHENTICATED ? 'authenticated' : decoding.readVarString(d));
    }
  });
  return {
    auth,
    get acks() {
      return acks;
    },
    closed,
    sendUpdate(update) {
      ws.send(
        frame(workspace, (e) => {
          encoding.writeVarUint(e, SYNC);
          encoding.writeVarUint(e, 2);
          encoding.writeVarUint8Array(e, update);
        }),
      );
    },
    sendAwareness(update) {
      ws.send(
        frame(workspace, (e) => {
          encoding.writeVarUint(e, AWARENESS);
          encoding.writeVarUint8Array(e, update);
        }),
      );
    },
    close() {
      ws.close();
    },
  };
}
