import type { SimulatedClock } from '../core/clock.ts';
import type { Cancel, Scheduler, Task } from './Scheduler.ts';

interface Entry {
  readonly at: number;
  readonly seq: number;
  readonly task: Task;
  /** `waiting` in the queue; `cancelled` waits to be dropped when it reaches the top; `taken` ran. */
  state: 'waiting' | 'cancelled' | 'taken';
}

/** Whether `a` runs before `b`: earlier time first, then scheduling order. */
function before(a: Entry, b: Entry): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

/**
 * A timer queue over a SimulatedClock. Time moves only in `advance`/`advanceTo`/`drain`, which fire
 * due tasks one at a time in (time, scheduling order), setting the clock to each task's time first,
 * and wait for held work (WebSocket round trips) to settle before moving on – so a run is the same
 * every time, and a simulated day takes milliseconds. Drive time through the scheduler, not the
 * clock: a task whose time the clock passed on its own runs late, at the next advance.
 */
export class SimulatedScheduler implements Scheduler {
  /**
   * A binary min-heap by (time, scheduling order): a night keeps thousands of tasks waiting – each
   * command's time-out, cancelled when its response comes – and a sorted list cost a scan per
   * schedule and per cancel. Cancelled tasks stay until they reach the top (or a compaction).
   */
  readonly #heap: Entry[] = [];
  #waiting = 0;
  readonly #holds = new Set<Promise<unknown>>();
  readonly #errors: unknown[] = [];
  #seq = 0;
  #chain: Promise<unknown> = Promise.resolve();

  constructor(readonly clock: SimulatedClock) {}

  schedule(at: number, task: Task): Cancel {
    const entry: Entry = { at, seq: this.#seq++, task, state: 'waiting' };
    this.#push(entry);
    this.#waiting++;
    return () => {
      if (entry.state !== 'waiting') return;
      entry.state = 'cancelled';
      this.#waiting--;
      // Cancelled entries outnumbering the waiting ones: rebuild without them, so memory follows the waiting.
      if (this.#heap.length > 1024 && this.#heap.length > 2 * this.#waiting) this.#compact();
    };
  }

  hold<T>(work: Promise<T>): Promise<T> {
    const held = work.then(
      () => undefined,
      () => undefined,
    );
    this.#holds.add(held);
    void held.then(() => this.#holds.delete(held));
    return work;
  }

  /** Tasks waiting for their time. */
  get pending(): number {
    return this.#waiting;
  }

  /** When the next task is due, if any. */
  get nextAt(): Date | undefined {
    const next = this.#next();
    return next && new Date(next.at);
  }

  /** Moves the clock on by `ms`, running every task due on the way, in order. */
  advance(ms: number): Promise<Date> {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`SimulatedScheduler: cannot advance by ${ms} ms`);
    return this.#serial(() => this.#runTo(this.clock.now().getTime() + ms));
  }

  /** Moves the clock on to `to` (not back), running every task due on the way. */
  advanceTo(to: Date | string): Promise<Date> {
    const t = new Date(to).getTime();
    if (Number.isNaN(t)) throw new RangeError(`SimulatedScheduler: not a date: ${String(to)}`);
    return this.#serial(() => this.#runTo(Math.max(t, this.clock.now().getTime())));
  }

  /** Runs what is due now (and what that schedules for now) without moving the clock. */
  runDue(): Promise<Date> {
    return this.advance(0);
  }

  /**
   * Runs every task, however far ahead, moving the clock to each in turn, until none is left or
   * the next lies more than `limitMs` beyond the start – e.g. until every command sent has its outcome.
   */
  drain(options: { limitMs?: number } = {}): Promise<Date> {
    return this.#serial(async () => {
      const limit = this.clock.now().getTime() + (options.limitMs ?? Number.POSITIVE_INFINITY);
      await this.settle();
      for (let next = this.#next(); next !== undefined && next.at <= limit; next = this.#next()) {
        await this.#runTo(next.at);
      }
      return this.clock.now();
    });
  }

  /** Waits until held work (and whatever it holds in turn) has settled; rethrows a task's error. */
  async settle(): Promise<void> {
    while (this.#holds.size > 0) await Promise.all([...this.#holds]);
    if (this.#errors.length > 0) throw this.#errors.splice(0)[0];
  }

  async #runTo(target: number): Promise<Date> {
    await this.settle();
    for (let next = this.#next(); next !== undefined && next.at <= target; next = this.#next()) {
      this.#pop();
      next.state = 'taken';
      this.#waiting--;
      if (next.at > this.clock.now().getTime()) this.clock.set(new Date(next.at));
      this.#run(next.task);
      await this.settle();
    }
    if (target > this.clock.now().getTime()) this.clock.set(new Date(target));
    await this.settle();
    return this.clock.now();
  }

  /** The first waiting entry, dropping cancelled ones from the top. */
  #next(): Entry | undefined {
    while (this.#heap.length > 0 && this.#heap[0]!.state === 'cancelled') this.#pop();
    return this.#heap[0];
  }

  #push(entry: Entry): void {
    const heap = this.#heap;
    let i = heap.push(entry) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(entry, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = entry;
  }

  /** Removes the top entry. */
  #pop(): void {
    const heap = this.#heap;
    const last = heap.pop()!;
    if (heap.length === 0) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && before(heap[right]!, heap[left]!) ? right : left;
      if (!before(heap[child]!, last)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = last;
  }

  #compact(): void {
    const waiting = this.#heap.filter((e) => e.state === 'waiting');
    this.#heap.length = 0;
    for (const e of waiting) this.#push(e);
  }

  #run(task: Task): void {
    this.hold(this.#guarded(task));
  }

  /** Runs `task`, keeping its failure for `drain` to report. */
  async #guarded(task: Task): Promise<void> {
    try {
      await task();
    } catch (error) {
      this.#errors.push(error);
    }
  }

  #serial(step: () => Promise<Date>): Promise<Date> {
    const result = this.#chain.then(step);
    this.#chain = result.catch(() => undefined);
    return result;
  }
}
