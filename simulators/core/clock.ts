/** Time as the simulators see it. Injected everywhere; nothing in the domain reads the wall clock. */
export interface Clock {
  now(): Date;
}

/** The wall clock: only for standalone servers that a real client talks to. */
export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

/** Simulated time: starts where it is told and moves only when advanced. */
export class SimulatedClock implements Clock {
  #ms: number;

  constructor(start: Date | string = DEFAULT_HARNESS_EPOCH) {
    this.#ms = new Date(start).getTime();
    if (Number.isNaN(this.#ms)) throw new RangeError(`SimulatedClock: not a date: ${String(start)}`);
  }

  now(): Date {
    return new Date(this.#ms);
  }

  advance(ms: number): Date {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`SimulatedClock: cannot advance by ${ms} ms`);
    this.#ms += ms;
    return this.now();
  }

  set(to: Date | string): void {
    const ms = new Date(to).getTime();
    if (Number.isNaN(ms)) throw new RangeError(`SimulatedClock: not a date: ${String(to)}`);
    this.#ms = ms;
  }
}

/** The harness's default "now" for simulated estates; generated certificates are valid around it. */
export const DEFAULT_HARNESS_EPOCH = '2026-01-01T00:00:00Z';
