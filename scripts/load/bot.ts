/**
 * A scripted classroom student for the load test. It plays real statements from the puzzle's
 * reference solution in a loop that never finishes the puzzle (moves, an undo, a reset), one
 * action every 1/rate seconds. Every move is timed until its `applied` reply; a probe also
 * decodes its state and times every action until its seq shows up as `lastSeq` of its own board
 * in a state patch (the confirmed patch). Other bots skip state decoding to keep the generator
 * light (stack NOTES gotcha 19). Bytes received are counted on the WebSocket.
 */
import { Client, type Room } from '@colyseus/sdk';
import { Latencies } from './stats.ts';

export interface LoadMetrics {
  actions: number;
  applied: Latencies;
  patch: Latencies;
  rejected: Map<string, number>;
  errors: string[];
  bytesIn: number;
  bytesOut: number;
}

export const newMetrics = (): LoadMetrics => ({
  actions: 0,
  applied: new Latencies(),
  patch: new Latencies(),
  rejected: new Map(),
  errors: [],
  bytesIn: 0,
  bytesOut: 0,
});

type Action = { type: 'move'; move: string } | { type: 'undo' } | { type: 'reset' };

/** m1 … m(n-1), undo, m(n-1), reset: real statements, never the last (solving) move. */
export function actionCycle(solution: readonly string[]): Action[] {
  const head = solution.length > 1 ? solution.slice(0, -1) : solution;
  const moves = head.map((move): Action => ({ type: 'move', move }));
  return [...moves, { type: 'undo' }, moves.at(-1)!, { type: 'reset' }];
}

interface Transport {
  events: { onmessage?: (e: { data: ArrayBuffer }) => void };
  send(data: Uint8Array): void;
}

/** Counts payload bytes in both directions on a joined room's WebSocket. */
function meter(room: Room, metrics: () => LoadMetrics): void {
  const transport = (room.connection as unknown as { transport: Transport }).transport;
  const onmessage = transport.events.onmessage;
  transport.events.onmessage = (e) => {
    metrics().bytesIn += e.data.byteLength;
    onmessage?.(e);
  };
  const send = transport.send.bind(transport);
  transport.send = (data) => {
    metrics().bytesOut += data.byteLength;
    send(data);
  };
}

export class Bot {
  readonly room: Room;
  seatId = '';
  private seq = 0;
  private step = 0;
  private readonly sentAt = new Map<number, number>();
  private readonly movesAt = new Map<number, number>();
  private timer: NodeJS.Timeout | null = null;
  private readonly cycle: Action[];
  private readonly metrics: () => LoadMetrics;

  private constructor(room: Room, cycle: Action[], probe: boolean, metrics: () => LoadMetrics) {
    this.room = room;
    this.cycle = cycle;
    this.metrics = metrics;
    room.reconnection.enabled = false;
    meter(room, metrics);
    room.onMessage('welcome', (w: { seatId: string }) => (this.seatId = w.seatId));
    room.onMessage('applied', (m: { seq?: number }) => this.answered(m.seq, null));
    room.onMessage('rejected', (m: { seq?: number; code: string }) => this.answered(m.seq, m.code));
    room.onMessage('*', () => undefined);
    room.onLeave((code) => {
      if (this.timer !== null) metrics().errors.push(`left with code ${code}`);
    });
    if (probe) room.onStateChange((state) => this.patched(state));
    else
      (room as unknown as { serializer: { patch: () => void } }).serializer.patch = () => undefined;
  }

  static async join(
    url: string,
    code: string,
    nickname: string,
    solution: readonly string[],
    probe: boolean,
    metrics: () => LoadMetrics,
  ): Promise<Bot> {
    const room = await new Client(url).joinById(code, { nickname });
    return new Bot(room, actionCycle(solution), probe, metrics);
  }

  /** Acts every `periodMs` (first action after a random offset) until stop(). */
  start(periodMs: number): void {
    const tick = (): void => {
      this.act();
      this.timer = setTimeout(tick, periodMs);
    };
    this.timer = setTimeout(tick, Math.random() * periodMs);
  }

  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private act(): void {
    const action = this.cycle[this.step++ % this.cycle.length]!;
    const seq = ++this.seq;
    const now = performance.now();
    this.sentAt.set(seq, now);
    if (action.type === 'move') this.movesAt.set(seq, now);
    this.room.send(action.type, action.type === 'move' ? { move: action.move, seq } : { seq });
    this.metrics().actions++;
  }

  private answered(seq: number | undefined, code: string | null): void {
    if (seq === undefined) return;
    const t0 = this.movesAt.get(seq);
    this.movesAt.delete(seq);
    const m = this.metrics();
    if (code !== null) m.rejected.set(code, (m.rejected.get(code) ?? 0) + 1);
    else if (t0 !== undefined) m.applied.add(performance.now() - t0);
  }

  private patched(state: unknown): void {
    const board = (
      state as { seats?: { get(id: string): { board?: { lastSeq: number } } | undefined } }
    ).seats?.get(this.seatId)?.board;
    if (board === undefined) return;
    const t0 = this.sentAt.get(board.lastSeq);
    if (t0 === undefined) return;
    for (const seq of this.sentAt.keys()) if (seq <= board.lastSeq) this.sentAt.delete(seq);
    this.metrics().patch.add(performance.now() - t0);
  }
}
