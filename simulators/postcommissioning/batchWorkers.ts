/** Batch shards on worker threads, one estate each: how an overnight batch uses every core. */
import { Worker } from 'node:worker_threads';
import { runShard, type ShardInput, type ShardResult } from './batchShard.ts';

const BOOTSTRAP = new URL('./batchWorker.mjs', import.meta.url);

type FromShard = { kind: 'wave'; done: number } | { kind: 'result'; result: ShardResult } | { kind: 'error'; message: string };

/**
 * Runs each input as a shard: the only one in this thread, several each on a worker thread of its
 * own. `onProgress(done)` gets the homes done over all shards. Rejects with the first shard's error,
 * after stopping the others.
 */
export async function runShards(inputs: readonly ShardInput[], onProgress?: (done: number) => void): Promise<ShardResult[]> {
  if (inputs.length === 1) return [await runShard(inputs[0]!, onProgress)];
  const done = inputs.map(() => 0);
  const workers: Worker[] = [];
  const report = (i: number, n: number) => {
    done[i] = n;
    onProgress?.(done.reduce((a, b) => a + b, 0));
  };
  try {
    return await Promise.all(
      inputs.map(
        (input, i) =>
          new Promise<ShardResult>((resolve, reject) => {
            const worker = new Worker(BOOTSTRAP, { workerData: input });
            workers.push(worker);
            worker.on('message', (m: FromShard) => {
              if (m.kind === 'wave') report(i, m.done);
              else if (m.kind === 'result') resolve(m.result);
              else reject(new Error(`batch shard ${i + 1} of ${inputs.length} failed: ${m.message}`));
            });
            worker.on('error', (error) => reject(new Error(`batch shard ${i + 1} of ${inputs.length} failed: ${error.message}`)));
            worker.on('exit', (code) => {
              if (code !== 0) reject(new Error(`batch shard ${i + 1} of ${inputs.length} stopped (exit code ${code}) before its result`));
            });
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
