import { CHALLENGE_LIMITS } from '../../shared/challenges/api.ts';
import { checkNickname } from '../../shared/live/nickname.ts';

/**
 * The nickname as the leaderboard will take it, or why not — checked before play, so a solve is
 * never lost to a refused name: 1–20 characters, and the same word list the server applies
 * (shared/live/nickname.ts and server/challenges/nickname.ts both use obscenity's English set).
 */
export function checkPlayerName(
  raw: string,
): { ok: true; nickname: string } | { ok: false; reason: 'empty' | 'long' | 'words' } {
  const n = raw.trim();
  const length = [...n].length;
  if (length < 1) return { ok: false, reason: 'empty' };
  if (length > CHALLENGE_LIMITS.nicknameChars) return { ok: false, reason: 'long' };
  const words = checkNickname(n);
  if (!words.ok && words.code !== 'nickname/too_long') return { ok: false, reason: 'words' };
  return { ok: true, nickname: n };
}
