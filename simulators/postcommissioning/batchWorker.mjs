// Bootstrap of a batch shard's worker thread (see batchWorkers.ts): node cannot start a worker from
// a .ts file, so this registers tsx's loader in the thread and then loads the TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./batchWorker.ts');
