/**
 * checkInvariants: the collector's invariants (listed in ./collector.ts), verified over every
 * list. Tests call it after each step; it throws with every violation found.
 */
import type { Collector } from './collector.ts';

function invariantViolations(collector: Collector): string[] {
  const problems: string[] = [];
  const lists = [...collector.generations.map((g) => g.list), collector.permanent];
  let inGenerations = 0;
  lists.forEach((list, index) => {
    inGenerations += list.size;
    for (const o of list.items) {
      if (o.gc === null) problems.push(`${list.name}: a non-GC object`);
      else if (!o.gc.tracked) problems.push(`${list.name}: an untracked object`);
      else if (o.gc.gen !== index) problems.push(`${list.name}: object says gen ${o.gc.gen}`);
      if (o.rc <= 0) problems.push(`${list.name}: object with refcount ${o.rc}`);
      if (collector.lists.listOf(o) !== list) problems.push(`${list.name}: registry disagrees`);
      for (const wr of o.weakrefs ?? []) {
        if (collector.hooks.asWeakref(wr)?.referent !== o) {
          problems.push(`${list.name}: a weakref in its list does not refer to it`);
        }
      }
    }
  });
  if (!collector.collecting) {
    if (collector.lists.totalSize !== inGenerations) {
      problems.push('an object is left in a scratch list outside a collection');
    }
    if (collector.collectingSet.size !== 0)
      problems.push('collecting marks left after a collection');
  }
  collector.generations.forEach((g, i) => {
    if (g.count < 0) problems.push(`generation ${i} count ${g.count} < 0`);
  });
  return problems;
}

export function checkInvariants(collector: Collector): void {
  const problems = invariantViolations(collector);
  if (problems.length > 0) throw new Error(`gc invariants violated:\n${problems.join('\n')}`);
}
