// Operator commands, run against the server's data folder or SVODKA_DATABASE_URL (the running
// server polls the member table, so a revoke here disconnects live sessions within a second):
//   npm run server -- create-workspace --workspace W [--days 365] [--label "…"]
//   npm run server -- invite --workspace W --role editor|viewer [--days 7] [--label "…"]
//   npm run server -- members --workspace W
//   npm run server -- revoke --workspace W --member ID
//   npm run server -- quarantine --workspace W
import { AccessControl, AccessDenied, isWorkspaceId } from './access.ts';
import type { Role } from './access.ts';
import { flagValues, resolveConfig } from './config.ts';
import { openDatabase } from './db.ts';
import { openPostgres } from './store-postgres.ts';
import { SqliteDocumentStore } from './store.ts';

export const commands = ['create-workspace', 'invite', 'members', 'revoke', 'quarantine'] as const;

const USAGE = `Команды / commands:
  create-workspace --workspace W [--days 365] [--label L]   создать пространство, выдать токен владельца
  invite --workspace W --role editor|viewer [--days 7] [--label L]   приглашение (токен)
  members --workspace W                                      участники
  revoke --workspace W --member ID                           отозвать доступ
  quarantine --workspace W                                   отложенные (нечитаемые) записи журнала`;

const messages: Record<string, string> = {
  'bad-workspace-id': 'Имя пространства: латиница, цифры, "-" и "_", до 64 символов.',
  'workspace-exists': 'Такое пространство уже есть; ничего не изменено.',
  'unknown-workspace': 'Такого пространства нет; создайте его командой create-workspace.',
  'bad-role': 'Роль должна быть editor или viewer.',
  'bad-days': 'Срок (--days) — число дней от 1 до 3650.',
};

export async function runCli(
  argv: string[],
  env: NodeJS.ProcessEnv,
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  const [command, ...rest] = argv;
  const flags = flagValues(rest);
  const workspace = flags.get('workspace') ?? '';
  if (!command || !(commands as readonly string[]).includes(command) || !workspace) {
    err(USAGE);
    return 2;
  }
  if (!isWorkspaceId(workspace)) {
    err(messages['bad-workspace-id']!);
    return 1;
  }
  const config = resolveConfig(env, rest);
  const pgBackend = config.databaseUrl
    ? await openPostgres(config.databaseUrl, `cli-${process.pid}`)
    : null;
  const db = pgBackend ? null : openDatabase(config.dataDir);
  const access = new AccessControl(pgBackend ? pgBackend.access : db!, config.secret);
  try {
    const label = flags.get('label') ?? '';
    if (command === 'create-workspace') {
      const { member, token } = await access.createWorkspace(workspace, {
        days: Number(flags.get('days') ?? 365),
        label,
      });
      out(
        JSON.stringify({
          workspace,
          memberId: member.id,
          role: 'owner',
          expiresAt: new Date(member.expiresAt).toISOString(),
          token,
        }),
      );
    } else if (command === 'invite') {
      const role = (flags.get('role') ?? 'editor') as Role;
      if (role !== 'editor' && role !== 'viewer') throw new AccessDenied('bad-role');
      const { member, token } = await access.invite(workspace, role, {
        days: Number(flags.get('days') ?? 7),
        label,
      });
      out(
        JSON.stringify({
          workspace,
          memberId: member.id,
          role,
          expiresAt: new Date(member.expiresAt).toISOString(),
          token,
        }),
      );
    } else if (command === 'quarantine') {
      // Rows the server set aside on load because they did not decode; kept for inspection.
      const documents = pgBackend
        ? pgBackend.documents
        : new SqliteDocumentStore(db!, `cli-${process.pid}`);
      const rows = await documents.quarantined(workspace);
      for (const row of rows) out(JSON.stringify(row));
      out(JSON.stringify({ workspace, quarantined: rows.length }));
    } else if (command === 'members') {
      if (!(await access.workspaceExists(workspace))) throw new AccessDenied('unknown-workspace');
      for (const m of await access.members(workspace)) out(JSON.stringify(m));
    } else {
      const id = flags.get('member') ?? '';
      if (!(await access.revoke(workspace, id))) {
        err('Участник не найден или уже отозван; ничего не изменено.');
        return 1;
      }
      out(JSON.stringify({ revoked: id }));
    }
    return 0;
  } catch (error) {
    if (error instanceof AccessDenied) {
      err(messages[error.reason] ?? error.reason);
      return 1;
    }
    throw error;
  } finally {
    db?.close();
    await pgBackend?.close();
  }
}
