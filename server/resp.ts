// A minimal Redis client (RESP2 over node:net) for what the server link needs: PUBLISH on one
// connection, SUBSCRIBE/UNSUBSCRIBE on another, binary-safe payloads, AUTH from the URL, and
// reconnection with re-subscription. No package for Redis is installed, hence this.
import net from 'node:net';

export type RespValue = string | number | Buffer | null | RespValue[] | RespError;

export class RespError extends Error {}

/** Encodes a command as a RESP array of bulk strings. */
export function encodeCommand(args: (string | Uint8Array)[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const a of args) {
    const b =
      typeof a === 'string' ? Buffer.from(a) : Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    parts.push(Buffer.from(`$${b.length}\r\n`), b, Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}

/** Parses one value at `at`; returns null when the buffer does not yet hold all of it. */
export function parseValue(buf: Buffer, at: number): { value: RespValue; next: number } | null {
  if (at >= buf.length) return null;
  const lineEnd = buf.indexOf('\r\n', at);
  if (lineEnd < 0) return null;
  const type = String.fromCharCode(buf[at]!);
  const line = buf.toString('utf8', at + 1, lineEnd);
  const after = lineEnd + 2;
  switch (type) {
    case '+':
      return { value: line, next: after };
    case '-':
      return { value: new RespError(line), next: after };
    case ':':
      return { value: Number(line), next: after };
    case '$': {
      const n = Number(line);
      if (n < 0) return { value: null, next: after };
      if (buf.length < after + n + 2) return null;
      return { value: buf.subarray(after, after + n), next: after + n + 2 };
    }
    case '*': {
      const n = Number(line);
      if (n < 0) return { value: null, next: after };
      const items: RespValue[] = [];
      let pos = after;
      for (let i = 0; i < n; i++) {
        const item = parseValue(buf, pos);
        if (!item) return null;
        items.push(item.value);
        pos = item.next;
      }
      return { value: items, next: pos };
    }
    default:
      throw new RespError(`unexpected RESP type byte ${JSON.stringify(type)}`);
  }
}

export interface RespOptions {
  url: string;
  /** Called for every pushed `message` when subscribed. */
  onMessage?: (channel: string, data: Buffer) => void;
  /** Called after a reconnect has re-subscribed (callers may need to resync). */
  onReconnect?: () => void;
  onStatus?: (status: 'connected' | 'reconnecting' | 'closed') => void;
}

export class RespConnection {
  private readonly opts: RespOptions;
  private readonly host: string;
  private readonly port: number;
  private readonly password: string | null;
  private socket: net.Socket | null = null;
  private buffer: Buffer = Buffer.alloc(0);
  private pending: { resolve: (v: RespValue) => void; reject: (e: Error) => void }[] = [];
  private readonly channels = new Set<string>();
  private closed = false;
  private attempt = 0;
  status: 'connected' | 'reconnecting' | 'closed' = 'reconnecting';

  constructor(opts: RespOptions) {
    this.opts = opts;
    const u = new URL(opts.url);
    if (u.protocol !== 'redis:') throw new Error(`unsupported Redis URL scheme ${u.protocol}`);
    this.host = u.hostname || '127.0.0.1';
    this.port = Number(u.port || 6379);
    this.password = u.password ? decodeURIComponent(u.password) : null;
  }

  /** Resolves once the first connection is up (and authenticated). */
  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const s = net.createConnection({ host: this.host, port: this.port });
      s.setNoDelay(true);
      this.socket = s;
      this.buffer = Buffer.alloc(0);
      let opened = false;
      s.on('data', (d: Buffer) => this.onData(d));
      s.on('error', (e) => {
        if (!opened) reject(e);
      });
      s.on('close', () => {
        for (const p of this.pending.splice(0)) p.reject(new Error('redis connection closed'));
        if (!opened || this.closed) return;
        this.setStatus('reconnecting');
        this.scheduleReconnect();
      });
      s.on('connect', async () => {
        opened = true;
        try {
          if (this.password) await this.command(['AUTH', this.password]);
          if (this.channels.size) await this.command(['SUBSCRIBE', ...this.channels]);
          this.attempt = 0;
          this.setStatus('connected');
          resolve();
        } catch (e) {
          reject(e as Error);
        }
      });
    });
  }

  private setStatus(status: RespConnection['status']): void {
    this.status = status;
    this.opts.onStatus?.(status);
  }

  private scheduleReconnect(): void {
    const delay = Math.min(2000, 50 * 2 ** this.attempt++);
    setTimeout(() => {
      if (this.closed) return;
      this.connect().then(
        () => this.opts.onReconnect?.(),
        () => this.scheduleReconnect(),
      );
    }, delay).unref();
  }

  private onData(d: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, d]) : d;
    let pos = 0;
    for (;;) {
      const parsed = parseValue(this.buffer, pos);
      if (!parsed) break;
      pos = parsed.next;
      this.dispatch(parsed.value);
    }
    this.buffer = pos >= this.buffer.length ? Buffer.alloc(0) : this.buffer.subarray(pos);
  }

  private dispatch(value: RespValue): void {
    if (Array.isArray(value) && Buffer.isBuffer(value[0])) {
      const kind = value[0].toString();
      if (kind === 'message' && Buffer.isBuffer(value[1]) && Buffer.isBuffer(value[2])) {
        this.opts.onMessage?.(value[1].toString(), value[2]);
        return;
      }
      if (kind === 'subscribe' || kind === 'unsubscribe') {
        // One confirmation per channel; the command's promise takes the first.
        const p = this.pending.shift();
        p?.resolve(value);
        return;
      }
    }
    const p = this.pending.shift();
    if (!p) return;
    if (value instanceof RespError) p.reject(value);
    else p.resolve(value);
  }

  command(args: (string | Uint8Array)[]): Promise<RespValue> {
    const s = this.socket;
    if (!s || s.destroyed) return Promise.reject(new Error('redis not connected'));
    return new Promise((resolve, reject) => {
      // SUBSCRIBE/UNSUBSCRIBE with n channels get n confirmations; wait for all.
      const verb = typeof args[0] === 'string' ? args[0].toUpperCase() : '';
      const replies =
        verb === 'SUBSCRIBE' || verb === 'UNSUBSCRIBE' ? Math.max(1, args.length - 1) : 1;
      let left = replies;
      let first: RespValue = null;
      for (let i = 0; i < replies; i++) {
        this.pending.push({
          resolve: (v) => {
            if (left === replies) first = v;
            if (--left === 0) resolve(first);
          },
          reject,
        });
      }
      s.write(encodeCommand(args));
    });
  }

  async subscribe(channel: string): Promise<void> {
    if (this.channels.has(channel)) return;
    this.channels.add(channel);
    if (this.status === 'connected') await this.command(['SUBSCRIBE', channel]);
  }

  async unsubscribe(channel: string): Promise<void> {
    if (!this.channels.delete(channel)) return;
    if (this.status === 'connected') await this.command(['UNSUBSCRIBE', channel]);
  }

  async publish(channel: string, data: Uint8Array): Promise<number> {
    return Number(await this.command(['PUBLISH', channel, data]));
  }

  close(): void {
    this.closed = true;
    this.setStatus('closed');
    this.socket?.destroy();
  }
}
