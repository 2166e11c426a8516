/** Batch shards on worker threads, each working its estates one after another: how an overnight batch uses every core. */
import { Worker } from 'node:worker_threads';
import { runShard, type ShardInput, type ShardResult } from './batchShard.ts';

const BOOTSTRAP = new URL('./batchWorker.mjs', import.meta.url);

/** What a thread says: homes done over its estates so far, an estate's result (by its index in the thread's list), or a failure. */
export type FromShardThread =
  | { kind: 'wave'; done: number }
  | { kind: 'result'; index: number; result: ShardResult }
  | { kind: 'error'; message: string };

/**
 * Works `inputs` one after another in this thread; `onProgress(done)` counts homes over all of them.
 * With `onResult`, each result goes there as it comes and is not kept (a thread posting its results).
 */
export async function runShardsInSequence(inputs: readonly ShardInput[], onProgress?: (done: number) => void, onResult?: (index: number, result: ShardResult) => void): Promise<ShardResult[]> {
  const results: ShardResult[] = [];
  let before = 0;
  for (const [index, input] of inputs.entries()) {
    const result = await runShard(input, onProgress && ((done) => onProgress(before + done)));
    before += input.homes.length;
    if (onResult !== undefined) onResult(index, result);
    else results.push(result);
  }
  return results;
}

/**
 * Works each input as an estate on `threads` threads: this one when 1, else worker threads of their
 * own, input k going to thread k mod `threads`, which works its inputs one after another. Results
 * come back in the order of `inputs`. `onProgress(done)` gets the homes done over all of them.
 * Rejects with the first failure, after stopping the other threads.
 */
export async function runShards(inputs: readonly ShardInput[], threads: number, onProgress?: (done: number) => void): Promise<ShardResult[]> {
  if (threads <= 1 || inputs.length === 1) return runShardsInSequence(inputs, onProgress);
  const perThread = Array.from({ length: Math.min(threads, inputs.length) }, (_, t) => inputs.map((_, k) => k).filter((k) => k % threads === t));
  const results: ShardResult[] = new Array<ShardResult>(inputs.length);
  const done = perThread.map(() => 0);
  const workers: Worker[] = [];
  const report = (t: number, n: number) => {
    done[t] = n;
    onProgress?.(done.reduce((a, b) => a + b, 0));
  };
  try {
    await Promise.all(
      perThread.map(
        (indices, t) =>
          new Promise<void>((resolve, reject) => {
            const worker = new Worker(BOOTSTRAP, { workerData: indices.map((k) => inputs[k]!) });
            workers.push(worker);
            let received = 0;
            const failed = (what: string) => reject(new Error(`batch thread ${t + 1} of ${perThread.length} ${what}`));
            worker.on('message', (m: FromShardThread) => {
              if (m.kind === 'wave') report(t, m.done);
              else if (m.kind === 'result') {
                results[indices[m.index]!] = m.result;
                if (++received === indices.length) resolve();
              } else failed(`failed: ${m.message}`);
            });
            worker.on('error', (error) => failed(`failed: ${error.message}`));
            worker.on('exit', (code) => {
              if (received < indices.length) failed(`stopped (exit code ${code}) before its results`);
            });
          }),
      ),
    );
    return results;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
