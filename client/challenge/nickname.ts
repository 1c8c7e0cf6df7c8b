import { checkNickname } from '../../shared/live/nickname.ts';

/**
 * The nickname as the leaderboard will take it, or why not — checked before play, so a solve is
 * never lost to a refused name. The rule is the one nickname policy (shared/live/nickname.ts);
 * this only maps its refusals onto the Daily screen's translated messages.
 */
export function checkPlayerName(
  raw: string,
): { ok: true; nickname: string } | { ok: false; reason: 'empty' | 'long' | 'words' } {
  const checked = checkNickname(raw);
  if (checked.ok) return checked;
  if (checked.code === 'nickname/empty') return { ok: false, reason: 'empty' };
  if (checked.code === 'nickname/too_long') return { ok: false, reason: 'long' };
  return { ok: false, reason: 'words' };
}
