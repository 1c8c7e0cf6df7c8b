/**
 * Nicknames: a memory-themed generator ("Weak Ref Otter"), seeded through shared/engine/rng.ts,
 * and validation against a maintained profanity list (obscenity: English dataset with its
 * leetspeak/confusable transformers). A refused name is not an error for the student: they join
 * under a generated name, and the teacher may approve the typed one (real names do get caught).
 * Pure: obscenity is plain JavaScript with no Node or DOM dependency.
 */
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { nextInt, seedRng } from '../engine/rng.ts';

export const NICKNAME_MAX = 24;

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

export type NicknameCheck =
  | { ok: true; nickname: string }
  | {
      ok: false;
      code: 'nickname/empty' | 'nickname/too_long' | 'nickname/control' | 'nickname/refused';
      message: string;
    };

const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

/** Trims and collapses spaces, then checks length, control characters and the profanity list. */
export function checkNickname(raw: string): NicknameCheck {
  const nickname = raw.trim().replace(/\s+/gu, ' ');
  if (nickname.length === 0)
    return { ok: false, code: 'nickname/empty', message: 'Type a nickname.' };
  if (nickname.length > NICKNAME_MAX)
    return { ok: false, code: 'nickname/too_long', message: `At most ${NICKNAME_MAX} characters.` };
  if (/[\p{Cc}\p{Cf}]/u.test(nickname))
    return { ok: false, code: 'nickname/control', message: 'No control characters.' };
  if (matcher.hasMatch(nickname))
    return { ok: false, code: 'nickname/refused', message: 'Please pick another nickname.' };
  return { ok: true, nickname };
}

/** `name`, or `name 2`, `name 3`… : the first one nobody in `taken` uses (case-insensitive). */
export function uniqueNickname(name: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  if (!used.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++) {
    const suffix = ` ${n}`;
    const candidate = name.slice(0, NICKNAME_MAX - suffix.length) + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
