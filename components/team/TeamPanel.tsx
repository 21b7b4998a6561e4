// «Команда»: connect this workspace to a sync server, join by invite, see teammates and their
// roles; the owner invites (role, days) and gets a code/link to pass on, changes roles, revokes.
// Everything goes through the server's /workspaces/<ws>/members endpoints with the stored token.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type { AttachmentRef } from '../../lib/model/index.ts';
import type { Snapshot } from '../../lib/store/index.ts';
import { getAttachmentBytes } from '../../lib/store/attachments.ts';
import type { SyncState, TeamMember } from '../../lib/store/sync-binding.ts';
import { locale } from '../../lib/i18n/index.ts';
import { formatSize, errorMessage } from '../common/format.ts';
import { onlinePeers, syncLabel } from './SyncStatus.tsx';
import { useSyncBinding, useSyncModule, useSyncState } from './useSync.ts';
import { t } from './messages.ts';
import './team.css';

function roleLabel(role: string): string | undefined {
  const labels: Record<string, string> = {
    owner: t('roleOwner'),
    editor: t('roleEditor'),
    viewer: t('roleViewer'),
  };
  return labels[role];
}

function shortDate(ms: number): string {
  return new Date(ms).toLocaleDateString(locale() === 'en' ? 'en-GB' : 'ru-RU');
}

export function TeamPanel(props: {
  workspaceId: string;
  snapshot: Snapshot;
  /** Called when joining made another workspace active on this device. */
  onSwitched: () => void;
}) {
  const state = useSyncState(props.workspaceId);
  if (!state) return <p className="muted">{t('loadingTeam')}</p>;
  return (
    <section className="team stack" aria-label={t('team')}>
      <h2>{t('team')}</h2>
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
        <h3>{t('connectTitle')}</h3>
        <p className="muted small">{t('connectHint')}</p>
        <div className="field">
          <label htmlFor="team-ws-id">{t('workspaceId')}</label>
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
    if (!name.trim()) return setError(t('nameRequired'));
    setBusy(true);
    try {
      const result = await sync.joinByInvite({ code, serverUrl: server, memberName: name });
      setCode('');
      if (result.workspaceId !== props.currentWorkspaceId) {
        setDone(t('joinedOther'));
        props.onJoined();
      } else setDone(t('joinedThis'));
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
      aria-label={t('joinTitle')}
    >
      <h3>{t('joinTitle')}</h3>
      <p className="muted small">{t('joinHint')}</p>
      <div className="field">
        <label htmlFor="team-code">{t('codeOrLink')}</label>
        <textarea
          id="team-code"
          rows={3}
          value={code}
          spellCheck={false}
          onChange={(e) => setCode(e.target.value)}
          placeholder={t('codePlaceholder')}
        />
      </div>
      <div className="field">
        <label htmlFor="team-server">{t('serverAddress')}</label>
        <input
          id="team-server"
          value={parsed?.serverUrl && !server ? parsed.serverUrl : server}
          onChange={(e) => setServer(e.target.value)}
          placeholder="https://sync.example.ru"
          inputMode="url"
        />
      </div>
      <div className="field">
        <label htmlFor="team-name">{t('yourName')}</label>
        <input
          id="team-name"
          value={name}
          maxLength={100}
          onChange={(e) => setName(e.target.value)}
          placeholder={t('yourNamePlaceholder')}
        />
      </div>
      <div className="row">
        <button type="submit" className="primary" disabled={busy || !code.trim()}>
          {busy ? t('joining') : t('join')}
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
      (result) => {
        if (!live) return;
        setTeam({ ...result, fetchedAt: Date.now() });
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
    const question = ownerLeaving ? t('confirmDisconnect') : t('confirmLeave');
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
          <h3 className="grow">{t('sync')}</h3>
          <span className={`sync-badge sync-${tone}`}>
            <span className="sync-dot" aria-hidden="true" />
            {text}
          </span>
        </div>
        <dl className="team-facts">
          <dt>{t('server')}</dt>
          <dd>{state.serverUrl}</dd>
          <dt>{t('you')}</dt>
          <dd>
            {state.memberName || '—'}
            {team && ` · ${roleLabel(team.me.role)}`}
          </dd>
          <dt>{t('onlineNow')}</dt>
          <dd data-testid="team-online">
            {peers.length ? peers.map((p) => p.name).join(', ') : t('nobodyOnline')}
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
          <p className="muted small">{t('uploadsPending', { count: state.uploadsPending })}</p>
        )}
        <div className="row">
          <button type="button" onClick={() => void leave()}>
            {isOwner ? t('disconnect') : t('leave')}
          </button>
        </div>
      </div>

      <div className="card stack">
        <h3>{t('members')}</h3>
        {!team && !error && <p className="muted small">{t('askingServer')}</p>}
        {team && (
          <ul className="team-members" data-testid="team-members">
            {team.members
              .filter((m) => m.revokedAt === null)
              .map((m) => (
                <li key={m.id} className="row">
                  <span className="sync-avatar" aria-hidden="true">
                    {(m.label || roleLabel(m.role) || '?').charAt(0).toUpperCase()}
                  </span>
                  <span className="grow">
                    {m.label || (m.id === team.me.id ? state.memberName : t('noName'))}
                    {m.id === team.me.id && <span className="muted small"> {t('youMark')}</span>}
                    <span className="muted small block">
                      {m.expiresAt > team.fetchedAt
                        ? t('accessUntil', { date: shortDate(m.expiresAt) })
                        : t('accessExpired')}
                    </span>
                  </span>
                  {isOwner && m.role !== 'owner' ? (
                    <>
                      <select
                        aria-label={t('roleOf', { name: m.label || m.id })}
                        value={m.role}
                        onChange={(e) =>
                          void act(
                            () => api!.setRole(m.id, e.target.value as 'editor' | 'viewer'),
                            t('roleChanged'),
                          )
                        }
                      >
                        <option value="editor">{t('roleEditor')}</option>
                        <option value="viewer">{t('roleViewer')}</option>
                      </select>
                      <button
                        type="button"
                        className="small danger"
                        onClick={() =>
                          window.confirm(t('confirmRevoke', m.label)) &&
                          void act(() => api!.revoke(m.id), t('revoked'))
                        }
                      >
                        {t('revoke')}
                      </button>
                    </>
                  ) : (
                    <span className="badge">{roleLabel(m.role)}</span>
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
      setCopied(t('copyManually'));
    }
  }

  return (
    <form
      className="card stack"
      aria-label={t('invite')}
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setCopied(null);
        await props.onInvite({ role, days: Number(days) || 7, label: label.trim() });
        setBusy(false);
      }}
    >
      <h3>{t('inviteTitle')}</h3>
      <div className="row team-invite-fields">
        <div className="field grow">
          <label htmlFor="invite-label">{t('whom')}</label>
          <input
            id="invite-label"
            value={label}
            maxLength={200}
            onChange={(e) => setLabel(e.target.value)}
            placeholder={t('whomPlaceholder')}
          />
        </div>
        <div className="field">
          <label htmlFor="invite-role">{t('role')}</label>
          <select
            id="invite-role"
            value={role}
            onChange={(e) => setRole(e.target.value as 'editor' | 'viewer')}
          >
            <option value="editor">{t('roleEditor')}</option>
            <option value="viewer">{t('roleViewer')}</option>
          </select>
        </div>
        <div className="field team-days">
          <label htmlFor="invite-days">{t('days')}</label>
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
          {t('createInvite')}
        </button>
      </div>
      {props.issued && (
        <div className="stack team-issued" data-testid="invite-issued">
          <p className="small">
            {t('inviteIssued', props.issued.label, roleLabel(props.issued.role) ?? '')}
          </p>
          <div className="field">
            <label htmlFor="invite-link">{t('link')}</label>
            <div className="row">
              <input id="invite-link" className="grow" readOnly value={link} />
              <button type="button" onClick={() => void copy(link, t('linkCopied'))}>
                {t('copy')}
              </button>
            </div>
          </div>
          <div className="field">
            <label htmlFor="invite-code">{t('code')}</label>
            <div className="row">
              <input id="invite-code" className="grow" readOnly value={props.issued.token} />
              <button type="button" onClick={() => void copy(props.issued!.token, t('codeCopied'))}>
                {t('copy')}
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
      <h3>{t('teamFiles')}</h3>
      <p className="muted small">{t('teamFilesHint')}</p>
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
              {busy === r.hash ? t('downloading') : t('download')}
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
