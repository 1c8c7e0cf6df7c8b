/**
 * `node scripts/load/boardbench.ts [--root DIR] [--rounds 7] [--ms 1500] [--puzzle the-big-hunt]`:
 * the room's board path in process — a LiveBoard (board master, mirror, stateDigest) driven by the
 * load test's bot cycle (scripts/load/bot.ts actionCycle) — CPU ms per action, this checkout
 * against `--root` (e.g. /work/main) in interleaved rounds of one process (median of the rounds),
 * so both sides share every load swing of a busy machine.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { actionCycle } from './bot.ts';

const { values: args } = parseArgs({
  options: {
    root: { type: 'string' },
    rounds: { type: 'string', default: '7' },
    ms: { type: 'string', default: '1500' },
    puzzle: { type: 'string', default: 'the-big-hunt' },
  },
});

interface Side {
  name: string;
  /** Runs actions for about `ms` of CPU; returns CPU ms per action. */
  round(ms: number): number;
}

async function side(name: string, root: string): Promise<Side> {
  const { LiveBoard } = await import(resolve(root, 'server/rooms/LiveBoard.ts'));
  const { puzzleRules } = await import(resolve(root, 'server/game/puzzleRules.ts'));
  const puzzle = puzzleRules.puzzle(args.puzzle);
  if (!puzzle) throw new Error(`no puzzle ${args.puzzle} in ${root}`);
  const cycle = actionCycle(puzzle.solution);
  const board = new LiveBoard(puzzleRules, puzzle);
  let seq = 0;
  const step = (): void => {
    const a = cycle[seq % cycle.length]!;
    seq += 1;
    const reply =
      a.type === 'move'
        ? board.move('bot', { move: a.move, seq })
        : a.type === 'undo'
          ? board.undo({ seq })
          : board.reset({ seq });
    if (!reply.ok) throw new Error(`${name}: ${JSON.stringify(reply.rejected)}`);
  };
  return {
    name,
    round(ms) {
      const c0 = process.cpuUsage();
      let n = 0;
      for (;;) {
        for (let i = 0; i < cycle.length; i++) step();
        n += cycle.length;
        const c = process.cpuUsage(c0);
        const used = (c.user + c.system) / 1000;
        if (used >= ms) return used / n;
      }
    },
  };
}

const median = (xs: number[]): number => xs.slice().sort((a, b) => a - b)[xs.length >> 1]!;

const sides = [await side('this', '.')];
if (args.root) sides.unshift(await side(args.root, args.root));
const per = new Map<string, number[]>(sides.map((s) => [s.name, []]));
for (const s of sides) s.round(300); // warm-up
for (let r = 0; r < Number(args.rounds); r++)
  for (const s of sides) per.get(s.name)!.push(s.round(Number(args.ms)));
for (const [name, xs] of per)
  console.log(
    `${name}: ${median(xs).toFixed(3)} ms CPU per action (rounds ${xs.map((x) => x.toFixed(3)).join(' ')})`,
  );
