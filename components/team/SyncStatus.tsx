// The sync state, visible in every page's header: «синхронизировано», «изменения ждут отправки
// (N)», «нет связи» (or «только просмотр» / a refusal), and who of the team is online now.
import type { ReactNode } from 'react';
import type { PeerPresence, SyncState } from '../../lib/store/sync-binding.ts';
import { useSyncState } from './useSync.ts';
import { t } from './messages.ts';
import './team.css';

export function syncLabel(state: SyncState): { text: string; tone: string } {
  if (state.denied) return { text: t('denied'), tone: 'danger' };
  if (state.status === 'offline')
    return {
      text:
        state.pendingCount > 0 ? t('offlinePending', { count: state.pendingCount }) : t('offline'),
      tone: 'warn',
    };
  if (state.readOnly) return { text: t('readOnly'), tone: 'muted' };
  if (state.status === 'pending' || state.pendingCount > 0)
    return { text: t('pending', { count: state.pendingCount }), tone: 'warn' };
  return { text: t('synced'), tone: 'ok' };
}

function peerTitle(p: PeerPresence): string {
  if (p.indicatorId) return t('peerIndicator', { name: p.name, indicator: p.indicatorId });
  if (p.fillingId) return t('peerFilling', { name: p.name });
  return p.name;
}

/** Unique names of teammates online (one person may have several pages open). */
export function onlinePeers(peers: PeerPresence[]): PeerPresence[] {
  const byName = new Map<string, PeerPresence>();
  for (const p of peers) {
    const prev = byName.get(p.name);
    if (!prev || (!prev.fillingId && p.fillingId)) byName.set(p.name, p);
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name, 'ru'));
}

export function SyncStatus(props: {
  workspaceId: string;
  compact?: boolean;
  /** Rendered around the badge (the dashboard links it to the «Команда» tab). */
  href?: string;
}): ReactNode {
  const state = useSyncState(props.workspaceId);
  if (!state?.configured) return null;
  const { text, tone } = syncLabel(state);
  const peers = onlinePeers(state.peers);
  const badge = (
    <span className={`sync-badge sync-${tone}`} data-testid="sync-status" role="status">
      <span className="sync-dot" aria-hidden="true" />
      {text}
    </span>
  );
  return (
    <div className={props.compact ? 'sync-status compact' : 'sync-status'}>
      {props.href ? (
        <a href={props.href} className="sync-link" title={t('teamAndSync')}>
          {badge}
        </a>
      ) : (
        badge
      )}
      {peers.length > 0 && (
        <span className="sync-peers" data-testid="sync-peers" aria-label={t('onlineNow')}>
          {peers.slice(0, props.compact ? 2 : 4).map((p) => (
            <span key={p.name} className="sync-peer" title={peerTitle(p)}>
              <span className="sync-avatar" aria-hidden="true">
                {p.name.trim().charAt(0).toUpperCase() || '?'}
              </span>
              {!props.compact && <span className="sync-peer-name">{p.name}</span>}
            </span>
          ))}
          {peers.length > (props.compact ? 2 : 4) && (
            <span className="muted small">+{peers.length - (props.compact ? 2 : 4)}</span>
          )}
        </span>
      )}
    </div>
  );
}

/** Disables every form control inside for a viewer (the server refuses their writes anyway). */
export function ReadOnlyGuard(props: { workspaceId: string; children: ReactNode }): ReactNode {
  const state = useSyncState(props.workspaceId);
  const readOnly = Boolean(state?.configured && state.readOnly);
  return (
    <fieldset className="team-guard" disabled={readOnly} data-readonly={readOnly || undefined}>
      {readOnly && (
        <p className="notice team-readonly-note" role="note">
          {t('viewerNote')}
        </p>
      )}
      {props.children}
    </fieldset>
  );
}
