import { describe, expect, it } from 'vitest';
import { openLocalSession } from '../../client/session/catalog.ts';
import { narrate, objectName, rememberNames } from '../../client/view/describe.ts';
import { gcSteps } from '../../client/view/gcSteps.ts';
import { t } from '../../client/i18n/index.ts';
import type { ObjId } from '../../shared/engine/types.ts';

describe('narration and GC steps from real engine output', () => {
  it('narrates a del that frees a list, naming objects as the student knew them', async () => {
    const s = openLocalSession('one-name-one-list')!;
    const r = await s.submit('del box');
    if (!r.ok) throw new Error(r.error.message);
    expect(narrate(r.outcome.events, r.before, r.outcome.board.engine)).toEqual([
      'box no longer refers to list box.',
      'list box’s refcount 1 → 0.',
      'list box freed: its refcount reached 0.',
    ]);
  });

  it('steps through collecting a two-node cycle in CPython phase order', async () => {
    const s = openLocalSession('holding-hands')!;
    const known = new Map<ObjId, string>();
    rememberNames(s.snapshot().board.engine, known);
    await s.submit('del a');
    await s.submit('del b');
    const r = await s.submit('gc.collect()');
    if (!r.ok) throw new Error(r.error.message);
    const trace = r.outcome.traces[0]!;
    const steps = gcSteps(trace, (id) => objectName([r.before, r.outcome.board.engine], id, known));
    // The engine frees garbage in its own order (b before a here); captions follow the trace.
    expect(steps.map((st) => t(st.caption.key, st.caption.params, 'en'))).toEqual([
      'Step 1: copy each refcount into gc_refs.',
      'Step 2: Node a → Node b is inside the group, so Node b’s gc_refs drops to 0.',
      'Step 2: Node b → Node a is inside the group, so Node a’s gc_refs drops to 0.',
      'Node a has gc_refs 0: tentatively unreachable.',
      'Node b has gc_refs 0: tentatively unreachable.',
      'Node b freed.',
      'Node a freed.',
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
