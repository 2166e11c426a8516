// Bootstrap of an admission worker thread (see admissionWorkers.ts): node cannot start a worker
// from a .ts file, even with `--import tsx` in its execArgv, so this registers tsx's loader in
// the thread and then loads the TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./admissionWorker.ts');
