/**
 * The browser-side app context shared by scenes: settings, progress, theme. Holds no game rules;
 * it only persists what the player chose and what they solved.
 */
import { setLang } from '../i18n/index.ts';
import type { Lang } from '../i18n/index.ts';
import { themeByName, css } from '../view/theme.ts';
import type { Theme } from '../view/theme.ts';
import {
  defaultSettings,
  loadProgress,
  loadSettings,
  recordResult,
  saveProgress,
  saveSettings,
} from './store.ts';
import type { KeyValueStore, Progress, Settings } from './store.ts';

function browserStore(): KeyValueStore {
  try {
    const probe = '__heap-heroes-probe';
    window.localStorage.setItem(probe, '1');
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    const data = new Map<string, string>();
    return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
  }
}

class AppContext {
  private readonly store = browserStore();
  settings: Settings;
  progress: Progress;

  constructor() {
    const prefersReduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    this.settings = loadSettings(
      this.store,
      defaultSettings(prefersReduced, navigator.language ?? 'en'),
    );
    this.progress = loadProgress(this.store);
    setLang(this.settings.lang);
    this.applyDocument();
  }

  get theme(): Theme {
    return themeByName(this.settings.theme);
  }

  update(patch: Partial<Settings>): void {
    this.settings = { ...this.settings, ...patch };
    saveSettings(this.store, this.settings);
    if (patch.lang) setLang(patch.lang as Lang);
    this.applyDocument();
  }

  record(puzzleId: string, stars: number, moves: number): void {
    this.progress = recordResult(this.progress, puzzleId, stars, moves);
    saveProgress(this.store, this.progress);
  }

  /** Mirror settings onto <html> so the DOM panels follow the theme and language. */
  private applyDocument(): void {
    const root = document.documentElement;
    root.lang = this.settings.lang;
    root.dataset.theme = this.settings.theme;
    root.dataset.reducedMotion = String(this.settings.reducedMotion);
    root.style.setProperty('--bg', css(this.theme.background));
  }
}

let instance: AppContext | null = null;

export function app(): AppContext {
  instance ??= new AppContext();
  return instance;
}
