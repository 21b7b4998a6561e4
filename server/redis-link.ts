// Links server instances through Redis pub/sub, one channel per workspace document. Each
// instance publishes the updates and presence its own clients send, applies what the others
// publish (origin "redis", so it is neither re-published nor re-stored), and on load or after a
// Redis outage asks the others for whatever its copy lacks (state-vector request → diff reply).
import type { Document } from '@hocuspocus/server';
import { applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Logger } from './log.ts';
import { RespConnection } from './resp.ts';

const UPDATE = 0;
const AWARENESS = 1;
const SYNC_REQUEST = 2;
const ID_BYTES = 36;

export interface RedisLink {
  attach(document: Document): void;
  detach(name: string): void;
  status(): string;
  close(): Promise<void>;
}

interface Attached {
  document: Document;
  off: () => void;
}

export async function createRedisLink(opts: {
  url: string;
  instanceId: string;
  log: Logger;
  prefix?: string;
}): Promise<RedisLink> {
  const prefix = opts.prefix ?? 'svodka:doc:';
  const me = Buffer.from(opts.instanceId.padEnd(ID_BYTES).slice(0, ID_BYTES));
  const docs = new Map<string, Attached>();
  const origin = { source: 'redis' as const };

  const frame = (type: number, payload: Uint8Array): Buffer =>
    Buffer.concat([Buffer.from([type]), me, payload]);

  const pub = new RespConnection({
    url: opts.url,
    onStatus: (s) => opts.log('redis.status', { role: 'publish', status: s }),
  });
  const sub = new RespConnection({
    url: opts.url,
    onStatus: (s) => opts.log('redis.status', { role: 'subscribe', status: s }),
    // Messages may have been lost while Redis was away: ask every peer for what we miss.
    onReconnect: () => {
      for (const { document } of docs.values()) requestSync(document);
    },
    onMessage: (channel, data) => {
      if (!channel.startsWith(prefix) || data.length < 1 + ID_BYTES) return;
      if (data.subarray(1, 1 + ID_BYTES).equals(me)) return;
      const entry = docs.get(channel.slice(prefix.length));
      if (!entry) return;
      const payload = new Uint8Array(data.subarray(1 + ID_BYTES));
      try {
        switch (data[0]) {
          case UPDATE:
            Y.applyUpdate(entry.document, payload, origin);
            break;
          case AWARENESS:
            applyAwarenessUpdate(entry.document.awareness, payload, origin);
            break;
          case SYNC_REQUEST: {
            const diff = Y.encodeStateAsUpdate(entry.document, payload);
            // 2 bytes is the empty update: nothing the asker lacks.
            if (diff.byteLength > 2) publish(entry.document.name, UPDATE, diff);
            break;
          }
        }
      } catch (error) {
        opts.log('redis.bad_message', { error: (error as Error).message });
      }
    },
  });
  await Promise.all([pub.connect(), sub.connect()]);

  function publish(name: string, type: number, payload: Uint8Array): void {
    pub.publish(prefix + name, frame(type, payload)).catch((error: Error) => {
      opts.log('redis.publish_failed', { error: error.message });
    });
  }

  function requestSync(document: Document): void {
    publish(document.name, SYNC_REQUEST, Y.encodeStateVector(document));
  }

  return {
    attach(document) {
      const name = document.name;
      const onUpdate = (update: Uint8Array, o: unknown) => {
        if (o !== origin) publish(name, UPDATE, update);
      };
      const onAwareness = (
        { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
        o: unknown,
      ) => {
        if (o === origin) return;
        const changed = [...added, ...updated, ...removed];
        publish(name, AWARENESS, encodeAwarenessUpdate(document.awareness, changed));
      };
      document.on('update', onUpdate);
      document.awareness.on('update', onAwareness);
      docs.set(name, {
        document,
        off: () => {
          document.off('update', onUpdate);
          document.awareness.off('update', onAwareness);
        },
      });
      sub.subscribe(prefix + name).then(
        () => requestSync(document),
        (error: Error) => opts.log('redis.subscribe_failed', { error: error.message }),
      );
    },
    detach(name) {
      docs.get(name)?.off();
      docs.delete(name);
      sub.unsubscribe(prefix + name).catch(() => undefined);
    },
    status() {
      return pub.status === 'connected' && sub.status === 'connected'
        ? 'connected'
        : 'reconnecting';
    },
    async close() {
      for (const d of docs.values()) d.off();
      docs.clear();
      pub.close();
      sub.close();
    },
  };
}
