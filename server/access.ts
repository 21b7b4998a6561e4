// Workspaces, members and signed tokens. A token (HS256 JWT, server secret) names one member of
// one workspace; the member row in the store (SQLite or PostgreSQL) is the authority (revocation, role), the token only
// proves who is asking and expires on its own.
import type { DatabaseSync } from 'node:sqlite';
import { randomBytes, randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';

export type Role = 'owner' | 'editor' | 'viewer';
export const roles: readonly Role[] = ['owner', 'editor', 'viewer'];

export interface Member {
  id: string;
  workspace: string;
  role: Role;
  label: string;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
}

export interface Grant {
  member: Member;
  readOnly: boolean;
}

/** Thrown for every refusal; `reason` is safe to send to the client and to log. */
export class AccessDenied extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super(reason);
    this.reason = reason;
  }
}

const DAY_MS = 86_400_000;
const ISSUER = 'svodka';
const WORKSPACE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function isWorkspaceId(id: string): boolean {
  return WORKSPACE_ID.test(id);
}

export function generateSecret(): string {
  return randomBytes(32).toString('hex');
}

/** Where workspaces and members live: SQLite (one machine) or PostgreSQL (scale-out). */
export interface AccessStore {
  workspaceExists(id: string): Promise<boolean>;
  /** False when the workspace already exists. */
  insertWorkspace(id: string, createdAt: number): Promise<boolean>;
  insertMember(member: Member): Promise<void>;
  members(workspace: string): Promise<Member[]>;
  member(id: string): Promise<Member | null>;
  revoke(workspace: string, memberId: string, now: number): Promise<boolean>;
  setRole(workspace: string, memberId: string, role: Role, now: number): Promise<boolean>;
  /** Members revoked or whose role changed at or after `since`. */
  changedSince(since: number): Promise<{ id: string; revoked: boolean }[]>;
}

export interface MemberRow {
  id: string;
  workspace: string;
  role: string;
  label: string;
  created_at: number | string;
  expires_at: number | string;
  revoked_at: number | string | null;
}

/** Row → Member; PostgreSQL returns BIGINT as a string, hence Number(). */
export function toMember(r: MemberRow): Member {
  return {
    id: r.id,
    workspace: r.workspace,
    role: r.role as Role,
    label: r.label,
    createdAt: Number(r.created_at),
    expiresAt: Number(r.expires_at),
    revokedAt: r.revoked_at === null ? null : Number(r.revoked_at),
  };
}

export class SqliteAccessStore implements AccessStore {
  private readonly db: DatabaseSync;
  constructor(db: DatabaseSync) {
    this.db = db;
  }

  async workspaceExists(id: string): Promise<boolean> {
    return this.db.prepare('SELECT 1 FROM workspaces WHERE id = ?').get(id) !== undefined;
  }

  async insertWorkspace(id: string, createdAt: number): Promise<boolean> {
    const r = this.db
      .prepare('INSERT INTO workspaces (id, created_at) VALUES (?, ?) ON CONFLICT(id) DO NOTHING')
      .run(id, createdAt);
    return Number(r.changes) > 0;
  }

  async insertMember(m: Member): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO members (id, workspace, role, label, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(m.id, m.workspace, m.role, m.label, m.createdAt, m.expiresAt);
  }

  async members(workspace: string): Promise<Member[]> {
    return (
      this.db
        .prepare('SELECT * FROM members WHERE workspace = ? ORDER BY created_at')
        .all(workspace) as unknown as MemberRow[]
    ).map(toMember);
  }

  async member(id: string): Promise<Member | null> {
    const row = this.db.prepare('SELECT * FROM members WHERE id = ?').get(id) as
      MemberRow | undefined;
    return row ? toMember(row) : null;
  }

  async revoke(workspace: string, memberId: string, now: number): Promise<boolean> {
    const result = this.db
      .prepare(
        `UPDATE members SET revoked_at = ?, changed_at = ?
         WHERE id = ? AND workspace = ? AND revoked_at IS NULL`,
      )
      .run(now, now, memberId, workspace);
    return Number(result.changes) > 0;
  }

  async setRole(workspace: string, memberId: string, role: Role, now: number): Promise<boolean> {
    const result = this.db
      .prepare(
        `UPDATE members SET role = ?, changed_at = ?
         WHERE id = ? AND workspace = ? AND revoked_at IS NULL AND role <> 'owner'`,
      )
      .run(role, now, memberId, workspace);
    return Number(result.changes) > 0;
  }

  async changedSince(since: number): Promise<{ id: string; revoked: boolean }[]> {
    return (
      this.db
        .prepare(
          'SELECT id, revoked_at FROM members WHERE changed_at IS NOT NULL AND changed_at >= ?',
        )
        .all(since) as { id: string; revoked_at: number | null }[]
    ).map((r) => ({ id: r.id, revoked: r.revoked_at !== null }));
  }
}

export class AccessControl {
  readonly store: AccessStore;
  private readonly key: Uint8Array;

  /** `db` is the SQLite database (wrapped) or any AccessStore, e.g. PostgreSQL's. */
  constructor(db: DatabaseSync | AccessStore, secret: string) {
    this.store = 'prepare' in db ? new SqliteAccessStore(db) : db;
    this.key = new TextEncoder().encode(secret);
  }

  workspaceExists(id: string): Promise<boolean> {
    return this.store.workspaceExists(id);
  }

  /** Creates the workspace (the operator's step) and returns its owner's token. */
  async createWorkspace(
    id: string,
    opts: { days: number; label?: string; now?: number },
  ): Promise<{ member: Member; token: string }> {
    if (!isWorkspaceId(id)) throw new AccessDenied('bad-workspace-id');
    if (!(await this.store.insertWorkspace(id, opts.now ?? Date.now())))
      throw new AccessDenied('workspace-exists');
    return this.invite(id, 'owner', opts);
  }

  /** Issues a token for a new member; the member row is what revocation acts upon. */
  async invite(
    workspace: string,
    role: Role,
    opts: { days: number; label?: string; now?: number },
  ): Promise<{ member: Member; token: string }> {
    if (!(await this.store.workspaceExists(workspace))) throw new AccessDenied('unknown-workspace');
    if (!roles.includes(role)) throw new AccessDenied('bad-role');
    if (!(opts.days > 0 && opts.days <= 3650)) throw new AccessDenied('bad-days');
    const now = opts.now ?? Date.now();
    const member: Member = {
      id: randomUUID(),
      workspace,
      role,
      label: opts.label ?? '',
      createdAt: now,
      expiresAt: now + opts.days * DAY_MS,
      revokedAt: null,
    };
    await this.store.insertMember(member);
    const token = await new SignJWT({ ws: workspace, role })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setSubject(member.id)
      .setIssuedAt(Math.floor(now / 1000))
      .setExpirationTime(Math.floor(member.expiresAt / 1000))
      .sign(this.key);
    return { member, token };
  }

  members(workspace: string): Promise<Member[]> {
    return this.store.members(workspace);
  }

  member(id: string): Promise<Member | null> {
    return this.store.member(id);
  }

  revoke(workspace: string, memberId: string, now = Date.now()): Promise<boolean> {
    return this.store.revoke(workspace, memberId, now);
  }

  /** Changes an editor/viewer's role (owners stay owners); false when there is no such member. */
  async setRole(
    workspace: string,
    memberId: string,
    role: Role,
    now = Date.now(),
  ): Promise<boolean> {
    if (role === 'owner' || !roles.includes(role)) throw new AccessDenied('bad-role');
    return this.store.setRole(workspace, memberId, role, now);
  }

  /** Members revoked or re-roled at or after `since` (polled so live sockets follow the table). */
  changedSince(since: number): Promise<{ id: string; revoked: boolean }[]> {
    return this.store.changedSince(since);
  }

  /** Verifies a token for one workspace; throws AccessDenied with a short reason otherwise. */
  async authorize(token: string, workspace: string, now = Date.now()): Promise<Grant> {
    if (!token) throw new AccessDenied('no-token');
    let sub: string | undefined;
    let ws: unknown;
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        currentDate: new Date(now),
      });
      sub = payload.sub;
      ws = payload.ws;
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new AccessDenied(code === 'ERR_JWT_EXPIRED' ? 'token-expired' : 'bad-token');
    }
    if (ws !== workspace) throw new AccessDenied('wrong-workspace');
    const member = sub ? await this.store.member(sub) : null;
    if (!member || member.workspace !== workspace) throw new AccessDenied('unknown-member');
    if (member.revokedAt !== null) throw new AccessDenied('revoked');
    if (member.expiresAt <= now) throw new AccessDenied('token-expired');
    return { member, readOnly: member.role === 'viewer' };
  }
}
