/**
 * Listeners for a store's changes. Every listener is called even when one throws; the errors are
 * then thrown together, after the change itself has been made.
 */
export class ChangeFeed<T> {
  readonly #listeners = new Set<(change: T) => void>();

  /** Calls `listener` after every change; returns a function that stops it. */
  subscribe(listener: (change: T) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  publish(change: T, what: string): void {
    const errors: unknown[] = [];
    for (const listener of [...this.#listeners]) {
      try {
        listener(change);
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) throw new AggregateError(errors, `${what} change listener failed`);
  }
}
