import type { Eui } from '../core/Eui.ts';
import type { OutboundMessage } from './messages.ts';

interface Lane {
  readonly key: string;
  readonly queue: OutboundMessage[];
  readonly active: Set<OutboundMessage>;
  workers: number;
}

/**
 * One queue per User, ordered by the sequence the DSP produced messages in, each worked by up to
 * `perUser` workers (1 keeps strict FIFO: the next message waits until the one before it is
 * delivered or kept). Knows nothing of HTTP: `deliver` does the work and must settle.
 */
export class UserQueues {
  readonly #lanes = new Map<string, Lane>();
  readonly #idleWaiters: (() => void)[] = [];
  #workers = 0;

  constructor(
    private readonly perUser: number,
    private readonly deliver: (message: OutboundMessage) => Promise<void>,
    private readonly failed: (message: OutboundMessage, error: unknown) => void,
  ) {
    if (!Number.isInteger(perUser) || perUser < 1)
      throw new RangeError(`UserQueues: perUser must be an integer ≥ 1, got ${perUser}`);
  }

  /** Adds messages in sequence order (ahead of later ones still waiting) and starts workers. */
  enqueue(messages: readonly OutboundMessage[]): void {
    const touched = new Set<Lane>();
    for (const message of messages) {
      const key = message.userEui.hex;
      const lane = this.#lanes.get(key) ?? { key, queue: [], active: new Set(), workers: 0 };
      this.#lanes.set(key, lane);
      const at = lane.queue.findIndex((queued) => queued.seq > message.seq);
      lane.queue.splice(at < 0 ? lane.queue.length : at, 0, message);
      touched.add(lane);
    }
    for (const lane of touched) {
      while (lane.workers < this.perUser && lane.queue.length > 0) {
        lane.workers++;
        this.#workers++;
        void this.#work(lane);
      }
    }
  }

  /** Messages being delivered or waiting their turn, oldest first. */
  pending(userEui?: Eui): OutboundMessage[] {
    const lanes = userEui ? [this.#lanes.get(userEui.hex)] : [...this.#lanes.values()];
    return lanes.flatMap((lane) => (lane ? [...lane.active, ...lane.queue] : [])).sort((a, b) => a.seq - b.seq);
  }

  /** Removes and returns every message still waiting its turn (not those being delivered). */
  drain(): OutboundMessage[] {
    return [...this.#lanes.values()].flatMap((lane) => lane.queue.splice(0)).sort((a, b) => a.seq - b.seq);
  }

  /** Resolves when no worker is running. */
  idle(): Promise<void> {
    if (this.#workers === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  async #work(lane: Lane): Promise<void> {
    try {
      for (let message = lane.queue.shift(); message; message = lane.queue.shift()) {
        lane.active.add(message);
        try {
          await this.deliver(message);
        } catch (error) {
          this.failed(message, error);
        } finally {
          lane.active.delete(message);
        }
      }
    } finally {
      lane.workers--;
      this.#workers--;
      if (lane.workers === 0 && lane.queue.length === 0) this.#lanes.delete(lane.key);
      if (this.#workers === 0) for (const wake of this.#idleWaiters.splice(0)) wake();
    }
  }
}
