// Content-addressed attachments over authenticated HTTP on the sync server's port.
//   PUT  /blobs/<workspace>/<sha256>  body = bytes; optional `Content-Range: bytes S-E/T` to resume
//   HEAD /blobs/<workspace>/<sha256>  → X-Blob-Received, X-Blob-Complete (how much has arrived)
//   GET  /blobs/<workspace>/<sha256>  → the bytes
// Partial uploads live beside the finished files; the hash is checked when the last byte lands.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { AccessControl, Grant } from './access.ts';
import { AccessDenied } from './access.ts';
import type { Logger } from './log.ts';

const HASH = /^[0-9a-f]{64}$/;
const RANGE = /^bytes (\d+)-(\d+)\/(\d+)$/;

export interface BlobOptions {
  dataDir: string;
  maxBytes: number;
  access: AccessControl;
  log: Logger;
}

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

async function size(file: string): Promise<number | null> {
  try {
    return (await stat(file)).size;
  } catch {
    return null;
  }
}

export function bearer(req: IncomingMessage): string {
  const h = req.headers.authorization ?? '';
  return h.startsWith('Bearer ') ? h.slice(7).trim() : '';
}

export function createBlobHandler(opts: BlobOptions) {
  const busy = new Set<string>();
  const root = path.join(opts.dataDir, 'blobs');

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://x');
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts[0] !== 'blobs') return false;
    const [, workspace, hash] = parts;
    if (parts.length !== 3 || !workspace || !hash || !HASH.test(hash)) {
      json(res, 400, { error: 'bad-path' });
      return true;
    }
    let grant: Grant;
    try {
      grant = await opts.access.authorize(bearer(req), workspace);
    } catch (error) {
      const reason = error instanceof AccessDenied ? error.reason : 'bad-token';
      opts.log('blob.denied', { method: req.method, reason });
      req.resume();
      json(res, reason === 'no-token' ? 401 : 403, { error: reason });
      return true;
    }
    const dir = path.join(root, workspace);
    const done = path.join(dir, hash);
    const part = path.join(dir, `${hash}.part`);

    if (req.method === 'HEAD' || req.method === 'GET') {
      const full = await size(done);
      if (full !== null) {
        res.writeHead(200, {
          'Content-Type': 'application/octet-stream',
          'Content-Length': full,
          'X-Blob-Received': String(full),
          'X-Blob-Complete': '1',
        });
        if (req.method === 'HEAD') res.end();
        else createReadStream(done).pipe(res);
        return true;
      }
      const partial = await size(part);
      if (req.method === 'HEAD' && partial !== null) {
        res.writeHead(200, { 'X-Blob-Received': String(partial), 'X-Blob-Complete': '0' });
        res.end();
        return true;
      }
      res.writeHead(404, { 'X-Blob-Received': '0', 'X-Blob-Complete': '0' });
      res.end();
      return true;
    }

    if (req.method !== 'PUT') {
      json(res, 405, { error: 'method' });
      return true;
    }
    if (grant.readOnly) {
      req.resume();
      json(res, 403, { error: 'read-only' });
      return true;
    }
    const length = Number(req.headers['content-length'] ?? NaN);
    let start = 0;
    let end: number;
    let total: number;
    const range = req.headers['content-range'];
    if (range) {
      const m = RANGE.exec(range);
      if (!m) {
        req.resume();
        json(res, 400, { error: 'bad-range' });
        return true;
      }
      start = Number(m[1]);
      end = Number(m[2]);
      total = Number(m[3]);
    } else {
      if (!Number.isFinite(length)) {
        req.resume();
        json(res, 411, { error: 'length-required' });
        return true;
      }
      end = length - 1;
      total = length;
    }
    if (total > opts.maxBytes) {
      req.resume();
      opts.log('blob.too_large', { workspace, total });
      json(res, 413, { error: 'too-large', limit: opts.maxBytes });
      return true;
    }
    if (end < start - 1 || end >= total) {
      req.resume();
      json(res, 400, { error: 'bad-range' });
      return true;
    }
    if ((await size(done)) !== null) {
      req.resume();
      json(res, 200, { received: total, complete: true });
      return true;
    }
    const key = `${workspace}/${hash}`;
    if (busy.has(key)) {
      req.resume();
      json(res, 409, { error: 'upload-in-progress' });
      return true;
    }
    busy.add(key);
    try {
      await mkdir(dir, { recursive: true });
      const have = (await size(part)) ?? 0;
      if (have !== start) {
        req.resume();
        json(
          res,
          409,
          { error: 'offset-mismatch', received: have },
          { 'X-Blob-Received': String(have) },
        );
        return true;
      }
      const expected = end - start + 1;
      const written = await new Promise<number>((resolve, reject) => {
        let n = 0;
        const out = createWriteStream(part, { flags: 'a' });
        req.on('data', (chunk: Buffer) => {
          n += chunk.length;
          if (n > expected) {
            req.unpipe(out);
            req.destroy();
            out.end(() => reject(new Error('body-longer-than-range')));
          }
        });
        req.on('aborted', () => out.end(() => resolve(n)));
        out.on('error', reject);
        out.on('finish', () => resolve(n));
        req.pipe(out);
      }).catch(async () => {
        // A body that lies about its range is thrown away: resuming from it could corrupt the file.
        await rm(part, { force: true });
        return -1;
      });
      if (written < 0) {
        json(res, 400, { error: 'bad-range' });
        return true;
      }
      const received = (await size(part)) ?? 0;
      if (received < total) {
        json(res, 200, { received, complete: false }, { 'X-Blob-Received': String(received) });
        return true;
      }
      const actual = createHash('sha256')
        .update(await readFile(part))
        .digest('hex');
      if (actual !== hash) {
        await rm(part, { force: true });
        opts.log('blob.hash_mismatch', { workspace });
        json(res, 422, { error: 'hash-mismatch' });
        return true;
      }
      await rename(part, done);
      opts.log('blob.stored', { workspace, bytes: total, member: grant.member.id });
      json(res, 201, { received: total, complete: true });
      return true;
    } finally {
      busy.delete(key);
    }
  };
}
