/**
 * Typed dictionaries and the current language. Pure apart from the listener list: no DOM here,
 * so tests can import it. `t(key, params)` fills `{name}` placeholders; unknown placeholders stay
 * visible (a missing parameter is a bug you should see, not a blank).
 */
import { en } from './en.ts';
import type { MessageKey, Messages } from './en.ts';
import { id } from './id.ts';

export type { MessageKey, Messages };
export const LANGS = ['en', 'id'] as const;
export type Lang = (typeof LANGS)[number];
export const DICTIONARIES: Record<Lang, Messages> = { en, id };

let current: Lang = 'en';
const listeners = new Set<(lang: Lang) => void>();

export function lang(): Lang {
  return current;
}

export function setLang(next: Lang): void {
  if (next === current) return;
  current = next;
  for (const listener of listeners) listener(next);
}

/** Subscribe to language changes; returns the unsubscribe function. */
export function onLangChange(listener: (lang: Lang) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export type Params = Record<string, string | number>;

/**
 * Fill `{name}` placeholders of a template, and `{name|one|other}` plural choices (English:
 * "1 move", "2 moves"; a language without plurals simply does not use them).
 */
export function format(template: string, params: Params = {}): string {
  return template
    .replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (whole, name: string, one: string, other: string) =>
      name in params ? (Number(params[name]) === 1 ? one : other) : whole,
    )
    .replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
}

export function t(key: MessageKey, params?: Params, language: Lang = current): string {
  return format(DICTIONARIES[language][key], params);
}

/** Placeholder names used by a template, sorted (for the completeness test). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'id';
}
