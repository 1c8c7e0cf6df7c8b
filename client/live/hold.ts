/** When a student's live board takes no move, and why (shown over the board and as the refusal). */
import { t } from '../i18n/index.ts';
import type { LiveConnection } from './connection.ts';

/** The reason the board is on hold now, or null when moves go through. */
export function holdReason(conn: LiveConnection): string | null {
  if (conn.status === 'reconnecting') return t('live.reconnecting');
  if (conn.status !== 'connected') return t('live.connectionLost');
  return conn.state.live.phase === 'paused' ? t('live.pausedWait') : null;
}
