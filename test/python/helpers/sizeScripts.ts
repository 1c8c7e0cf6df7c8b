/**
 * Random scripts about sys.getsizeof of lists and dicts: displays of 0..40 names, constants or
 * both (the 30-element and 16-entry compile rules), dict displays with repeated keys, and runs of
 * append / pop / del / clear / insert / delete (list_resize, insertion_resize after deletions).
 * Every statement is valid for the state the generator tracks, so CPython runs each script to
 * the end. Seeded: one seed, one script.
 */

/** mulberry32: a small seeded PRNG, enough for test data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PREAMBLE = 'import gc, sys\ngc.disable()\n\n\nclass Node:\n    pass\n\n\ngc.collect()\n';
const LISTS = ['a', 'b', 'c'];
const DICTS = ['d', 'e'];
const ITEMS = ['x', 'y', 'z', 'None', '1', '7', '256', '-5'];

export function sizeScript(seed: number): string {
  const r = prng(seed);
  const int = (n: number): number => Math.floor(r() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  const lens = new Map<string, number>();
  const keys = new Map<string, Set<string>>();
  const lines = ['x = Node()', 'y = []', 'z = {}'];
  const keyName = (): string => `'k${int(int(3) === 0 ? 60 : 12)}'`;
  const display = (): string[] => {
    const n = pick([0, 1, 2, 3, 5, int(41), 29 + int(4), 30, 31]);
    const mode = int(3);
    return Array.from({ length: n }, () =>
      mode === 0 ? pick(['x', 'y', 'z']) : mode === 1 ? pick(ITEMS.slice(3)) : pick(ITEMS),
    );
  };
  for (let i = 0, n = 8 + int(40); i < n; i++) {
    const l = pick(LISTS);
    const d = pick(DICTS);
    const len = lens.get(l);
    const ks = keys.get(d);
    const roll = int(14);
    if (roll === 0 || len === undefined) {
      const items = display();
      lines.push(`${l} = [${items.join(', ')}]`);
      lens.set(l, items.length);
    } else if (roll === 1 || ks === undefined) {
      const n = pick([0, 1, 2, 5, 6, 10, 15, 16, 17, 18, 33, 34, int(50)]);
      const entries = Array.from({ length: n }, () => [keyName(), pick(ITEMS)] as const);
      lines.push(`${d} = {${entries.map(([k, v]) => `${k}: ${v}`).join(', ')}}`);
      keys.set(d, new Set(entries.map(([k]) => k)));
    } else if (roll <= 3) {
      const times = 1 + int(12);
      for (let t = 0; t < times; t++) lines.push(`${l}.append(${pick(ITEMS)})`);
      lens.set(l, len + times);
    } else if (roll === 4 && len > 0) {
      const times = 1 + int(len);
      for (let t = 0; t < times; t++)
        lines.push(int(2) ? `${l}.pop()` : `del ${l}[${int(len - t)}]`);
      lens.set(l, len - times);
    } else if (roll === 5) {
      lines.push(`${l}.clear()`);
      lens.set(l, 0);
    } else if (roll === 6 && len > 0) {
      lines.push(`${l}[${int(len)}] = ${pick(ITEMS)}`);
    } else if (roll <= 9) {
      const times = 1 + int(10);
      for (let t = 0; t < times; t++) {
        const k = keyName();
        lines.push(`${d}[${k}] = ${pick(ITEMS)}`);
        ks.add(k);
      }
    } else if (roll <= 11 && ks.size > 0) {
      const times = 1 + int(ks.size);
      for (let t = 0; t < times; t++) {
        const k = pick([...ks]);
        lines.push(`del ${d}[${k}]`);
        ks.delete(k);
      }
    } else if (roll === 12) {
      lines.push(`${d}.clear()`);
      ks.clear();
    }
    const shown = [...lens.keys(), ...keys.keys()];
    if (shown.length > 0) lines.push(`print(sys.getsizeof(${pick(shown)}))`);
  }
  return `# size script, seed ${seed}\n${PREAMBLE}${lines.join('\n')}\n`;
}
