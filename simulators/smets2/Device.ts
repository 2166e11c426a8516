import type { KeyObject } from 'node:crypto';
import type { Eui } from '../core/Eui.ts';
import { type KeyUsage, REMOTE_PARTY_ROLES, type RemotePartyRole } from '../core/roles.ts';
import type { TrustAnchorCellIdentifier } from '../gbcs/index.ts';
import { ActiveDevice } from './ActiveDevice.ts';
import type { CertificateEntry } from './CertificateTable.ts';
import { CELLS, type CellName, cellIdentifier, cellIndexByName } from './cells.ts';
import type { CredentialOverride } from './DeviceCredentials.ts';
import { type DeviceType, deviceTypeOf, hasCell } from './deviceTypes.ts';
import type { Fleet } from './Fleet.ts';
import { type Fault, parseFault } from './faults.ts';
import type { HandleResult, TickResult } from './outcome.ts';
import type { Timer } from './TimerQueue.ts';

/** One cell as a test reads it. */
export interface CellView {
  readonly name: CellName;
  readonly cell: TrustAnchorCellIdentifier;
  /** Undefined when the cell is empty. */
  readonly certificate?: CertificateEntry;
}

/**
 * A light view of one device of a Fleet: an index and the fleet, nothing else. Make as many as you
 * like; they hold no state of their own.
 */
export class Device {
  constructor(
    readonly fleet: Fleet,
    readonly index: number,
  ) {}

  get eui(): Eui {
    return this.fleet.state.eui(this.index);
  }

  get type(): DeviceType {
    return deviceTypeOf(this.fleet.state.typeCode(this.index));
  }

  /** The state machine: one GBCS frame in, the response (if any) and alerts out. */
  handle(commandBytes: Buffer, now: Date = this.fleet.clock.now()): HandleResult {
    return this.fleet.handleAt(this.index, commandBytes, now);
  }

  /** Runs this device's due timers: future-dated commands, delayed responses. */
  tick(now: Date = this.fleet.clock.now()): TickResult {
    return this.fleet.tickAt(this.index, now);
  }

  /** The certificate in a cell, undefined when empty or when the device type has no such cell. */
  cell(name: CellName): CertificateEntry | undefined {
    const i = cellIndexByName(name);
    return hasCell(this.fleet.state.typeCode(this.index), i)
      ? this.fleet.state.cell(this.index, i)
      : undefined;
  }

  /** Every cell the device type has, in CELLS order. */
  cells(): CellView[] {
    const typeCode = this.fleet.state.typeCode(this.index);
    return CELLS.flatMap((c, i) => {
      if (!hasCell(typeCode, i)) return [];
      const certificate = this.fleet.state.cell(this.index, i);
      return [
        {
          name: c.name,
          cell: cellIdentifier(i),
          ...(certificate && { certificate }),
        },
      ];
    });
  }

  /** Puts a certificate (DER) into a cell directly – installation, not a GBCS command. */
  setCell(name: CellName, der: Buffer | undefined): void {
    const i = cellIndexByName(name);
    if (!hasCell(this.fleet.state.typeCode(this.index), i))
      throw new RangeError(`${this.type} has no ${name} cell`);
    this.fleet.state.setCell(this.index, i, der ? this.fleet.state.certificates.intern(der) : 0);
  }

  /** Last originator counter accepted from (or floor set for) a remote party role. */
  counter(role: RemotePartyRole): bigint {
    return this.fleet.state.counter(this.index, REMOTE_PARTY_ROLES[role]);
  }

  setCounter(role: RemotePartyRole, value: bigint): void {
    this.fleet.state.setCounter(this.index, REMOTE_PARTY_ROLES[role], value);
  }

  get fault(): Fault | undefined {
    return this.fleet.state.extras(this.index)?.fault;
  }

  /** Sets (or with undefined/`none` clears) a fault; takes a Fault or the same as data (parseFault). */
  setFault(fault: Fault | unknown): void {
    const parsed = parseFault(fault);
    const extras = this.fleet.state.extras(this.index);
    if (parsed === undefined) {
      if (extras) delete extras.fault;
      return;
    }
    this.fleet.state.mutableExtras(this.index).fault = parsed;
  }

  /** Replaces the derived DS or KA credential of generation 0 (e.g. an RTDS device's published certificate). */
  overrideCredential(usage: KeyUsage, override: CredentialOverride): void {
    const extras = this.fleet.state.mutableExtras(this.index);
    extras.overrides = { ...extras.overrides, [usage]: override };
  }

  /** The device's current DS or KA certificate (as CS02e answers). */
  deviceCertificate(usage: KeyUsage): Buffer {
    return new ActiveDevice(this.fleet.services, this.index).certificate(usage);
  }

  /**
   * The public key of the device's current DS or KA certificate (`deviceCertificate`): CS02d installs
   * a certificate only for the pending key pair, so the current credential's key is always it.
   */
  publicKey(usage: KeyUsage): KeyObject {
    return new ActiveDevice(this.fleet.services, this.index).material(usage).publicKey;
  }

  keyGeneration(usage: KeyUsage): number {
    return this.fleet.state.extras(this.index)?.generation?.[usage] ?? 0;
  }

  /** Timers waiting for this device (future-dated commands, delayed responses). */
  pending(): readonly Timer[] {
    return this.fleet.timers.of(this.index);
  }
}
