/**
 * Settings and campaign progress, saved in localStorage. Pure over a minimal key-value store so
 * tests can pass a Map-backed fake. Corrupt or foreign data is ignored, never thrown.
 */
import { isLang } from '../i18n/index.ts';
import type { Lang } from '../i18n/index.ts';

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface Settings {
  lang: Lang;
  reducedMotion: boolean;
  theme: 'light' | 'dark';
}

interface LevelRecord {
  stars: number;
  bestMoves: number;
}
export type Progress = Record<string, LevelRecord>;

export const SETTINGS_KEY = 'heap-heroes:settings';
export const PROGRESS_KEY = 'heap-heroes:progress';

export function defaultSettings(prefersReducedMotion = false, browserLang = 'en'): Settings {
  return {
    lang: browserLang.toLowerCase().startsWith('id') ? 'id' : 'en',
    reducedMotion: prefersReducedMotion,
    theme: 'light',
  };
}

function readJson(store: KeyValueStore, key: string): unknown {
  try {
    const raw = store.getItem(key);
    return raw === null ? null : (JSON.parse(raw) as unknown);
  } catch {
    return null;
  }
}

export function loadSettings(store: KeyValueStore, fallback: Settings): Settings {
  const raw = readJson(store, SETTINGS_KEY);
  if (typeof raw !== 'object' || raw === null) return fallback;
  const r = raw as Record<string, unknown>;
  return {
    lang: isLang(r.lang) ? r.lang : fallback.lang,
    reducedMotion: typeof r.reducedMotion === 'boolean' ? r.reducedMotion : fallback.reducedMotion,
    theme: r.theme === 'dark' || r.theme === 'light' ? r.theme : fallback.theme,
  };
}

export function saveSettings(store: KeyValueStore, settings: Settings): void {
  store.setItem(SETTINGS_KEY, JSON.stringify(settings));
}

export function loadProgress(store: KeyValueStore): Progress {
  const raw = readJson(store, PROGRESS_KEY);
  if (typeof raw !== 'object' || raw === null) return {};
  const out: Progress = {};
  for (const [id, rec] of Object.entries(raw as Record<string, unknown>)) {
    const r = rec as Partial<LevelRecord> | null;
    if (r && Number.isInteger(r.stars) && Number.isInteger(r.bestMoves)) {
      out[id] = { stars: Math.max(0, Math.min(3, r.stars!)), bestMoves: r.bestMoves! };
    }
  }
  return out;
}

/** Keep the best of the old and the new result for a level (more stars, then fewer moves). */
export function recordResult(
  progress: Progress,
  puzzleId: string,
  stars: number,
  moves: number,
): Progress {
  const old = progress[puzzleId];
  const best =
    !old || stars > old.stars || (stars === old.stars && moves < old.bestMoves)
      ? { stars, bestMoves: moves }
      : old;
  return { ...progress, [puzzleId]: best };
}

export function saveProgress(store: KeyValueStore, progress: Progress): void {
  store.setItem(PROGRESS_KEY, JSON.stringify(progress));
}

/**
 * A level is unlocked when it is the first one, or when the level before it (catalog order) has
 * been solved. Chapters unlock through their first level.
 */
export function isUnlocked(
  order: readonly string[],
  progress: Progress,
  puzzleId: string,
): boolean {
  const i = order.indexOf(puzzleId);
  if (i <= 0) return i === 0;
  return (progress[order[i - 1]!]?.stars ?? 0) > 0;
}
