/**
 * The puzzle of each challenge: `dailyPuzzle` / `weeklyPuzzle` of shared/puzzles/generator.ts
 * (generated from dailySeed / weeklySeed, difficulty 2 / 3), so it is the same for everyone, on the server and in every browser.
 *
 * Contracts: pure; `challengePuzzle(id)` returns null for an id that is not a real day or ISO week
 * (it does not look at the validity window: see ids.ts). Generated puzzles are memoized in a small
 * bounded table (generation runs the solver, ~1 s at worst); the cache is invisible to callers.
 */
import type { Puzzle } from '../puzzles/format.ts';
import { dailyPuzzle, weeklyPuzzle } from '../puzzles/generator.ts';
import type { ChallengeId } from './ids.ts';
import { parseChallengeId } from './ids.ts';

export interface Challenge extends ChallengeId {
  puzzle: Puzzle;
}

const CACHE_LIMIT = 16;

const PAR_HINT = (par: number): Puzzle['hints'][number] => ({
  en: `It can be done in ${par} moves. Which arrows must go?`,
  id: `Ini bisa diselesaikan dalam ${par} langkah. Panah mana yang harus hilang?`,
});
const cache = new Map<string, Challenge>();

function build(c: ChallengeId): Challenge {
  const generated = c.kind === 'daily' ? dailyPuzzle(c.period) : weeklyPuzzle(c.period);
  const title =
    c.kind === 'daily'
      ? { en: `Daily challenge ${c.period}`, id: `Tantangan harian ${c.period}` }
      : { en: `Weekly challenge ${c.period}`, id: `Tantangan mingguan ${c.period}` };
  // The generator's last hint tier names the first move of the reference solution; hints cannot be
  // counted against a replayed submission, so a challenge keeps only tiers that give nothing away.
  const [nudge, method] = generated.hints;
  const hints: Puzzle['hints'] = [nudge, method, PAR_HINT(generated.par)];
  // Puzzle ids are lowercase (format.ts): `weekly-2026-w48`.
  return { ...c, puzzle: { ...generated, id: c.id.toLowerCase(), title, hints } };
}

/** The challenge (window and puzzle) for an id, or null when the id is not a challenge. */
export function challengeById(id: string): Challenge | null {
  const hit = cache.get(id);
  if (hit) return hit;
  const parsed = parseChallengeId(id);
  if (parsed === null) return null;
  const challenge = build(parsed);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(id, challenge);
  return challenge;
}
