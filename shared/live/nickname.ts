/**
 * The one nickname policy of the game (live classes, team rooms, challenge leaderboards, the
 * client's forms): a memory-themed generator ("Weak Ref Otter"), seeded through
 * shared/engine/rng.ts, and `checkNickname`, which every path calls.
 *
 * A nickname is trimmed with inner whitespace collapsed, 1–NICKNAME_MAX code points (not UTF-16
 * units: an emoji counts once), and holds only characters that can be encoded and shown: no lone
 * UTF-16 surrogate (the schema encoder would send invalid UTF-8), no noncharacter or unassigned
 * code point, no control, format or private-use character (\p{C}). Words are checked against a
 * maintained profanity list (obscenity: English dataset with its leetspeak/confusable
 * transformers); `nickname/refused` is the only soft refusal — a live class seats the student
 * under a generated name and the teacher may approve the typed one; every other code refuses.
 * Pure: obscenity is plain JavaScript with no Node or DOM dependency.
 */
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { nextInt, seedRng } from '../engine/rng.ts';

/** Longest nickname, in code points. */
export const NICKNAME_MAX = 20;

/** Longest raw input a nickname field accepts before checking (UTF-16 units; spaces get trimmed). */
export const NICKNAME_INPUT_MAX = 200;

export const NICKNAME_WORDS = {
  first: [
    'Weak Ref',
    'Ref Count',
    'Heap',
    'Stack',
    'Cycle',
    'Garbage',
    'Frame',
    'Slot',
    'Pointer',
    'Byte',
    'Young Gen',
    'Old Gen',
    'Tracked',
    'Immortal',
    'Global',
    'Dict',
    'List',
    'Tuple',
    'Sweep',
    'Arena',
  ],
  second: [
    'Otter',
    'Panda',
    'Gecko',
    'Falcon',
    'Lynx',
    'Koala',
    'Heron',
    'Badger',
    'Puffin',
    'Tapir',
    'Walrus',
    'Bison',
    'Marten',
    'Orca',
    'Raven',
    'Moth',
    'Newt',
    'Yak',
    'Ibis',
    'Quokka',
  ],
} as const;

/** A generated name and the next PRNG state. */
export function generateNickname(rng: number): [name: string, next: number] {
  const [i, r1] = nextInt(rng, NICKNAME_WORDS.first.length);
  const [j, r2] = nextInt(r1, NICKNAME_WORDS.second.length);
  return [`${NICKNAME_WORDS.first[i]!} ${NICKNAME_WORDS.second[j]!}`, r2];
}

/** `count` generated names from `seed` (the client's "spin" offers these). */
export function nicknameChoices(seed: number, count: number): string[] {
  const names: string[] = [];
  let rng = seedRng(seed);
  while (names.length < count) {
    const [name, next] = generateNickname(rng);
    rng = next;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

type NicknameRefusal =
  | 'nickname/empty'
  | 'nickname/too_long'
  | 'nickname/unencodable'
  | 'nickname/control'
  | 'nickname/refused';

export type NicknameCheck =
  { ok: true; nickname: string } | { ok: false; code: NicknameRefusal; message: string };

const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

/** Lone surrogates (Cs) and unassigned code points, noncharacters included (Cn). */
const UNENCODABLE = /[\p{Cs}\p{Cn}]/u;
/** Controls, format characters (bidi overrides, zero-width joiners) and private use. */
const CONTROL = /[\p{Cc}\p{Cf}\p{Co}]/u;

/** Trims and collapses spaces, then checks encodability, length, characters and the word list. */
export function checkNickname(raw: string): NicknameCheck {
  if (UNENCODABLE.test(raw))
    return {
      ok: false,
      code: 'nickname/unencodable',
      message: 'That nickname has a broken or unassigned character; please type it again.',
    };
  const nickname = raw.trim().replace(/\s+/gu, ' ');
  if (nickname.length === 0)
    return { ok: false, code: 'nickname/empty', message: 'Type a nickname.' };
  if (codePoints(nickname) > NICKNAME_MAX)
    return { ok: false, code: 'nickname/too_long', message: `At most ${NICKNAME_MAX} characters.` };
  if (CONTROL.test(nickname))
    return { ok: false, code: 'nickname/control', message: 'No control characters.' };
  if (matcher.hasMatch(nickname))
    return { ok: false, code: 'nickname/refused', message: 'Please pick another nickname.' };
  return { ok: true, nickname };
}

const codePoints = (s: string): number => [...s].length;

/** `name`, or `name 2`, `name 3`… : the first one nobody in `taken` uses (case-insensitive). */
export function uniqueNickname(name: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  if (!used.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++) {
    const suffix = ` ${n}`;
    // Cut by code points so the suffix never splits a surrogate pair.
    const candidate = [...name].slice(0, NICKNAME_MAX - suffix.length).join('') + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
