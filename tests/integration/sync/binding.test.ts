// The extension's sync binding (lib/store/sync-binding.ts) against a real server: this "device"
// is the store (Dexie + y-indexeddb on fake-indexeddb); teammates are raw lib/sync clients.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { blobClient, sha256Hex } from '../../../lib/sync/blobs.ts';
import type { SyncConnection } from '../../../lib/sync/connection.ts';
import { getAttachmentBytes, putAttachmentBytes } from '../../../lib/store/attachments.ts';
import { db } from '../../../lib/store/db.ts';
import { Repository } from '../../../lib/store/repository.ts';
import {
  inviteLink,
  joinByInvite,
  parseInvite,
  saveSyncSettings,
  startSyncBinding,
} from '../../../lib/store/sync-binding.ts';
import type { SyncBinding } from '../../../lib/store/sync-binding.ts';
import { initWorkspaceDoc } from '../../../lib/store/workspace-doc.ts';
import { defaultQuartersFor } from '../../../lib/store/quarters.ts';
import { createWorkspace, openWorkspace } from '../../../lib/store/workspaces.ts';
import type { WorkspaceHandle } from '../../../lib/store/workspaces.ts';
import { client, startServer, tempDir, waitFor } from './harness.ts';
import type { Started } from './harness.ts';

const fast = { minDelayMs: 50, maxDelayMs: 400 };
let started: Started;
const data = tempDir();
const cleanups: (() => void | Promise<void>)[] = [];

beforeAll(async () => {
  started = await startServer(data.dir);
});

afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  await started.server.stop();
  data.remove();
});

function teammate(token: string, workspace: string): SyncConnection {
  const c = client(started.server.url, token, workspace);
  cleanups.push(() => c.destroy());
  return c;
}

describe('sync binding of an open workspace', () => {
  let workspaceId = '';
  let handle: WorkspaceHandle;
  let binding: SyncBinding;
  let ownerToken = '';

  it('connects a workspace created on this device and shares it with an invited editor', async () => {
    workspaceId = await createWorkspace({
      name: 'МБОУ СОШ № 5',
      kind: 'school',
      municipality: 'Славянский район',
      schoolYear: '2020-2021',
    });
    ownerToken = (await started.server.access.createWorkspace(workspaceId, { days: 30 })).token;
    handle = await openWorkspace(workspaceId, { actor: 'Завуч' });
    binding = startSyncBinding(workspaceId, handle.repo, fast);
    cleanups.push(() => {
      binding.stop();
      handle.close();
    });
    expect(binding.getState().configured).toBe(false);
    await saveSyncSettings(workspaceId, {
      serverUrl: started.server.httpUrl,
      token: ownerToken,
      memberName: 'Завуч',
    });
    await waitFor(() => binding.getState().status === 'synced', 5000, 'owner synced');
    // The stored token never travels in a URL (the connection carries it in the auth message).
    expect(started.logs.join('\n')).not.toContain(ownerToken);

    const invite = await binding.api()!.invite({ role: 'editor', days: 7, label: 'Ирина' });
    const editor = teammate(invite.token, workspaceId);
    await editor.whenSynced();
    const theirs = new Repository(editor.doc, { actor: 'Ирина' });
    expect(theirs.snapshot().workspace.name).toBe('МБОУ СОШ № 5');
    theirs.createActivity({ title: 'Педсовет по итогам ВПР' });
    await waitFor(
      () => handle.repo.snapshot().activities.some((a) => a.title === 'Педсовет по итогам ВПР'),
      5000,
      'teammate edit arrives',
    );
    editor.setPresence({ name: 'Ирина', fillingId: 'f-1' });
    await waitFor(
      () => binding.getState().peers.some((p) => p.name === 'Ирина' && p.fillingId === 'f-1'),
      5000,
      'presence',
    );
    const { members, me } = await binding.api()!.members();
    expect(me.role).toBe('owner');
    expect(members.map((m) => [m.role, m.label])).toContainEqual(['editor', 'Ирина']);
  });

  it('keeps offline edits, counts them, and merges them on reconnect', async () => {
    const port = started.server.port;
    await started.server.stop();
    await waitFor(() => binding.getState().status === 'offline', 5000, 'offline');
    handle.repo.createActivity({ title: 'Сделано без связи' });
    handle.repo.createActivity({ title: 'И ещё одно' });
    await waitFor(() => binding.getState().pendingCount >= 2, 2000, 'pending counted');
    started = await startServer(data.dir, { port });
    await waitFor(() => binding.getState().status === 'synced', 10_000, 'back online');
    expect(binding.getState().pendingCount).toBe(0);
    const fresh = teammate(ownerToken, workspaceId);
    await fresh.whenSynced();
    const titles = new Repository(fresh.doc, { actor: 'x' })
      .snapshot()
      .activities.map((a) => a.title);
    expect(titles).toEqual(expect.arrayContaining(['Сделано без связи', 'И ещё одно']));
  });

  it('shows a malformed record from a hostile client under «требуют исправления», never crashing', async () => {
    const hostile = teammate(ownerToken, workspaceId);
    await hostile.whenSynced();
    hostile.doc.transact(() => {
      const bad = new Y.Map<unknown>();
      bad.set('id', 'evil');
      bad.set('title', 42);
      bad.set('status', '<script>alert(1)</script>');
      hostile.doc.getMap('activities').set('evil', bad);
    });
    await waitFor(
      () => handle.repo.snapshot().broken.some((b) => b.id === 'evil'),
      5000,
      'broken record listed',
    );
    const snap = handle.repo.snapshot();
    expect(snap.activities.some((a) => a.id === 'evil')).toBe(false);
    expect(snap.activities.length).toBeGreaterThanOrEqual(3);
  });

  it('uploads an attachment after its record syncs; a teammate downloads a file on demand', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.4 приказ № 112 о проведении ВПР');
    const ref = await putAttachmentBytes(bytes, 'Приказ 112.pdf', 'application/pdf');
    handle.repo.createEvidence({ kind: 'order', title: 'О проведении ВПР', attachments: [ref] });
    const theirBlobs = blobClient(started.server.httpUrl, ownerToken, workspaceId);
    await waitFor(() => binding.getState().uploadsPending === 0, 5000, 'upload queue');
    const t0 = Date.now();
    while (!(await theirBlobs.received(ref.hash)).complete) {
      if (Date.now() - t0 > 5000) throw new Error('attachment never reached the server');
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await theirBlobs.download(ref.hash)).toEqual(bytes);

    // The other way: a teammate's file is metadata here until asked for.
    const theirBytes = new TextEncoder().encode('%PDF-1.4 справка коллеги');
    const hash = await sha256Hex(theirBytes);
    await theirBlobs.upload(hash, theirBytes);
    const theirRef = {
      hash,
      name: 'Справка.pdf',
      type: 'application/pdf',
      size: theirBytes.length,
    };
    expect(await getAttachmentBytes(hash)).toBeNull();
    await binding.downloadAttachment(theirRef);
    expect(await getAttachmentBytes(hash)).toEqual(theirBytes);
  });
});

describe('joining by invite', () => {
  it('parses a bare code and a link whose fragment carries it', async () => {
    const { token } = await started.server.access.invite(
      (await db().workspaces.toArray())[0]!.id,
      'viewer',
      { days: 1 },
    );
    const link = inviteLink(started.server.httpUrl, token);
    expect(link).toBe(`${started.server.httpUrl}/invite#${token}`);
    expect(parseInvite(link)).toMatchObject({ token, serverUrl: started.server.httpUrl });
    expect(parseInvite(` ${token} `, '127.0.0.1:1234')).toMatchObject({
      token,
      serverUrl: 'http://127.0.0.1:1234',
    });
    expect(parseInvite('not a code')).toBeNull();
  });

  it('creates a workspace this device does not have from the server; a viewer cannot write', async () => {
    const owner = await started.server.access.createWorkspace('school9', { days: 30 });
    const ownerClient = teammate(owner.token, 'school9');
    await ownerClient.whenSynced();
    initWorkspaceDoc(ownerClient.doc, {
      id: 'school9',
      name: 'МБОУ СОШ № 9',
      kind: 'school',
      municipality: 'Крымский район',
      schoolYear: '2020-2021',
      quarters: defaultQuartersFor('2020-2021'),
      directions: ['Оценка качества'],
      createdAt: new Date().toISOString(),
    });
    await ownerClient.whenSynced();
    const viewer = await started.server.access.invite('school9', 'viewer', { days: 7 });

    await expect(
      joinByInvite({ code: 'мусор', serverUrl: started.server.httpUrl, memberName: 'Гость' }),
    ).rejects.toThrow(/не распознан/);
    expect(await db().workspaces.get('school9')).toBeUndefined();

    const joined = await joinByInvite(
      {
        code: inviteLink(started.server.httpUrl, viewer.token),
        serverUrl: '',
        memberName: 'Гость',
      },
      fast,
    );
    expect(joined).toEqual({ workspaceId: 'school9', created: true });
    const handle = await openWorkspace('school9', { actor: 'Гость' });
    const binding = startSyncBinding('school9', handle.repo, fast);
    cleanups.push(() => {
      binding.stop();
      handle.close();
    });
    expect(handle.repo.snapshot().workspace.name).toBe('МБОУ СОШ № 9');
    await waitFor(() => binding.getState().status !== 'offline', 5000, 'viewer online');
    expect(binding.getState().readOnly).toBe(true);
    // A forced write (the UI would not offer it) stays on this device.
    handle.repo.createActivity({ title: 'Запись наблюдателя' });
    await new Promise((r) => setTimeout(r, 400));
    expect(ownerClient.doc.getMap('activities').size).toBe(0);

    // Revocation reaches the bound page.
    const viewerId = (await started.server.access.members('school9')).find(
      (m) => m.role === 'viewer',
    )!.id;
    await started.server.access.revoke('school9', viewerId);
    await waitFor(() => binding.getState().denied === 'revoked', 5000, 'revoked');
  });
});
