import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { BlobError, blobClient, sha256Hex } from '../../../lib/sync/blobs.ts';
import { startServer, tempDir } from './harness.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(maxBlobBytes?: number) {
  const tmp = tempDir();
  const { server } = await startServer(tmp.dir, maxBlobBytes ? { maxBlobBytes } : {});
  cleanups.push(async () => {
    await server.stop();
    tmp.remove();
  });
  const owner = await server.access.createWorkspace('school5', { days: 30 });
  await server.access.createWorkspace('school7', { days: 30 });
  return { server, owner };
}

function bytes(n: number, seed = 1): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) out[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  return out;
}

describe('attachments over authenticated HTTP', () => {
  it('resumes an interrupted upload from where the server stopped and verifies the hash', async () => {
    const { server, owner } = await setup();
    const data = bytes(300_000);
    const hash = await sha256Hex(data);
    expect(hash).toBe(createHash('sha256').update(data).digest('hex'));
    // First attempt: only the first 100 000 bytes arrive.
    const first = await fetch(`${server.httpUrl}/blobs/school5/${hash}`, {
      method: 'PUT',
      headers: {
        Authorization: `Bearer ${owner.token}`,
        'Content-Range': `bytes 0-99999/${data.length}`,
      },
      body: data.slice(0, 100_000),
    });
    expect(await first.json()).toEqual({ received: 100_000, complete: false });
    const c = blobClient(server.httpUrl, owner.token);
    expect(await c.received(hash)).toEqual({ received: 100_000, complete: false });
    await c.upload(hash, data, { chunkBytes: 64 * 1024 });
    expect(await c.received(hash)).toEqual({ received: data.length, complete: true });
    expect(await c.download(hash)).toEqual(data);
  });

  it('rejects wrong content, oversized files, viewers writing and strangers', async () => {
    const { server, owner } = await setup(200_000);
    const c = blobClient(server.httpUrl, owner.token);
    const data = bytes(1000, 2);
    const wrongHash = await sha256Hex(bytes(1000, 3));
    await expect(c.upload(wrongHash, data)).rejects.toMatchObject({
      status: 422,
      code: 'hash-mismatch',
    });
    expect(await c.received(wrongHash)).toEqual({ received: 0, complete: false });

    const big = bytes(200_001, 4);
    await expect(c.upload(await sha256Hex(big), big)).rejects.toMatchObject({ status: 413 });

    const hash = await sha256Hex(data);
    const viewer = await server.access.invite('school5', 'viewer', { days: 1 });
    await expect(blobClient(server.httpUrl, viewer.token).upload(hash, data)).rejects.toMatchObject(
      { status: 403, code: 'read-only' },
    );
    await c.upload(hash, data);
    expect(await blobClient(server.httpUrl, viewer.token).download(hash)).toEqual(data);

    const stranger = await server.access.invite('school7', 'editor', { days: 1 });
    const wrong = blobClient(server.httpUrl, stranger.token, 'school5');
    await expect(wrong.download(hash)).rejects.toBeInstanceOf(BlobError);
    await expect(blobClient(server.httpUrl, '', 'school5').download(hash)).rejects.toMatchObject({
      status: 401,
    });
  });
});
