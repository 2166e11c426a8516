/** The thread side of batch shards: works the estates of its `workerData` one after another, posting progress and each result. */
import { parentPort, workerData } from 'node:worker_threads';
import type { ShardInput } from './batchShard.ts';
import { type FromShardThread, runShardsInSequence } from './batchWorkers.ts';

const port = parentPort!;
const post = (m: FromShardThread) => port.postMessage(m);
try {
  await runShardsInSequence(
    workerData as ShardInput[],
    (done) => post({ kind: 'wave', done }),
    (index, result) => post({ kind: 'result', index, result }),
  );
} catch (error) {
  post({ kind: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
