/**
 * Worker thread body of programCheck.ts. Started with a job: `{ check: source }` runs checkProgram
 * (shared/live/programCheck.ts); `{ question: id }` records that predict question's replay
 * (shared/live/questionReplay.ts). Posts 'loaded' once the VM is loaded, then the result.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { liveQuestion } from '../../shared/live/items.ts';
import { checkProgram } from '../../shared/live/programCheck.ts';
import { questionReplay } from '../../shared/live/questionReplay.ts';

const job = workerData as { check: string } | { question: string };
parentPort!.postMessage('loaded'); // the time limit starts now
if ('check' in job) parentPort!.postMessage(checkProgram(job.check));
else {
  const q = liveQuestion(job.question);
  parentPort!.postMessage(q ? questionReplay(q) : null);
}
