/**
 * The corridor grid the router searches (pure). Nodes sit on channel centre lines (channel c is
 * left of heap column c; the last one is right of the last column) at the heights of the gaps
 * between cards and of the ports where arrows start and end. Vertical edges join neighbours on a
 * channel; horizontal edges cross a column only at one of that column's gaps.
 */
import type { Rect } from './geometry.ts';

export interface RouteCard {
  rect: Rect;
  /** Heap column (0-based); its channels are `strip` (left) and `strip + 1` (right). */
  strip: number;
  /** Top of what is drawn above the card (its label strip); arrows stay below the card above. */
  top: number;
  /** A weakref's diamond: entered at its side corners. */
  diamond: boolean;
  /** Rows leave on the right (attributes, dict entries), so the right side is entered only high. */
  rightExits: boolean;
}

export interface Gap {
  key: string;
  top: number;
  bottom: number;
  y: number;
}

export interface GridNode {
  channel: number;
  y: number;
}

export interface Grid {
  nodes: GridNode[];
  adjacent: number[][];
  gaps: Map<string, Gap>;
  /** Gap centre heights per column (a horizontal edge across column s exists at these). */
  columnGaps: Map<number, string>[];
  node(channel: number, y: number): number;
  port(channel: number, y: number): number;
  channelX(channel: number): number;
  channelSpan(channel: number): [number, number];
  gapBelow(card: number): Gap;
  bandNodes(): { node: number; channel: number }[];
}

/** Room kept between an arrow lane and a card edge (selection and gc rings draw out to 8 px). */
const CLEAR = 10;
const END_GAP = 34;

export function buildGrid(
  input: {
    cards: RouteCard[];
    stackRight: number;
    trayBottom: number;
    outerChannel: number;
  },
  ports: [number, number][],
): Grid {
  const strips = stripsOf(input.cards);
  const spans = channelSpans(strips, input.stackRight, input.outerChannel);
  const { gaps, columnGaps, below } = gapsOf(input.cards, strips, input.trayBottom);
  const ys: Set<number>[] = spans.map(() => new Set<number>());
  columnGaps.forEach((byY, s) => {
    for (const y of byY.keys()) {
      ys[s]!.add(y);
      ys[s + 1]!.add(y);
    }
  });
  for (const key of ['band', 'floor']) for (const set of ys) set.add(gaps.get(key)!.y);
  for (const [c, y] of ports) ys[c]!.add(y);
  const nodes: GridNode[] = [];
  const index = spans.map(() => new Map<number, number>());
  ys.forEach((set, c) => {
    for (const y of [...set].sort((a, b) => a - b)) {
      index[c]!.set(y, nodes.length);
      nodes.push({ channel: c, y });
    }
  });
  const adjacent: number[][] = nodes.map(() => []);
  const link = (a: number, b: number): void => {
    adjacent[a]!.push(b);
    adjacent[b]!.push(a);
  };
  for (let i = 1; i < nodes.length; i++)
    if (nodes[i]!.channel === nodes[i - 1]!.channel) link(i - 1, i);
  columnGaps.forEach((byY, s) => {
    for (const y of byY.keys()) link(index[s]!.get(y)!, index[s + 1]!.get(y)!);
  });
  const lookup = (c: number, y: number): number => {
    const n = index[c]?.get(y);
    if (n === undefined) throw new Error(`route grid: no node at channel ${c}, y ${y}`);
    return n;
  };
  const band = gaps.get('band')!.y;
  return {
    nodes,
    adjacent,
    gaps,
    columnGaps,
    node: lookup,
    port: lookup,
    channelX: (c) => (spans[c]![0] + spans[c]![1]) / 2,
    channelSpan: (c) => spans[c]!,
    gapBelow: (card) => gaps.get(below[card]!)!,
    bandNodes: () => spans.map((_, c) => ({ node: lookup(c, band), channel: c })),
  };
}

/** The gap key of column `strip` at centre height y (band and floor cross every column). */
export function gapAt(grid: Grid, strip: number, y: number): string {
  const key = grid.columnGaps[strip]?.get(y);
  if (key === undefined) throw new Error(`route grid: no gap in column ${strip} at y ${y}`);
  return key;
}

interface Strip {
  x0: number;
  x1: number;
  cards: number[];
}

function stripsOf(cards: RouteCard[]): Strip[] {
  const strips: Strip[] = [];
  cards.forEach((c, i) => {
    const s = (strips[c.strip] ??= { x0: c.rect.x, x1: c.rect.x, cards: [] });
    s.x0 = Math.min(s.x0, c.rect.x);
    s.x1 = Math.max(s.x1, c.rect.x + c.rect.w);
    s.cards.push(i);
  });
  for (let i = 0; i < strips.length; i++) {
    if (!strips[i]) throw new Error(`route grid: column ${i} is empty`);
    strips[i]!.cards.sort((a, b) => cards[a]!.rect.y - cards[b]!.rect.y);
  }
  return strips;
}

function channelSpans(strips: Strip[], stackRight: number, outer: number): [number, number][] {
  const spans: [number, number][] = [];
  let left = stackRight;
  for (const s of strips) {
    spans.push([left, s.x0]);
    left = s.x1;
  }
  spans.push([left, left + outer]);
  return spans;
}

function gapsOf(
  cards: RouteCard[],
  strips: Strip[],
  trayBottom: number,
): { gaps: Map<string, Gap>; columnGaps: Map<number, string>[]; below: string[] } {
  const gaps = new Map<string, Gap>();
  const below: string[] = [];
  const put = (key: string, top: number, bottom: number): void => {
    gaps.set(key, {
      key,
      top,
      bottom: Math.max(top, bottom),
      y: (top + Math.max(top, bottom)) / 2,
    });
  };
  const firstTop = Math.min(trayBottom + 40, ...cards.map((c) => c.top));
  put('band', trayBottom + 4, firstTop - 4);
  let deepest = firstTop;
  strips.forEach((s, si) => {
    s.cards.forEach((ci, k) => {
      const card = cards[ci]!;
      const bottom = card.rect.y + card.rect.h + CLEAR;
      const next = s.cards[k + 1];
      const key = next === undefined ? `s${si}:end` : `s${si}:${k + 1}`;
      put(key, bottom, next === undefined ? bottom + END_GAP : cards[next]!.top - 4);
      below[ci] = key;
      deepest = Math.max(deepest, bottom + END_GAP);
    });
  });
  put('floor', deepest + 6, deepest + 6 + END_GAP);
  const columnGaps = strips.map((_, si) => {
    const byY = new Map<number, string>();
    for (const g of gaps.values())
      if (g.key === 'band' || g.key === 'floor' || g.key.startsWith(`s${si}:`)) byY.set(g.y, g.key);
    return byY;
  });
  return { gaps, columnGaps, below };
}
