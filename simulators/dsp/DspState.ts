import type { Eui } from '../core/Eui.ts';
import type { RequestId } from '../core/RequestId.ts';
import type { Srv } from '../core/Srv.ts';
import type { RequestBody } from '../duis/index.ts';
import type { DspStateView } from './rules/Rule.ts';

/** A CV 4 Pre-Command the DSP issued and is waiting to see back, signed, as a CV 5. */
export interface PendingPreCommand {
  readonly requestId: RequestId;
  readonly srv: Srv;
  readonly deviceId: Eui;
  /** The body of the CV 4 request: what the command does. */
  readonly body: RequestBody;
  readonly schemaVersion: string;
  /** The GBCS Pre-Command as issued. */
  readonly preCommand: Buffer;
  /** What the User's signature must cover: the pre-command's bytes after `DF`, without a signature field. */
  readonly signedBytes: Buffer;
  readonly issuedAt: Date;
}

/**
 * What the DSP remembers between requests: each originator's last accepted RequestID counter, the
 * pending Pre-Commands, and the counters of the commands the DCC originates itself (ACB for 6.21
 * and 6.24.1, TransCoS for 6.23). Changed only by the Dsp after a request is accepted.
 */
export class DspState implements DspStateView {
  readonly #counters = new Map<string, bigint>();
  readonly #pending = new Map<string, PendingPreCommand>();
  readonly #dccCounters = new Map<string, bigint>();

  lastCounter(originator: Eui): bigint | undefined {
    return this.#counters.get(originator.hex);
  }

  recordCounter(originator: Eui, counter: bigint): void {
    const last = this.#counters.get(originator.hex);
    if (last === undefined || counter > last) this.#counters.set(originator.hex, counter);
  }

  pending(requestId: RequestId): PendingPreCommand | undefined {
    return this.#pending.get(requestId.toString());
  }

  pendingPreCommands(): readonly PendingPreCommand[] {
    return [...this.#pending.values()];
  }

  addPending(entry: PendingPreCommand): void {
    this.#pending.set(entry.requestId.toString(), entry);
  }

  takePending(requestId: RequestId): PendingPreCommand | undefined {
    const entry = this.#pending.get(requestId.toString());
    this.#pending.delete(requestId.toString());
    return entry;
  }

  /**
   * The next originator counter for a command the DCC signs or MACs as `originator`: above the
   * last one, and at least the clock's milliseconds, so counters keep increasing across restarts
   * of the harness (devices refuse a counter they have seen). Not consumed until `useDccCounter`.
   */
  nextDccCounter(originator: Eui, now: Date): bigint {
    const last = this.#dccCounters.get(originator.hex) ?? 0n;
    const fromClock = BigInt(Math.max(0, now.getTime()));
    return last >= fromClock ? last + 1n : fromClock;
  }

  useDccCounter(originator: Eui, counter: bigint): void {
    this.#dccCounters.set(originator.hex, counter);
  }
}
