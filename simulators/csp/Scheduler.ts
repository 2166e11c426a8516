import { type Clock, SystemClock } from '../core/clock.ts';

/** Something to run once the clock reaches a time. It may return a promise (I/O it waits for). */
export type Task = () => void | Promise<void>;

/** Cancels a scheduled task (no-op once it has run). */
export type Cancel = () => void;

/**
 * When things happen in the CSP, in the clock's time. Two adapters: `SimulatedScheduler` (a timer
 * queue that moves a SimulatedClock only when told, firing due tasks in order) and
 * `SystemScheduler` (real timers on the wall clock, for standalone servers).
 */
export interface Scheduler {
  readonly clock: Clock;
  /** Runs `task` once the clock reaches `at` (ms since the epoch; at once if already past). */
  schedule(at: number, task: Task): Cancel;
  /**
   * Work in flight outside simulated time (a WebSocket round trip, a DSP exchange). A simulated
   * scheduler does not move the clock on until it has settled; a real one just lets it run.
   */
  hold<T>(work: Promise<T>): Promise<T>;
}

export interface SystemSchedulerOptions {
  readonly clock?: Clock;
  /** What to do with a task that throws (default: console.error). */
  readonly onError?: (error: unknown) => void;
}

/** Real timers: a task at `at` runs `at − now` wall-clock ms from now. */
export class SystemScheduler implements Scheduler {
  readonly clock: Clock;
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  readonly #onError: (error: unknown) => void;

  constructor(options: SystemSchedulerOptions = {}) {
    this.clock = options.clock ?? new SystemClock();
    this.#onError = options.onError ?? ((error) => console.error('csp scheduler:', error));
  }

  schedule(at: number, task: Task): Cancel {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      try {
        Promise.resolve(task()).catch(this.#onError);
      } catch (error) {
        this.#onError(error);
      }
    }, Math.max(0, at - this.clock.now().getTime()));
    this.#timers.add(timer);
    return () => {
      clearTimeout(timer);
      this.#timers.delete(timer);
    };
  }

  hold<T>(work: Promise<T>): Promise<T> {
    return work;
  }

  /** Tasks not yet run. */
  get pending(): number {
    return this.#timers.size;
  }

  /** Cancels every task not yet run (a server shutting down). */
  close(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }
}
