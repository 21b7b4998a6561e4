// Workspaces, members and signed tokens. A token (HS256 JWT, server secret) names one member of
// one workspace; the member row in SQLite is the authority (revocation, role), the token only
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

interface MemberRow {
  id: string;
  workspace: string;
  role: string;
  label: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
}

function toMember(r: MemberRow): Member {
  return {
    id: r.id,
    workspace: r.workspace,
    role: r.role as Role,
    label: r.label,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
  };
}

export class AccessControl {
  private readonly db: DatabaseSync;
  private readonly key: Uint8Array;

  constructor(db: DatabaseSync, secret: string) {
    this.db = db;
    this.key = new TextEncoder().encode(secret);
  }

  workspaceExists(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM workspaces WHERE id = ?').get(id) !== undefined;
  }

  /** Creates the workspace (the operator's step) and returns its owner's token. */
  async createWorkspace(
    id: string,
    opts: { days: number; label?: string; now?: number },
  ): Promise<{ member: Member; token: string }> {
    if (!isWorkspaceId(id)) throw new AccessDenied('bad-workspace-id');
    if (this.workspaceExists(id)) throw new AccessDenied('workspace-exists');
    this.db
      .prepare('INSERT INTO workspaces (id, created_at) VALUES (?, ?)')
      .run(id, opts.now ?? Date.now());
    return this.invite(id, 'owner', opts);
  }

  /** Issues a token for a new member; the member row is what revocation acts upon. */
  async invite(
    workspace: string,
    role: Role,
    opts: { days: number; label?: string; now?: number },
  ): Promise<{ member: Member; token: string }> {
    if (!this.workspaceExists(workspace)) throw new AccessDenied('unknown-workspace');
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
    this.db
      .prepare(
        'INSERT INTO members (id, workspace, role, label, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(member.id, workspace, role, member.label, member.createdAt, member.expiresAt);
    const token = await new SignJWT({ ws: workspace, role })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setSubject(member.id)
      .setIssuedAt(Math.floor(now / 1000))
      .setExpirationTime(Math.floor(member.expiresAt / 1000))
      .sign(this.key);
    return { member, token };
  }

  members(workspace: string): Member[] {
    return (
      this.db
        .prepare('SELECT * FROM members WHERE workspace = ? ORDER BY created_at')
        .all(workspace) as unknown as MemberRow[]
    ).map(toMember);
  }

  member(id: string): Member | null {
    const row = this.db.prepare('SELECT * FROM members WHERE id = ?').get(id) as
      MemberRow | undefined;
    return row ? toMember(row) : null;
  }

  revoke(workspace: string, memberId: string, now = Date.now()): boolean {
    const result = this.db
      .prepare(
        'UPDATE members SET revoked_at = ? WHERE id = ? AND workspace = ? AND revoked_at IS NULL',
      )
      .run(now, memberId, workspace);
    return Number(result.changes) > 0;
  }

  /** Ids of members revoked at or after `since` (polled so a CLI revoke reaches live sockets). */
  revokedSince(since: number): { id: string; revokedAt: number }[] {
    return (
      this.db
        .prepare(
          'SELECT id, revoked_at FROM members WHERE revoked_at IS NOT NULL AND revoked_at >= ?',
        )
        .all(since) as { id: string; revoked_at: number }[]
    ).map((r) => ({ id: r.id, revokedAt: r.revoked_at }));
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
    const member = sub ? this.member(sub) : null;
    if (!member || member.workspace !== workspace) throw new AccessDenied('unknown-member');
    if (member.revokedAt !== null) throw new AccessDenied('revoked');
    if (member.expiresAt <= now) throw new AccessDenied('token-expired');
    return { member, readOnly: member.role === 'viewer' };
  }
}
