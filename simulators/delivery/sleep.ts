import type { SimulatedClock } from '../core/clock.ts';

/**
 * Waits between retries. Must settle by rejecting once `signal` aborts (the client also stops
 * waiting on its own, so a sleep that ignores the signal only leaks its timer).
 */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** Wall-clock waiting with a timer; the default. */
export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });

/**
 * Waiting that takes no wall time: for tests and simulated time. Advances `clock` by the wait (so
 * timestamps stay coherent) and tells `onSleep` each wait asked for.
 */
export function instantSleep(options: { clock?: SimulatedClock; onSleep?: (ms: number) => void } = {}): Sleep {
  return async (ms, signal) => {
    signal.throwIfAborted();
    options.onSleep?.(ms);
    options.clock?.advance(ms);
  };
}

/** `promise`, or a rejection with the signal's reason as soon as `signal` aborts. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
