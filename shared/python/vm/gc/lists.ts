/**
 * gcmodule.c's doubly linked `PyGC_Head` lists, as insertion-ordered sets. Every tracked object is
 * in exactly one list (a generation, the permanent generation, or a collection's scratch list such
 * as `unreachable`); `ListRegistry` remembers which, so untracking an object (its free) removes it
 * from wherever a collection has put it — the property finalize_garbage and delete_garbage rely on
 * when a finalizer or tp_clear frees objects of the list being walked.
 */
import type { GcObject } from '../gcobject.ts';

/** One list. Iteration order is list order: `gc_list_append` adds at the tail. */
export class GcList {
  readonly items = new Set<GcObject>();
  readonly name: string;
  /**
   * The generation this list is (0–2, 3 = permanent), written into `o.gc.gen` of every object put
   * in it; null for a collection's scratch lists, which leave `gen` as it was.
   */
  readonly gen: 0 | 1 | 2 | 3 | null;

  constructor(name: string, gen: 0 | 1 | 2 | 3 | null = null) {
    this.name = name;
    this.gen = gen;
  }

  get size(): number {
    return this.items.size;
  }

  /** GC_NEXT(list) — the head, or null when empty. */
  first(): GcObject | null {
    for (const o of this.items) return o;
    return null;
  }

  /** A copy in list order (safe to walk while the list changes). */
  snapshot(): GcObject[] {
    return [...this.items];
  }
}

/** Which list holds each tracked object. */
export class ListRegistry {
  private readonly home = new Map<GcObject, GcList>();

  listOf(o: GcObject): GcList | null {
    return this.home.get(o) ?? null;
  }

  /** gc_list_append: `o` must not be in any list. */
  append(o: GcObject, to: GcList): void {
    if (this.home.has(o)) throw new Error(`gc: object already in list ${this.home.get(o)?.name}`);
    to.items.add(o);
    this.home.set(o, to);
    if (to.gen !== null && o.gc !== null) o.gc.gen = to.gen;
  }

  /** gc_list_remove. */
  remove(o: GcObject): void {
    const from = this.home.get(o);
    if (from === undefined) return;
    from.items.delete(o);
    this.home.delete(o);
  }

  /** gc_list_move: unlink from its list, append at the tail of `to`. */
  move(o: GcObject, to: GcList): void {
    this.remove(o);
    this.append(o, to);
  }

  /** gc_list_merge: append all of `from` (in order) at the tail of `to`; `from` ends empty. */
  merge(from: GcList, to: GcList): void {
    if (from === to) return;
    for (const o of from.items) {
      to.items.add(o);
      this.home.set(o, to);
      if (to.gen !== null && o.gc !== null) o.gc.gen = to.gen;
    }
    from.items.clear();
  }

  /** Number of objects in any list (for invariant checks). */
  get totalSize(): number {
    return this.home.size;
  }
}
