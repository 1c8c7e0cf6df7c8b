/** localStorage for the challenge flow, or an in-memory stand-in where storage is blocked. */
import type { KeyValueStore } from '../ui/store.ts';

let store: KeyValueStore | null = null;

export function localStore(): KeyValueStore {
  if (store) return store;
  try {
    window.localStorage.getItem('heap-heroes:probe');
    store = window.localStorage;
  } catch {
    const data = new Map<string, string>();
    store = { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
  }
  return store;
}
