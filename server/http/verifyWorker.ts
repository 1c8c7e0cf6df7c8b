/**
 * Worker thread body of verifyPool.ts: replays `/api/verify` move lists with the default rules
 * off the main event loop. Messages: `{ id, puzzleId, moves }` in, `{ id, outcome }` out.
 */
import { parentPort } from 'node:worker_threads';
import { defaultRules } from '../game/activeRules.ts';
import { verifyMoves } from '../game/verify.ts';

interface Job {
  id: number;
  puzzleId: string;
  moves: string[];
}

parentPort!.on('message', (job: Job) => {
  parentPort!.postMessage({
    id: job.id,
    outcome: verifyMoves(defaultRules, job.puzzleId, job.moves),
  });
});
