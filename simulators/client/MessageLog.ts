/** What `waitFor` takes. */
export interface WaitOptions {
  /** Real milliseconds before giving up (default 5000). */
  readonly timeoutMs?: number;
}

export const DEFAULT_WAIT_MS = 5000;

interface Waiter<T> {
  readonly predicate: (item: T) => boolean;
  readonly resolve: (item: T) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * Items in arrival order, and promises for the first item that matches a predicate – one already
 * there, or the next to arrive within a time-out (real time: the receiver is a real HTTP server).
 */
export class MessageLog<T> {
  readonly #items: T[] = [];
  readonly #waiters = new Set<Waiter<T>>();

  readonly #describe: (item: T) => string;

  /** `describe` writes one item for a time-out's message. */
  constructor(describe: (item: T) => string) {
    this.#describe = describe;
  }

  add(item: T): void {
    this.#items.push(item);
    for (const waiter of [...this.#waiters]) {
      let matches: boolean;
      try {
        matches = waiter.predicate(item);
      } catch (error) {
        // A predicate that throws fails its own wait, not the delivery to the others.
        this.#settle(waiter);
        waiter.reject(asError(error));
        continue;
      }
      if (!matches) continue;
      this.#settle(waiter);
      waiter.resolve(item);
    }
  }

  all(): readonly T[] {
    return [...this.#items];
  }

  clear(): void {
    this.#items.length = 0;
  }

  waitFor(predicate: (item: T) => boolean, options: WaitOptions = {}): Promise<T> {
    let found: T | undefined;
    try {
      found = this.#items.find(predicate);
    } catch (error) {
      return Promise.reject(asError(error));
    }
    if (found !== undefined) return Promise.resolve(found);
    const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_MS;
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = {
        predicate,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.#settle(waiter);
          reject(new Error(`no message matched within ${timeoutMs} ms; ${this.#summary()}`));
        }, timeoutMs),
      };
      this.#waiters.add(waiter);
    });
  }

  /** Rejects every pending waiter (e.g. when the receiver closes). */
  abandon(reason: string): void {
    for (const waiter of [...this.#waiters]) {
      this.#settle(waiter);
      waiter.reject(new Error(`${reason}; ${this.#summary()}`));
    }
  }

  #settle(waiter: Waiter<T>): void {
    clearTimeout(waiter.timer);
    this.#waiters.delete(waiter);
  }

  #summary(): string {
    if (this.#items.length === 0) return 'none received';
    return `received ${this.#items.length}: ${this.#items.map(this.#describe).join('; ')}`;
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
