/**
 * Worker thread body of verifyPool.ts: replays `/api/verify` move lists with the default rules
 * off the main event loop. Messages: `{ id, puzzleId, moves }` in, `{ id, outcome, ms }` out (ms: the replay's own time).
 */
import { parentPort } from 'node:worker_threads';
import { defaultRules } from '../game/activeRules.ts';
import { verifyMoves } from '../game/verify.ts';
import { threadCpuMs } from './budget.ts';

interface Job {
  id: number;
  puzzleId: string;
  moves: string[];
}

parentPort!.on('message', (job: Job) => {
  const started = threadCpuMs();
  const outcome = verifyMoves(defaultRules, job.puzzleId, job.moves);
  parentPort!.postMessage({ id: job.id, outcome, ms: threadCpuMs() - started });
});
