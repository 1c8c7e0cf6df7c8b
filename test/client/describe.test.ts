import { describe, expect, it } from 'vitest';
import { openLocalSession } from '../../client/session/catalog.ts';
import {
  narrate,
  objectName,
  objectNameWithPath,
  splitAtCollection,
} from '../../client/view/describe.ts';
import { gcSteps } from '../../client/view/gcSteps.ts';
import { EMPTY_BOOK, nameObjects } from '../../client/view/names.ts';
import { t } from '../../client/i18n/index.ts';

describe('narration and GC steps from real engine output', () => {
  it('narrates a del that frees a list, naming the list by its lifelong name', async () => {
    const s = openLocalSession('one-name-one-list')!;
    const book = nameObjects(EMPTY_BOOK, s.snapshot().board.engine);
    expect(objectNameWithPath(book, [s.snapshot().board.engine], 1)).toBe('list① (box)');
    const r = await s.submit('del box');
    if (!r.ok) throw new Error(r.error.message);
    expect(narrate(r.outcome.events, r.before, r.outcome.board.engine, book)).toEqual([
      'box no longer refers to list①.',
      'list①’s refcount 1 → 0.',
      'list① freed: its refcount reached 0.',
    ]);
  });

  it('steps through collecting a two-node cycle in CPython phase order', async () => {
    const s = openLocalSession('holding-hands')!;
    const book = nameObjects(EMPTY_BOOK, s.snapshot().board.engine);
    await s.submit('del a');
    await s.submit('del b');
    const r = await s.submit('gc.collect()');
    if (!r.ok) throw new Error(r.error.message);
    const trace = r.outcome.traces[0]!;
    const steps = gcSteps(trace, (id) => objectName(book, id));
    // The engine frees garbage in its own order (b before a here); captions follow the trace.
    expect(steps.map((st) => t(st.caption.key, st.caption.params, 'en'))).toEqual([
      'Phase 1: copy each refcount into gc_refs.',
      'Phase 2: Node① → Node② is inside the group, so Node②’s gc_refs drops to 0.',
      'Phase 2: Node② → Node① is inside the group, so Node①’s gc_refs drops to 0.',
      'Node① has gc_refs 0: tentatively unreachable.',
      'Node② has gc_refs 0: tentatively unreachable.',
      'Freeing the garbage: CPython holds each object with one extra reference (an INCREF) while it clears the arrows inside the group, so a refcount may briefly read one more than the card. Then every refcount falls to 0.',
      'Node② freed.',
      'Node① freed.',
      'gc.collect() returns 2.',
    ]);
    const first = steps[0]!;
    expect(Object.values(first.marks)).toEqual([
      { gcRefs: 1, mark: 'young' },
      { gcRefs: 1, mark: 'young' },
    ]);
    const last = steps[steps.length - 1]!;
    expect(Object.values(last.marks).map((m) => m.mark)).toEqual(['freed', 'freed']);
    expect(steps.filter((st) => st.edge !== null)).toHaveLength(2);
  });
});

describe('no spoilers', () => {
  it('keeps what gc.collect() found out of the narration until the gc player has shown it', async () => {
    const s = openLocalSession('holding-hands')!;
    await s.submit('del a');
    await s.submit('del b');
    const r = await s.submit('gc.collect()');
    if (!r.ok) throw new Error(r.error.message);
    const { now, collection } = splitAtCollection(r.outcome.events);
    expect(now).toEqual([]);
    expect(collection.map((e) => e.type)).toContain('freed');
    expect(collection[collection.length - 1]!.type).toBe('collected');
  });

  it('tells a del at once when no collection follows', async () => {
    const s = openLocalSession('one-name-one-list')!;
    const r = await s.submit('del box');
    if (!r.ok) throw new Error(r.error.message);
    expect(splitAtCollection(r.outcome.events)).toEqual({
      now: r.outcome.events,
      collection: [],
    });
  });
});
