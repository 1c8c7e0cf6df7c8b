/**
 * Nickname checks for the leaderboard. Nicknames are display text only: clients render them as
 * text, never HTML, so markup characters are allowed and harmless. Trimmed, 1–20 characters
 * (code points), no control or format characters, and no profanity (the `obscenity` package's
 * English dataset with its recommended leetspeak/confusable transformers).
 */
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { CHALLENGE_ERRORS, CHALLENGE_LIMITS } from '../../shared/challenges/api.ts';

const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
const CONTROL = /[\p{Cc}\p{Cf}]/u;

export type NicknameCheck =
  { ok: true; nickname: string } | { ok: false; code: string; message: string };

export function checkNickname(raw: string): NicknameCheck {
  const nickname = raw.trim();
  const length = [...nickname].length;
  if (length < 1 || length > CHALLENGE_LIMITS.nicknameChars) {
    return {
      ok: false,
      code: CHALLENGE_ERRORS.nicknameInvalid,
      message: `A nickname is 1 to ${CHALLENGE_LIMITS.nicknameChars} characters.`,
    };
  }
  if (CONTROL.test(nickname))
    return {
      ok: false,
      code: CHALLENGE_ERRORS.nicknameInvalid,
      message: 'A nickname cannot contain control characters.',
    };
  if (matcher.hasMatch(nickname))
    return {
      ok: false,
      code: CHALLENGE_ERRORS.nicknameProfane,
      message: 'Please choose a friendlier nickname.',
    };
  return { ok: true, nickname };
}
