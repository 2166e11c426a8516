/** The thread side of a batch shard: runs `runShard` on its `workerData` and posts progress and the result. */
import { parentPort, workerData } from 'node:worker_threads';
import { runShard, type ShardInput } from './batchShard.ts';

const port = parentPort!;
try {
  const result = await runShard(workerData as ShardInput, (done) => port.postMessage({ kind: 'wave', done }));
  port.postMessage({ kind: 'result', result });
} catch (error) {
  port.postMessage({ kind: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
