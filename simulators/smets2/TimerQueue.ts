import type { Eui } from '../core/Eui.ts';
import type { CredentialsReplacementMode, Cs02bCommand } from '../gbcs/index.ts';

/** A future-dated CS02b accepted and waiting for its execution date-time. */
export interface PendingCs02b {
  readonly kind: 'futureDatedCs02b';
  readonly mode: CredentialsReplacementMode;
  readonly command: Cs02bCommand;
  readonly originator: Eui;
  readonly originatorCounter: bigint;
  readonly executionDateTime: Date;
}

/** A response held back by the delayedResponse fault. */
export interface DelayedResponse {
  readonly kind: 'delayedResponse';
  readonly response: Buffer;
}

export type TimerPayload = PendingCs02b | DelayedResponse;

export interface Timer {
  readonly due: number;
  readonly device: number;
  readonly payload: TimerPayload;
}

/**
 * Device timers of the whole fleet, in due order (ties in insertion order). Few are ever pending at
 * once, so a sorted array is enough; idle devices have none.
 */
export class TimerQueue {
  readonly #timers: Timer[] = [];

  get size(): number {
    return this.#timers.length;
  }

  add(due: Date, device: number, payload: TimerPayload): void {
    const t = due.getTime();
    let at = this.#timers.length;
    while (at > 0 && this.#timers[at - 1]!.due > t) at--;
    this.#timers.splice(at, 0, { due: t, device, payload });
  }

  /** Removes and returns the timers due at `now`, optionally only one device's. */
  takeDue(now: Date, device?: number): Timer[] {
    const t = now.getTime();
    const due: Timer[] = [];
    for (let i = 0; i < this.#timers.length; ) {
      const timer = this.#timers[i]!;
      if (timer.due > t) break;
      if (device === undefined || timer.device === device) {
        due.push(timer);
        this.#timers.splice(i, 1);
      } else i++;
    }
    return due;
  }

  /** Pending timers of one device (a decoded view for tests). */
  of(device: number): readonly Timer[] {
    return this.#timers.filter((t) => t.device === device);
  }
}
