// Attachments: content-addressed (SHA-256 hex) blobs on the sync server, uploaded in chunks that
// resume where the server says it stopped (HEAD tells how much has arrived).
export interface BlobClient {
  /** Uploads bytes under their hash, resuming a partial upload; resolves when the server has it all. */
  upload(hash: string, bytes: Uint8Array, opts?: { chunkBytes?: number }): Promise<void>;
  download(hash: string): Promise<Uint8Array>;
  /** Bytes the server holds for this hash (complete or not). */
  received(hash: string): Promise<{ received: number; complete: boolean }>;
}

export class BlobError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string) {
    super(`blob request failed: ${status} ${code}`);
    this.status = status;
    this.code = code;
  }
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The workspace a token was issued for (its `ws` claim), read without verifying. */
export function tokenWorkspace(token: string): string {
  const part = token.split('.')[1] ?? '';
  try {
    const b64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const ws = (
      JSON.parse(atob(b64.padEnd(Math.ceil(b64.length / 4) * 4, '='))) as { ws?: unknown }
    ).ws;
    return typeof ws === 'string' ? ws : '';
  } catch {
    return '';
  }
}

export function blobClient(
  baseUrl: string,
  token: string,
  workspace: string = tokenWorkspace(token),
): BlobClient {
  const root = baseUrl.replace(/^ws/, 'http').replace(/\/+$/, '');
  const auth = { Authorization: `Bearer ${token}` };
  const at = (hash: string) => `${root}/blobs/${encodeURIComponent(workspace)}/${hash}`;

  async function fail(res: Response): Promise<never> {
    let code = 'error';
    try {
      code = ((await res.json()) as { error?: string }).error ?? code;
    } catch {
      // HEAD and some errors carry no body
    }
    throw new BlobError(res.status, code);
  }

  async function received(hash: string) {
    const res = await fetch(at(hash), { method: 'HEAD', headers: auth });
    if (res.status === 404) return { received: 0, complete: false };
    if (!res.ok) return fail(res);
    return {
      received: Number(res.headers.get('X-Blob-Received') ?? 0),
      complete: res.headers.get('X-Blob-Complete') === '1',
    };
  }

  return {
    received,
    async upload(hash, bytes, opts = {}) {
      const chunk = opts.chunkBytes ?? 1024 * 1024;
      let { received: offset, complete } = await received(hash);
      for (let guard = 0; !complete; guard++) {
        if (guard > Math.ceil(bytes.byteLength / chunk) + 8) throw new BlobError(0, 'no-progress');
        const end = Math.min(bytes.byteLength, offset + chunk);
        const res = await fetch(at(hash), {
          method: 'PUT',
          headers: {
            ...auth,
            'Content-Type': 'application/octet-stream',
            'Content-Range': `bytes ${offset}-${end - 1}/${bytes.byteLength}`,
          },
          body: bytes.slice(offset, end),
        });
        if (res.status === 409) {
          // Someone (maybe an earlier attempt of ours) moved the offset: ask and continue.
          ({ received: offset, complete } = await received(hash));
          continue;
        }
        if (!res.ok) return fail(res);
        const body = (await res.json()) as { received: number; complete: boolean };
        offset = body.received;
        complete = body.complete;
      }
    },
    async download(hash) {
      const res = await fetch(at(hash), { headers: auth });
      if (!res.ok) return fail(res);
      return new Uint8Array(await res.arrayBuffer());
    },
  };
}
