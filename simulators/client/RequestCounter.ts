import type { Clock } from '../core/clock.ts';
import { InvalidInputError } from '../core/errors.ts';
import { MAX_REQUEST_COUNTER } from '../core/RequestId.ts';

export interface RequestCounterOptions {
  /** Where the counter starts instead of the clock: the first counter handed out is exactly this. */
  readonly start?: bigint | number;
  /** Without `start`, every counter is at least the clock in milliseconds (so it keeps rising across restarts). */
  readonly clock?: Clock;
}

/**
 * One originator's RequestID counter, strictly increasing. With a `start`, counters run start,
 * start + 1, …; without one, each is max(last + 1, the clock in ms), which DCC Boxed's clients and
 * the DSP's own counters also use, so a client started again later does not replay a counter the
 * DSP accepted. Counters used elsewhere (a request numbered by hand) are `observe`d so the next one
 * is higher still. Several clients of one User should share one counter.
 */
export class RequestCounter {
  readonly #clock: Clock | undefined;
  #last: bigint | undefined;

  constructor(options: RequestCounterOptions = {}) {
    if (options.start !== undefined) {
      this.#last = toCounter(options.start, 'start') - 1n;
    } else {
      this.#clock = options.clock;
    }
    if (this.#last === undefined && this.#clock === undefined) {
      throw new InvalidInputError('RequestCounter', 'a start counter or a clock', undefined);
    }
  }

  /** The last counter handed out or observed, if any. */
  get last(): bigint | undefined {
    return this.#last === undefined || this.#last < 0n ? undefined : this.#last;
  }

  /** The next counter, strictly greater than every counter before it. */
  next(): bigint {
    const after = this.#last === undefined ? 0n : this.#last + 1n;
    const now = this.#clock === undefined ? 0n : BigInt(this.#clock.now().getTime());
    const next = after > now ? after : now;
    if (next > MAX_REQUEST_COUNTER) {
      throw new InvalidInputError('RequestID counter', `at most ${MAX_REQUEST_COUNTER}`, next);
    }
    this.#last = next;
    return next;
  }

  /** Records a counter used without `next` (e.g. a RequestID given by hand), so later ones exceed it. */
  observe(counter: bigint): void {
    if (this.#last === undefined || counter > this.#last) this.#last = counter;
  }
}

function toCounter(value: bigint | number, field: string): bigint {
  const counter = typeof value === 'number' && Number.isSafeInteger(value) ? BigInt(value) : value;
  if (typeof counter !== 'bigint' || counter < 0n || counter > MAX_REQUEST_COUNTER) {
    throw new InvalidInputError(field, `a counter from 0 to ${MAX_REQUEST_COUNTER}`, value);
  }
  return counter;
}
