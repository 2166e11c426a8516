import type { KeyObject } from 'node:crypto';
import type { Eui } from '../core/Eui.ts';
import type { KeyUsage } from '../core/roles.ts';
import {
  DlmsDateTime,
  encodeGroupingHeader,
  type GroupingHeaderFields,
  type GbcsSigning,
  wrapWithMac,
} from '../gbcs/index.ts';
import { alertMessageCode, type DeviceAlertPayload, encodeAlertPayload } from './alertCodec.ts';
import { type CertificateEntry, EMPTY_ENTITY_ID } from './CertificateTable.ts';
import { cellIndexByName } from './cells.ts';
import { type DeviceCredentials, type DeviceKeyMaterial, overrideMaterial } from './DeviceCredentials.ts';
import { type DeviceType, deviceTypeOf } from './deviceTypes.ts';
import type { DeviceExtras, FleetState } from './FleetState.ts';
import type { Fault } from './faults.ts';

/** What the command processing needs from the fleet besides its storage. */
export interface FleetServices {
  readonly state: FleetState;
  readonly credentials: DeviceCredentials;
  /** GBCS signatures: ECDSA, or the estate's in-process seals (decision 0013). */
  readonly gbcsSigning: GbcsSigning;
  /**
   * The KA private key of a remote party (looked up by the Entity ID in the ACB KA cell), so the ACB MAC
   * can be computed from the remote side when the harness does not hold the device's own KA private key
   * (RTDS devices): ECDH gives the same secret either way.
   */
  readonly remotePartyKeyAgreementKey?: (entityId: Eui) => KeyObject | undefined;
  /** Where generic alerts go when the device's ACB cells are empty. */
  readonly alertRecipient?: Eui;
}

const ACB_DS = cellIndexByName('accessControlBrokerDS');
const ACB_KA = cellIndexByName('accessControlBrokerKA');

/** One device while it handles a message: a short-lived view over the fleet's columns. */
export class ActiveDevice {
  readonly eui: Eui;
  readonly typeCode: number;
  readonly type: DeviceType;

  constructor(
    readonly services: FleetServices,
    readonly index: number,
  ) {
    this.eui = services.state.eui(index);
    this.typeCode = services.state.typeCode(index);
    this.type = deviceTypeOf(this.typeCode);
  }

  cell(cell: number): CertificateEntry | undefined {
    return this.services.state.cell(this.index, cell);
  }

  counter(roleNumber: number): bigint {
    return this.services.state.counter(this.index, roleNumber);
  }

  setCounter(roleNumber: number, value: bigint): void {
    this.services.state.setCounter(this.index, roleNumber, value);
  }

  get extras(): DeviceExtras | undefined {
    return this.services.state.extras(this.index);
  }

  mutableExtras(): DeviceExtras {
    return this.services.state.mutableExtras(this.index);
  }

  get fault(): Fault | undefined {
    return this.extras?.fault;
  }

  generation(usage: KeyUsage): number {
    return this.extras?.generation?.[usage] ?? 0;
  }

  /** The device's current DS or KA credential (an override at generation 0, else derived). */
  material(usage: KeyUsage): DeviceKeyMaterial {
    const generation = this.generation(usage);
    const override = generation === 0 ? this.extras?.overrides?.[usage] : undefined;
    if (override) return overrideMaterial(override);
    return this.services.credentials.derived(this.eui, usage, generation);
  }

  /** The device certificate CS02e reports: as installed by CS02d, else the current credential's. */
  certificate(usage: KeyUsage): Buffer {
    return this.extras?.installed?.[usage] ?? this.material(usage).certificate;
  }

  /** The ECDH pair for the ACB MAC, device side or remote side; undefined when neither is possible. */
  macKeys(): { privateKey: KeyObject; publicKey: KeyObject } | undefined {
    const acb = this.cell(ACB_KA);
    if (acb === undefined) return undefined;
    const own = this.material('KA');
    if (own.privateKey) return { privateKey: own.privateKey, publicKey: acb.publicKey };
    const remote = this.services.remotePartyKeyAgreementKey?.(acb.entityId);
    return remote ? { privateKey: remote, publicKey: own.publicKey } : undefined;
  }

  /** A grouping header signed with the device's DS key (responses and alerts). */
  signed(fields: GroupingHeaderFields): Buffer {
    const key = this.material('DS').privateKey;
    if (key === undefined) throw new Error(`device ${this.eui} has no DS private key to sign with`);
    const unsigned = encodeGroupingHeader(fields, 'omitted');
    return Buffer.concat([unsigned, Buffer.from([0x40]), this.services.gbcsSigning.sign(unsigned.subarray(1), key)]);
  }

  /** A MAC-only frame (DD wrapper, signature field 00), as the RTDS CS02a response. */
  macOnly(fields: GroupingHeaderFields): Buffer | undefined {
    const keys = this.macKeys();
    if (keys === undefined) return undefined;
    return wrapWithMac(encodeGroupingHeader(fields, 'none'), keys.privateKey, keys.publicKey);
  }

  /** Who generic alerts go to: the ACB (DCC) as its DS/KA cell names it [assumed], else the fleet default. */
  alertRecipient(): Eui {
    const acb = this.cell(ACB_DS) ?? this.cell(ACB_KA);
    return acb && !acb.entityId.equals(EMPTY_ENTITY_ID)
      ? acb.entityId
      : (this.services.alertRecipient ?? EMPTY_ENTITY_ID);
  }

  /** A signed alert (CRA flag 03) with the device's next alert counter and the time in the header. */
  alert(payload: DeviceAlertPayload, now: Date, recipient: Eui = this.alertRecipient()): Buffer {
    const extras = this.mutableExtras();
    const counter = (extras.alertCounter ?? 0n) + 1n;
    extras.alertCounter = counter;
    return this.signed({
      craFlag: 'alert',
      originatorCounter: counter,
      originator: this.eui,
      recipient,
      dateTime: DlmsDateTime.fromDate(now),
      messageCode: alertMessageCode(payload),
      content: encodeAlertPayload(payload),
    });
  }
}
