import type { DeviceAlert, DeviceCommand, DeviceOutcome } from '../dsp/ports.ts';
import type { Cancel } from './Scheduler.ts';
import type { WanRegion } from './regions.ts';
import { headerOf } from './frames.ts';

/** Until set: one module-level function, not an arrow per command (tsx names each arrow it makes, at a cost). */
const NOTHING = (): undefined => undefined;

/** A command the CSP carries and has not yet reported on (or reported `timeout` on, recently). */
export class PendingCommand {
  readonly alerts: DeviceAlert[] = [];
  /** The command's originator counter: a device response carries it back. */
  readonly counter: bigint | undefined;
  #resolve: (outcome: DeviceOutcome) => void = NOTHING;
  readonly outcome: Promise<DeviceOutcome>;
  open = true;
  cancelTimeout: Cancel = NOTHING;
  timedOutAt: Date | undefined;

  constructor(
    readonly id: bigint,
    readonly command: DeviceCommand,
    readonly region: WanRegion,
    readonly sentAt: Date,
  ) {
    this.counter = headerOf(command.bytes)?.originatorCounter;
    this.outcome = new Promise((resolve) => {
      this.#resolve = resolve;
    });
  }

  /** Reports the outcome once; later calls are ignored. */
  settle(outcome: DeviceOutcome): boolean {
    if (!this.open) return false;
    this.open = false;
    this.cancelTimeout();
    this.#resolve(outcome);
    return true;
  }
}

/**
 * The CSP's open commands, and the last `retain` that timed out (so a response arriving after its
 * time-out is recognised as late, and whose it is). A response is matched to a command by device and
 * originator counter (GBCS responses echo the command's counter), else to the device's oldest.
 */
export class PendingCommands {
  readonly #open = new Map<bigint, PendingCommand>();
  readonly #expired: PendingCommand[] = [];
  #next = 1n;

  constructor(readonly retain = 256) {}

  get size(): number {
    return this.#open.size;
  }

  add(command: DeviceCommand, region: WanRegion, sentAt: Date): PendingCommand {
    const pending = new PendingCommand(this.#next++, command, region, sentAt);
    this.#open.set(pending.id, pending);
    return pending;
  }

  /** Takes a command out of the open set once settled; a time-out is remembered for late answers. */
  close(pending: PendingCommand): void {
    this.#open.delete(pending.id);
    if (pending.timedOutAt === undefined) return;
    this.#expired.push(pending);
    if (this.#expired.length > this.retain) this.#expired.shift();
  }

  /** The command a response answers: an open one, else one that timed out; undefined if neither. */
  match(deviceHex: string, response: Buffer): PendingCommand | undefined {
    const counter = headerOf(response)?.originatorCounter;
    const fits = (p: PendingCommand) =>
      p.command.deviceId.hex === deviceHex && (counter === undefined || p.counter === undefined || p.counter === counter);
    const open = [...this.#open.values()].find(fits);
    if (open) return open;
    const i = this.#expired.findIndex(fits);
    return i < 0 ? undefined : this.#expired.splice(i, 1)[0];
  }

  /** Every open command (to fail them when the CSP closes). */
  all(): PendingCommand[] {
    return [...this.#open.values()];
  }
}
