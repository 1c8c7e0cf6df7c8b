/**
 * Worker thread body of programCheck.ts: runs checkProgram (shared/live/programCheck.ts) on the
 * source it is started with: posts 'loaded' once the VM is loaded, then the result (plain data).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkProgram } from '../../shared/live/programCheck.ts';

parentPort!.postMessage('loaded'); // the time limit starts now
parentPort!.postMessage(checkProgram(workerData as string));
