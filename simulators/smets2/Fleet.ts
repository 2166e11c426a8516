import type { KeyObject } from 'node:crypto';
import { type Clock, SystemClock } from '../core/clock.ts';
import type { Eui } from '../core/Eui.ts';
import { InvalidInputError } from '../core/errors.ts';
import {
  decodeCommandWrapper,
  decodeGroupingHeader,
  ECDSA_GBCS_SIGNING,
  GbcsDecodeError,
  type GbcsSigning,
} from '../gbcs/index.ts';
import type { Smki } from '../smki/index.ts';
import { ActiveDevice, type FleetServices } from './ActiveDevice.ts';
import { Device } from './Device.ts';
import { DeviceCredentials } from './DeviceCredentials.ts';
import { type DeviceType, deviceTypeCode } from './deviceTypes.ts';
import { euiParts, FleetState } from './FleetState.ts';
import { handleCommand } from './handleCommand.ts';
import { type CertificateSource, type InstallationSpec, installationCells } from './installation.ts';
import { type HandleResult, NOTHING_DUE, type TickResult } from './outcome.ts';
import { TimerQueue } from './TimerQueue.ts';
import { runDueTimers } from './tick.ts';

export interface FleetOptions {
  /** The test SMKI: device key pairs and certificates derive from its seed + EUI + generation. */
  readonly smki: Smki;
  /** The time `handle` and `tick` use when not given one. Default: the wall clock. */
  readonly clock?: Clock;
  /** Devices to allocate room for up front (the columns double when full). */
  readonly capacity?: number;
  /** Recipient of generic alerts from devices whose ACB cells are empty. */
  readonly alertRecipient?: Eui;
  /** A remote party's KA private key by Entity ID: MAC checks from the remote side (RTDS devices). */
  readonly remotePartyKeyAgreementKey?: (entityId: Eui) => KeyObject | undefined;
  /** How many devices' derived credentials to keep at once (LRU). Default 512. */
  readonly deviceKeyCacheSize?: number;
  /** How devices sign their responses and alerts and check commands' signatures. Default: ECDSA. */
  readonly gbcsSigning?: GbcsSigning;
}

/** What one device emitted on a fleet-wide tick. */
export interface FleetEmission extends TickResult {
  readonly device: Eui;
}

/**
 * A population of SMETS2 devices in columnar storage (see FleetState): a million idle devices cost
 * tens of bytes each. Devices are light views (`device(eui)`); all behaviour is in the state machine
 * `handle(bytes, now) → { response?, alerts, outcome }` over GBCS bytes, with no transport.
 */
export class Fleet {
  readonly clock: Clock;
  readonly services: FleetServices;
  readonly timers = new TimerQueue();
  readonly #state: FleetState;

  constructor(readonly options: FleetOptions) {
    this.clock = options.clock ?? new SystemClock();
    this.#state = new FleetState(options.capacity);
    this.services = {
      state: this.#state,
      credentials: new DeviceCredentials(options.smki, options.deviceKeyCacheSize),
      gbcsSigning: options.gbcsSigning ?? ECDSA_GBCS_SIGNING,
      ...(options.remotePartyKeyAgreementKey && {
        remotePartyKeyAgreementKey: options.remotePartyKeyAgreementKey,
      }),
      ...(options.alertRecipient && { alertRecipient: options.alertRecipient }),
    };
  }

  get size(): number {
    return this.#state.size;
  }

  get state(): FleetState {
    return this.#state;
  }

  /** Adds a device with a row of cell certificate indexes (from `installationCells`), or none. */
  add(eui: Eui | bigint, type: DeviceType, cells?: ArrayLike<number>): Device {
    const [hi, lo] = euiParts(eui);
    return new Device(this, this.#state.add(hi, lo, deviceTypeCode(type), cells));
  }

  /** The bulk path: EUI as two 32-bit halves, type code, shared cell row; returns the device index. */
  addParts(hi: number, lo: number, typeCode: number, cells?: ArrayLike<number>): number {
    return this.#state.add(hi, lo, typeCode, cells);
  }

  /** Adds a device installed from data (its own cell row; share rows with `add` for bulk). */
  install(eui: Eui, spec: InstallationSpec, source: CertificateSource): Device {
    return this.add(eui, spec.type, installationCells(spec, source, this.#state.certificates));
  }

  find(eui: Eui | bigint): Device | undefined {
    const [hi, lo] = euiParts(eui);
    const index = this.#state.find(hi, lo);
    return index < 0 ? undefined : new Device(this, index);
  }

  device(eui: Eui | bigint): Device {
    const device = this.find(eui);
    if (device === undefined) throw new InvalidInputError('device', 'a device of the fleet', String(eui));
    return device;
  }

  deviceAt(index: number): Device {
    if (!Number.isInteger(index) || index < 0 || index >= this.size)
      throw new RangeError(`no device at ${index}`);
    return new Device(this, index);
  }

  /**
   * Routes a frame to the device its recipient system title names, as the CSP would. Undefined when the
   * frame does not parse far enough to name one, or names no device of this fleet.
   */
  deliver(
    bytes: Buffer,
    now: Date = this.clock.now(),
  ): (HandleResult & { readonly device: Eui }) | undefined {
    let recipient: Eui;
    try {
      recipient = (bytes[0] === 0xdd ? decodeCommandWrapper(bytes).header : decodeGroupingHeader(bytes))
        .recipient;
    } catch (error) {
      if (error instanceof GbcsDecodeError) return undefined;
      throw error;
    }
    const device = this.find(recipient);
    return device && { ...device.handle(bytes, now), device: device.eui };
  }

  /** Runs every device's due timers (future-dated commands, delayed responses). */
  tick(now: Date = this.clock.now()): FleetEmission[] {
    return [...runDueTimers(this.services, this.timers, now)].map(([index, result]) => ({
      device: this.#state.eui(index),
      ...result,
    }));
  }

  /** @internal Device views call these. */
  handleAt(index: number, bytes: Buffer, now: Date): HandleResult {
    return handleCommand(new ActiveDevice(this.services, index), this.timers, bytes, now);
  }

  /** @internal */
  tickAt(index: number, now: Date): TickResult {
    return runDueTimers(this.services, this.timers, now, index).get(index) ?? NOTHING_DUE;
  }
}
