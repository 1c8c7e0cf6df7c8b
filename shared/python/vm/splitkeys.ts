/**
 * A class's shared keys (3.11 `CACHED_KEYS`, Objects/dictobject.c): the attribute names its
 * instances store inline. Only its size is modelled: a materialized instance `__dict__` is a
 * split dict whose `sys.getsizeof` is `64 + 8 × (dk_nentries + dk_usable)`, read from the
 * class at the time of the call.
 */
import type { PyType } from './type.ts';

/** SHARED_KEYS_MAX_SIZE: the usable entries of a fresh class's shared keys. */
const SHARED_KEYS_MAX_SIZE = 30;

export class SharedKeys {
  readonly names = new Set<string>();
  usable = SHARED_KEYS_MAX_SIZE;

  /** init_inline_values: every new instance gives up one usable entry while more than one is left. */
  onInstance(): void {
    if (this.usable > 1) this.usable--;
  }

  /** insert_into_dictkeys: false when a new name no longer fits (the dict then becomes combined). */
  add(name: string): boolean {
    if (this.names.has(name)) return true;
    if (this.usable <= 0) return false;
    this.names.add(name);
    this.usable--;
    return true;
  }

  /** shared_keys_usable_size: the length of a split dict's values array. */
  get usableSize(): number {
    return this.names.size + this.usable;
  }
}

export function sharedKeysOf(cls: PyType): SharedKeys {
  return (cls.sharedKeys ??= new SharedKeys());
}
