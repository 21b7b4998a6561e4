// «Команда»: connect this workspace to a sync server, join by invite, see teammates and their
// roles; the owner invites (role, days) and gets a code/link to pass on, changes roles, revokes.
// Everything goes through the server's /workspaces/<ws>/members endpoints with the stored token.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type { AttachmentRef } from '../../lib/model/index.ts';
import type { Snapshot } from '../../lib/store/index.ts';
import { getAttachmentBytes } from '../../lib/store/attachments.ts';
import type { SyncState, TeamMember } from '../../lib/store/sync-binding.ts';
import { formatSize, errorMessage } from '../common/format.ts';
import { onlinePeers, syncLabel } from './SyncStatus.tsx';
import { useSyncBinding, useSyncModule, useSyncState } from './useSync.ts';
import './team.css';

const ROLE_LABELS: Record<string, string> = {
  owner: 'владелец',
  editor: 'редактор',
  viewer: 'наблюдатель',
};

function dateRu(ms: number): string {
  return new Date(ms).toLocaleDateString('ru-RU');
}

export function TeamPanel(props: {
  workspaceId: string;
  snapshot: Snapshot;
  /** Called when joining made another workspace active on this device. */
  onSwitched: () => void;
}) {
  const state = useSyncState(props.workspaceId);
  if (!state) return <p className="muted">Загружаем настройки команды…</p>;
  return (
    <section className="team stack" aria-label="Команда">
      <h2>Команда</h2>
      {state.configured ? (
        <Connected {...props} state={state} />
      ) : (
        <JoinForm workspaceId={props.workspaceId} onSwitched={props.onSwitched} />
      )}
    </section>
  );
}

function JoinForm(props: { workspaceId: string; onSwitched: () => void }) {
  return (
    <div className="team-grid">
      <JoinByInvite currentWorkspaceId={props.workspaceId} onJoined={props.onSwitched} />
      <div className="card stack">
        <h3>Подключить это пространство</h3>
        <p className="muted small">
          Чтобы вести это пространство вместе с коллегами, администратор сервера создаёт его на
          сервере под этим идентификатором и передаёт вам код владельца — вставьте его слева.
        </p>
        <div className="field">
          <label htmlFor="team-ws-id">Идентификатор пространства</label>
          <input id="team-ws-id" readOnly value={props.workspaceId} data-testid="workspace-id" />
        </div>
        <code className="team-command">
          npm run server -- create-workspace --workspace {props.workspaceId}
        </code>
      </div>
    </div>
  );
}

/**
 * «Присоединиться по приглашению»: a code or link from the owner. Also on the first-run screen,
 * where it brings a workspace this device does not have yet.
 */
export function JoinByInvite(props: {
  currentWorkspaceId?: string;
  onJoined: () => void;
  /** Without its own card (inside another one). */
  plain?: boolean;
}) {
  const sync = useSyncModule();
  const [server, setServer] = useState('');
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  // A pasted link carries the server address: show it as soon as it is recognised.
  const parsed = useMemo(
    () => (sync ? sync.parseInvite(code, server) : null),
    [sync, code, server],
  );

  async function join(e: FormEvent) {
    e.preventDefault();
    if (!sync) return;
    setError(null);
    setDone(null);
    if (!name.trim()) return setError('Укажите имя: так вас увидят коллеги. Ничего не изменено.');
    setBusy(true);
    try {
      const result = await sync.joinByInvite({ code, serverUrl: server, memberName: name });
      setCode('');
      if (result.workspaceId !== props.currentWorkspaceId) {
        setDone('Пространство получено с сервера и открыто.');
        props.onJoined();
      } else setDone('Пространство подключено к серверу.');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className={props.plain ? 'stack team-join-plain' : 'card stack'}
      onSubmit={join}
      aria-label="Присоединиться по приглашению"
    >
      <h3>Присоединиться по приглашению</h3>
      <p className="muted small">
        Вставьте код или ссылку-приглашение от владельца пространства. Данные этого устройства
        никуда не пропадут: изменения, сделанные без связи, отправятся при подключении.
      </p>
      <div className="field">
        <label htmlFor="team-code">Код или ссылка</label>
        <textarea
          id="team-code"
          rows={3}
          value={code}
          spellCheck={false}
          onChange={(e) => setCode(e.target.value)}
          placeholder="https://sync.example.ru/invite#… или код"
        />
      </div>
      <div className="field">
        <label htmlFor="team-server">Адрес сервера</label>
        <input
          id="team-server"
          value={parsed?.serverUrl && !server ? parsed.serverUrl : server}
          onChange={(e) => setServer(e.target.value)}
          placeholder="https://sync.example.ru"
          inputMode="url"
        />
      </div>
      <div className="field">
        <label htmlFor="team-name">Ваше имя для коллег</label>
        <input
          id="team-name"
          value={name}
          maxLength={100}
          onChange={(e) => setName(e.target.value)}
          placeholder="Ирина Петровна, завуч"
        />
      </div>
      <div className="row">
        <button type="submit" className="primary" disabled={busy || !code.trim()}>
          {busy ? 'Подключаемся…' : 'Присоединиться'}
        </button>
        {done && (
          <span className="muted small" role="status">
            {done}
          </span>
        )}
      </div>
      {error && (
        <div className="notice error" role="alert">
          {error}
        </div>
      )}
    </form>
  );
}

function Connected(props: {
  workspaceId: string;
  snapshot: Snapshot;
  state: SyncState;
  onSwitched: () => void;
}) {
  const { state } = props;
  const sync = useSyncModule();
  const binding = useSyncBinding(props.workspaceId);
  const api = useMemo(() => binding?.api() ?? null, [binding, state.serverUrl]); // eslint-disable-line react-hooks/exhaustive-deps
  const [team, setTeam] = useState<{
    members: TeamMember[];
    me: TeamMember;
    fetchedAt: number;
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [issued, setIssued] = useState<{ token: string; label: string; role: string } | null>(null);
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const online = state.status !== 'offline';

  // Re-asked after every change made here and whenever the connection comes back.
  useEffect(() => {
    if (!api) return;
    let live = true;
    api.members().then(
      (t) => {
        if (!live) return;
        setTeam({ ...t, fetchedAt: Date.now() });
        setError(null);
      },
      (err: unknown) => live && setError(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, [api, version, online]);

  const isOwner = team?.me.role === 'owner';
  const peers = onlinePeers(state.peers);
  const { text, tone } = syncLabel(state);

  async function act(what: () => Promise<unknown>, ok: string) {
    setError(null);
    setNotice(null);
    try {
      await what();
      setNotice(ok);
      refresh();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  async function leave() {
    if (!sync) return;
    const ownerLeaving = isOwner;
    const question = ownerLeaving
      ? 'Отключить это устройство от сервера? Записи останутся здесь и на сервере.'
      : 'Покинуть команду? Записи останутся на этом устройстве, но обновляться больше не будут.';
    if (!window.confirm(question)) return;
    setError(null);
    try {
      if (!ownerLeaving && team && api) await api.revoke(team.me.id);
    } catch {
      // Offline or already revoked: leaving this device still works.
    }
    await sync.clearSyncSettings(props.workspaceId);
    setTeam(null);
  }

  return (
    <div className="team-grid">
      <div className="card stack">
        <div className="row">
          <h3 className="grow">Синхронизация</h3>
          <span className={`sync-badge sync-${tone}`}>
            <span className="sync-dot" aria-hidden="true" />
            {text}
          </span>
        </div>
        <dl className="team-facts">
          <dt>Сервер</dt>
          <dd>{state.serverUrl}</dd>
          <dt>Вы</dt>
          <dd>
            {state.memberName || '—'}
            {team && ` · ${ROLE_LABELS[team.me.role]}`}
          </dd>
          <dt>Сейчас в сети</dt>
          <dd data-testid="team-online">
            {peers.length ? peers.map((p) => p.name).join(', ') : 'никого из коллег'}
          </dd>
        </dl>
        {state.denied && (
          <div className="notice error" role="alert">
            {sync?.deniedMessage(state.denied)}
          </div>
        )}
        {state.uploadError && (
          <div className="notice warn" role="status">
            {state.uploadError}
          </div>
        )}
        {state.uploadsPending > 0 && (
          <p className="muted small">Файлов ждут отправки: {state.uploadsPending}</p>
        )}
        <div className="row">
          <button type="button" onClick={() => void leave()}>
            {isOwner ? 'Отключить от сервера' : 'Покинуть команду'}
          </button>
        </div>
      </div>

      <div className="card stack">
        <h3>Участники</h3>
        {!team && !error && <p className="muted small">Спрашиваем сервер…</p>}
        {team && (
          <ul className="team-members" data-testid="team-members">
            {team.members
              .filter((m) => m.revokedAt === null)
              .map((m) => (
                <li key={m.id} className="row">
                  <span className="sync-avatar" aria-hidden="true">
                    {(m.label || ROLE_LABELS[m.role] || '?').charAt(0).toUpperCase()}
                  </span>
                  <span className="grow">
                    {m.label || (m.id === team.me.id ? state.memberName : 'без имени')}
                    {m.id === team.me.id && <span className="muted small"> (вы)</span>}
                    <span className="muted small block">
                      {m.expiresAt > team.fetchedAt
                        ? `доступ до ${dateRu(m.expiresAt)}`
                        : 'срок доступа истёк'}
                    </span>
                  </span>
                  {isOwner && m.role !== 'owner' ? (
                    <>
                      <select
                        aria-label={`Роль: ${m.label || m.id}`}
                        value={m.role}
                        onChange={(e) =>
                          void act(
                            () => api!.setRole(m.id, e.target.value as 'editor' | 'viewer'),
                            'Роль изменена.',
                          )
                        }
                      >
                        <option value="editor">редактор</option>
                        <option value="viewer">наблюдатель</option>
                      </select>
                      <button
                        type="button"
                        className="small danger"
                        onClick={() =>
                          window.confirm(`Отозвать доступ у «${m.label || 'участника'}»?`) &&
                          void act(() => api!.revoke(m.id), 'Доступ отозван.')
                        }
                      >
                        Отозвать
                      </button>
                    </>
                  ) : (
                    <span className="badge">{ROLE_LABELS[m.role]}</span>
                  )}
                </li>
              ))}
          </ul>
        )}
        {notice && (
          <p className="muted small" role="status">
            {notice}
          </p>
        )}
        {error && (
          <div className="notice error" role="alert">
            {error}
          </div>
        )}
      </div>

      {isOwner && api && (
        <InviteForm
          serverUrl={state.serverUrl}
          issued={issued}
          onInvite={async (input) => {
            setError(null);
            try {
              const result = await api.invite(input);
              setIssued({ token: result.token, label: input.label, role: input.role });
              refresh();
            } catch (err) {
              setError(errorMessage(err));
            }
          }}
        />
      )}

      <TeammatesFiles workspaceId={props.workspaceId} snapshot={props.snapshot} />
    </div>
  );
}

function InviteForm(props: {
  serverUrl: string;
  issued: { token: string; label: string; role: string } | null;
  onInvite: (input: { role: 'editor' | 'viewer'; days: number; label: string }) => Promise<void>;
}) {
  const sync = useSyncModule();
  const [role, setRole] = useState<'editor' | 'viewer'>('editor');
  const [days, setDays] = useState('7');
  const [label, setLabel] = useState('');
  const [copied, setCopied] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const link = props.issued && sync ? sync.inviteLink(props.serverUrl, props.issued.token) : '';

  async function copy(text: string, what: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(what);
    } catch {
      setCopied('Скопируйте вручную: выделите текст и нажмите Ctrl+C.');
    }
  }

  return (
    <form
      className="card stack"
      aria-label="Пригласить"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setCopied(null);
        await props.onInvite({ role, days: Number(days) || 7, label: label.trim() });
        setBusy(false);
      }}
    >
      <h3>Пригласить коллегу</h3>
      <div className="row team-invite-fields">
        <div className="field grow">
          <label htmlFor="invite-label">Кого</label>
          <input
            id="invite-label"
            value={label}
            maxLength={200}
            onChange={(e) => setLabel(e.target.value)}
            placeholder="Ирина Петровна"
          />
        </div>
        <div className="field">
          <label htmlFor="invite-role">Роль</label>
          <select
            id="invite-role"
            value={role}
            onChange={(e) => setRole(e.target.value as 'editor' | 'viewer')}
          >
            <option value="editor">редактор</option>
            <option value="viewer">наблюдатель</option>
          </select>
        </div>
        <div className="field team-days">
          <label htmlFor="invite-days">Дней</label>
          <input
            id="invite-days"
            type="number"
            min={1}
            max={3650}
            value={days}
            onChange={(e) => setDays(e.target.value)}
          />
        </div>
      </div>
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          Создать приглашение
        </button>
      </div>
      {props.issued && (
        <div className="stack team-issued" data-testid="invite-issued">
          <p className="small">
            Приглашение{props.issued.label ? ` для «${props.issued.label}»` : ''} (
            {ROLE_LABELS[props.issued.role]}) создано. Передайте ссылку или код лично или в
            защищённом мессенджере: кто их получит, тот войдёт в пространство.
          </p>
          <div className="field">
            <label htmlFor="invite-link">Ссылка</label>
            <div className="row">
              <input id="invite-link" className="grow" readOnly value={link} />
              <button type="button" onClick={() => void copy(link, 'Ссылка скопирована.')}>
                Копировать
              </button>
            </div>
          </div>
          <div className="field">
            <label htmlFor="invite-code">Код</label>
            <div className="row">
              <input id="invite-code" className="grow" readOnly value={props.issued.token} />
              <button
                type="button"
                onClick={() => void copy(props.issued!.token, 'Код скопирован.')}
              >
                Копировать
              </button>
            </div>
          </div>
          {copied && (
            <span className="muted small" role="status">
              {copied}
            </span>
          )}
        </div>
      )}
    </form>
  );
}

/** Teammates' attachments: the records arrive at once, the bytes when someone asks for them. */
function TeammatesFiles(props: { workspaceId: string; snapshot: Snapshot }) {
  const binding = useSyncBinding(props.workspaceId);
  const refs = useMemo(() => {
    const seen = new Map<string, AttachmentRef>();
    for (const e of props.snapshot.evidence)
      for (const a of e.attachments) if (!seen.has(a.hash)) seen.set(a.hash, a);
    return [...seen.values()];
  }, [props.snapshot]);
  const [missing, setMissing] = useState<AttachmentRef[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void Promise.all(refs.map(async (r) => ((await getAttachmentBytes(r.hash)) ? null : r))).then(
      (list) => live && setMissing(list.filter((r): r is AttachmentRef => r !== null)),
    );
    return () => {
      live = false;
    };
  }, [refs, busy]);

  if (missing.length === 0) return null;
  return (
    <div className="card stack">
      <h3>Файлы коллег</h3>
      <p className="muted small">
        Эти файлы прикреплены на других устройствах. Скачайте нужные — они сохранятся здесь.
      </p>
      <ul className="team-files">
        {missing.map((r) => (
          <li key={r.hash} className="row">
            <span className="grow">{r.name}</span>
            <span className="muted small">{formatSize(r.size)}</span>
            <button
              type="button"
              className="small"
              disabled={!binding || busy !== null}
              onClick={async () => {
                setBusy(r.hash);
                setError(null);
                try {
                  await binding!.downloadAttachment(r);
                } catch (err) {
                  setError(errorMessage(err));
                } finally {
                  setBusy(null);
                }
              }}
            >
              {busy === r.hash ? 'Скачиваем…' : 'Скачать'}
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <div className="notice error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
