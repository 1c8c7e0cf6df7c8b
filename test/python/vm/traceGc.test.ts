/**
 * The gc player's data for VM collections (shared/python/vm/traceGc.ts): gc_refs of every pictured
 * object at each phase of gcmodule.c, checked against the algorithm worked by hand, plus the
 * phases only the VM reports (untrack_tuples, weakref callbacks, finalizers, resurrection), and
 * the player's steps (client/view/gcSteps.ts) in order with their numbers.
 */
import { describe, expect, it } from 'vitest';
import { recordTrace } from '../../../shared/python/vm/trace.ts';
import type { Step } from '../../../shared/python/vm/snapshot.ts';
import { gcSteps } from '../../../client/view/gcSteps.ts';

/** The gc steps of a run, with ids replaced by the objects' labels (`Node#2`: the 2nd Node). */
function collections(source: string): { step: Step; name: (id: number) => string }[] {
  const tr = recordTrace(source);
  expect(tr.error).toBeNull();
  return tr.steps
    .filter((s) => s.gc)
    .map((step) => {
      const order = Object.keys(step.objects).map(Number);
      const name = (id: number): string => {
        const o = step.objects[id]!;
        const same = order.filter((k) => step.objects[k]!.label === o.label);
        return same.length > 1 ? `${o.label}#${same.indexOf(id) + 1}` : o.label;
      };
      return { step, name };
    });
}

const CYCLE = `import gc


class Node:
    pass


x = Node()
y = Node()
x.next = y
y.next = x
del x
print(gc.collect())
del y
print(gc.collect())
`;

describe('gc_refs of a two-node cycle, phase by phase', () => {
  // Hand-worked CPython 3.11 (python3 agrees on every rc: sys.getrefcount(Node) - 1 == 6, and
  // gc.get_referrers(Node) is the MRO tuple, two getset descriptors, the two Nodes, the globals):
  // first collection, x deleted: x (Node#1) is held only by y.next (rc 1); y (Node#2) by the name
  // y and x.next (rc 2). The globals dict is in the collected generation too, so its reference to
  // y is subtracted (hidden: the picture draws it as the name). update_refs copies rc; subtract
  // leaves x 0, y 0, the class 0; move_unreachable walks the class (raised to 1 by the globals
  // dict walked before it), x (0: tentative), y (raised to 1: reachable), which rescues x.
  it('copies, subtracts and walks exactly as gcmodule.c, and finds the cycle only after del y', () => {
    const [first, second] = collections(CYCLE);
    const g1 = first!.step.gc!;
    const n1 = first!.name;
    expect(g1.updateRefs.map((u) => [n1(u.id), u.gcRefs])).toEqual([
      ['class Node', 6],
      ['Node#1', 1],
      ['Node#2', 2],
    ]);
    expect(g1.subtractHidden!.map((h) => [n1(h.id), h.n, h.gcRefs])).toEqual([
      ['class Node', 4, 2],
      ['Node#2', 1, 1],
    ]);
    expect(g1.subtractRefs.map((s) => `${n1(s.from)} ${s.slot} ${n1(s.to)} = ${s.gcRefs}`)).toEqual(
      [
        'Node#1 .next Node#2 = 0',
        'Node#1 __class__ class Node = 1',
        'Node#2 .next Node#1 = 0',
        'Node#2 __class__ class Node = 0',
      ],
    );
    expect(
      g1.moveUnreachable.map((m) => `${n1(m.id)} ${m.step}${m.by ? ` by ${n1(m.by)}` : ''}`),
    ).toEqual([
      'class Node reachable',
      'Node#1 tentative',
      'Node#2 reachable',
      'Node#1 rescued by Node#2',
      'Node#1 reachable',
    ]);
    expect([g1.unreachable, g1.freed, g1.result]).toEqual([[], [], 0]);

    // Second collection, y deleted too: each Node is held only by the other (rc 1, gc_refs 0).
    // x moved to the tail when rescued, so y comes first in the list now.
    const g2 = second!.step.gc!;
    const n2 = second!.name;
    expect(g2.updateRefs.map((u) => [n2(u.id), u.gcRefs])).toEqual([
      ['class Node', 6],
      ['Node#2', 1],
      ['Node#1', 1],
    ]);
    expect(g2.subtractRefs.map((s) => `${n2(s.from)} ${s.slot} ${n2(s.to)} = ${s.gcRefs}`)).toEqual(
      [
        'Node#2 .next Node#1 = 0',
        'Node#2 __class__ class Node = 1',
        'Node#1 .next Node#2 = 0',
        'Node#1 __class__ class Node = 0',
      ],
    );
    expect(g2.moveUnreachable.map((m) => `${n2(m.id)} ${m.step}`)).toEqual([
      'class Node reachable',
      'Node#2 tentative',
      'Node#1 tentative',
    ]);
    expect(g2.unreachable.map(n2)).toEqual(['Node#2', 'Node#1']);
    expect(g2.freed.map(n2)).toEqual(['Node#2', 'Node#1']);
    expect(g2.result).toBe(2);
  });

  it('plays every phase in the gc player with the gc_refs badges the collector had', () => {
    const [, second] = collections(CYCLE);
    const { step, name } = second!;
    const steps = gcSteps(step.gc!, name);
    const badges = (i: number): string =>
      Object.entries(steps[i]!.marks)
        .map(([id, m]) => `${name(Number(id))}:${m.gcRefs}/${m.mark}`)
        .join(' ');
    expect(steps.map((s) => s.caption.key)).toEqual([
      'gc.updateRefs',
      'gc.subtractHidden',
      ...Array<string>(4).fill('gc.subtract'),
      'gc.reachedEarlier',
      'gc.tentative',
      'gc.tentative',
      'gc.freeing',
      'gc.freed',
      'gc.freed',
      'gc.result',
    ]);
    expect(badges(0)).toBe('class Node:6/young Node#1:1/young Node#2:1/young');
    expect(steps[1]!.caption.params).toEqual({ list: 'class Node 6 − 4 = 2' });
    expect(badges(5)).toBe('class Node:0/young Node#1:0/young Node#2:0/young');
    // The walk: the class was raised to 1 by the globals dict before the walk reached it.
    expect(badges(8)).toBe('class Node:1/reachable Node#1:0/tentative Node#2:0/tentative');
  });
});

describe('the phases only the VM reports', () => {
  const PROGRAM = `import gc, weakref
saved = []


class Phoenix:
    def __del__(self):
        print("__del__ runs")
        saved.append(self)


class Node:
    pass


p = Phoenix()
p.me = p
del p
print(gc.collect())
n = Node()
n.me = n
r = weakref.ref(n, lambda w: print("callback", w() is None))
a = 1000
t = (a, a)
del n
print(gc.collect())
`;

  it('runs the finalizer once, shows what it printed, and sees the object resurrected', () => {
    const [first] = collections(PROGRAM);
    const { step, name } = first!;
    const gc = step.gc!;
    expect(gc.finalized!.map((f) => [name(f.id), f.printed])).toEqual([
      ['Phoenix', '__del__ runs\n'],
    ]);
    expect(gc.resurrected!.map(name)).toEqual(['Phoenix']);
    expect([gc.freed, gc.result]).toEqual([[], 0]);
    const captions = gcSteps(gc, name).map((s) => s.caption);
    expect(captions.slice(-3)).toEqual([
      { key: 'gc.finalizePrinted', params: { obj: 'Phoenix', out: '__del__ runs' } },
      { key: 'gc.resurrected', params: { objs: 'Phoenix' } },
      { key: 'gc.result', params: { n: 0 } },
    ]);
  });

  it('clears the weakref, runs its callback, and untracks a tuple of ints', () => {
    const [, second] = collections(PROGRAM);
    const { step, name } = second!;
    // The weakref module's own Python code (run by the import) is not stepped: only the program's lines.
    expect(recordTrace(PROGRAM).steps.every((s) => s.line <= 25)).toBe(true);
    const gc = step.gc!;
    expect(gc.untrackedTuples!.map(name)).toEqual(['tuple']);
    expect(gc.weakrefsCleared.map((w) => `${name(w.weakref)} → ${name(w.referent)}`)).toEqual([
      'ReferenceType → Node',
    ]);
    expect(gc.callbacks!.map((c) => [name(c.weakref), c.printed])).toEqual([
      ['ReferenceType', 'callback True\n'],
    ]);
    expect(gc.freed.map(name)).toEqual(['Node']);
    expect(gc.result).toBe(1);
    const keys = gcSteps(gc, name).map((s) => s.caption.key);
    expect(keys.slice(keys.indexOf('gc.untrackTuples'))).toEqual([
      'gc.untrackTuples',
      'gc.weakref',
      'gc.callbackPrinted',
      'gc.freeing',
      'gc.freed',
      'gc.result',
    ]);
  });
});
