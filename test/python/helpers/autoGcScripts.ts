/**
 * Random scripts that leave the collector enabled with small thresholds, so CPython's automatic
 * collections fall among the statements: cycles made and dropped, lists and dicts, calls, defs,
 * prints, gc.collect(0/1/2), gc.is_tracked, gc.enable/disable/set_threshold. The runner must
 * print exactly CPython's output or refuse (`unsupported`), never differ. Seeded.
 */

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

const NAMES = ['a', 'b', 'c', 'd'];

export function autoGcScript(seed: number): string {
  const r = prng(seed);
  const int = (n: number): number => Math.floor(r() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  const lines = ['import gc, sys', '', '', 'class Node:', '    pass', ''];
  if (int(3) > 0) lines.push('gc.collect()');
  const threshold = (): number => pick([1, 2, 3, 4, 5, 8, 12, 20, 50, 700]);
  lines.push(`gc.set_threshold(${threshold()})`);
  const bound = new Set<string>();
  const nodes = new Set<string>();
  const bind = (name: string, node: boolean): void => {
    bound.add(name);
    if (node) nodes.add(name);
    else nodes.delete(name);
  };
  let defs = 0;
  for (let i = 0, n = 10 + int(40); i < n; i++) {
    const x = pick(NAMES);
    const y = pick(NAMES);
    const known = bound.has(x);
    const roll = int(20);
    if (roll < 4) {
      lines.push(`${x} = Node()`, `${x}.me = ${x}`);
      bind(x, true);
    } else if (roll < 6) {
      lines.push(`${x} = [${bound.has(y) ? y : ''}]`);
      bind(x, false);
    } else if (roll < 7) {
      lines.push(`${x} = {'k': ${bound.has(y) ? y : 'None'}}`);
      bind(x, false);
    } else if (roll < 9 && known) {
      lines.push(`del ${x}`);
      bound.delete(x);
      nodes.delete(x);
    } else if (roll < 10) {
      lines.push(
        pick([
          'print(gc.collect())',
          'gc.collect()',
          'print(gc.collect(0))',
          'print(gc.collect(1))',
        ]),
      );
    } else if (roll < 11) {
      lines.push(pick(['gc.enable()', 'gc.disable()', `gc.set_threshold(${threshold()})`]));
    } else if (roll < 12 && known) {
      lines.push(`print(gc.is_tracked(${x}))`);
    } else if (roll < 13 && known) {
      lines.push(`print(sys.getrefcount(${x}))`);
    } else if (roll < 14) {
      defs += 1;
      lines.push(
        `def f${defs}(p):`,
        '    t = Node()',
        '    t.p = p',
        '    t.me = t',
        '    return p',
      );
    } else if (roll < 16 && defs > 0 && known) {
      lines.push(`${y} = f${1 + int(defs)}(${x})`);
      bind(y, nodes.has(x));
    } else if (roll < 18 && nodes.has(x) && bound.has(y)) {
      lines.push(`${x}.other = ${y}`);
    } else lines.push('print(gc.isenabled())');
  }
  lines.push('print(gc.collect())');
  return `# auto-gc script, seed ${seed}\n${lines.join('\n')}\n`;
}
