import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import * as Y from 'yjs';
import { Repository, readBackup, writeBackup, buildExampleDoc } from '../../../lib/store/index.ts';
import { sha256Hex } from '../../../lib/files/hash.ts';

const now = new Date('2021-06-10T09:00:00.000Z');

async function exampleWithAttachment() {
  const doc = buildExampleDoc(now);
  const repo = new Repository(doc, { actor: 'Ирина', clock: () => now });
  const pdf = strToU8('%PDF-1.4 приказ № 736');
  const hash = await sha256Hex(pdf);
  const ev = repo.snapshot().evidence.find((e) => e.number === '736')!;
  repo.updateEvidence(ev.id, {
    attachments: [{ hash, name: 'Приказ 736.pdf', type: 'application/pdf', size: pdf.length }],
  });
  return { doc, repo, pdf, hash };
}

describe('backup', () => {
  it('round-trips records, links, Yjs state and attachments losslessly', async () => {
    const { doc, repo, pdf, hash } = await exampleWithAttachment();
    const bytes = writeBackup({ doc, attachments: new Map([[hash, pdf]]), now });
    const restored = await readBackup(bytes);
    expect(restored.snapshot).toEqual(repo.snapshot());
    expect(restored.manifest.counts).toMatchObject({ activities: 55, evidence: 17, fillings: 1 });
    expect(restored.attachments.get(hash)).toEqual(pdf);
    // The Yjs state itself is identical, so the restored copy can still merge with teammates.
    expect(Y.encodeStateVector(restored.doc)).toEqual(Y.encodeStateVector(doc));
  });

  const bad: [string, () => Promise<Uint8Array>, RegExp][] = [
    ['an empty file', async () => new Uint8Array(), /пуст/],
    [
      'a foreign file (a PDF)',
      async () => strToU8('%PDF-1.4 не резервная копия'),
      /не резервная копия/,
    ],
    [
      'a foreign zip (an .xlsx)',
      async () => zipSync({ '[Content_Types].xml': strToU8('<Types/>') }),
      /не резервная копия/,
    ],
    [
      'a truncated backup',
      async () => {
        const { doc } = await exampleWithAttachment();
        const full = writeBackup({ doc, attachments: new Map(), now });
        return full.slice(0, Math.floor(full.length / 2));
      },
      /не резервная копия|повреждён/,
    ],
    [
      'a future-version backup',
      async () =>
        zipSync({
          'manifest.json': strToU8(JSON.stringify({ format: 'svodka-backup', version: 7 })),
        }),
      /более новой версией/,
    ],
    [
      'a backup whose doc is garbage',
      async () => {
        const { doc } = await exampleWithAttachment();
        const full = writeBackup({ doc, attachments: new Map(), now });
        const { unzipSync } = await import('fflate');
        const files = unzipSync(full);
        files['doc.yjs'] = strToU8('garbage garbage garbage');
        return zipSync(files);
      },
      /повреждены/,
    ],
    [
      'a backup with a tampered attachment',
      async () => {
        const { doc, pdf, hash } = await exampleWithAttachment();
        const full = writeBackup({ doc, attachments: new Map([[hash, pdf]]), now });
        const { unzipSync } = await import('fflate');
        const files = unzipSync(full);
        files[`attachments/${hash}`] = strToU8('подмена');
        return zipSync(files);
      },
      /Вложение «Приказ 736.pdf».*повреждено/,
    ],
  ];
  it.each(bad)('refuses %s with a Russian message', async (_name, make, message) => {
    await expect(readBackup(await make())).rejects.toThrow(message);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const { doc } = await exampleWithAttachment();
    const bytes = writeBackup({ doc, attachments: new Map(), now });
    await expect(readBackup(bytes, { maxBytes: 1024 })).rejects.toThrow(
      /больше 0 МБ|не принимается/,
    );
  });
});
