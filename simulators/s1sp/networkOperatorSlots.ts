import type { Eui } from '../core/Eui.ts';
import type { Verdict } from '../core/verdict.ts';
import type { Mpxn, RegistrationData } from '../rdp/index.ts';
import type { CertificatePool } from './CertificatePool.ts';
import { checkSlotCertificate, type SlotCertificateCheckOptions } from './checkSlotCertificate.ts';
import { type S1Device, slotOf } from './S1Device.ts';
import type { SlotChange } from './S1spOutcome.ts';
import { NETWORK_OPERATOR_SLOTS, type S1DeviceTypeSpec, type SlotName } from './slots.ts';

/**
 * MP107 Requirement 2 groundwork: the one-off DCC corrective action that finds SMETS1 virtual
 * slots holding a network operator certificate that does not match Registration Data and replaces
 * it with the registered network operator's (the Gas Transporter's for a gas meter).
 */

/** A device whose network operator slots hold a certificate the registered party does not own. */
export interface NetworkOperatorSlotMismatch {
  readonly s1sp: string;
  readonly deviceId: Eui;
  readonly deviceType: string;
  readonly mpxn: Mpxn;
  /** Who Registration Data names at the time of the scan; undefined when nobody is registered. */
  readonly registered: Eui | undefined;
  /** The occupied NO slots owned by someone else. Empty slots are not mismatches. */
  readonly slots: readonly { readonly slot: SlotName; readonly owner: Eui }[];
}

/** A registered party's certificates for the NO slots, as DER. */
export interface NetworkOperatorCertificates {
  readonly ds: Uint8Array;
  readonly ka: Uint8Array;
}

export type CertificatesOf = (party: Eui) => NetworkOperatorCertificates | undefined;

export interface CorrectionFailure {
  readonly deviceId: Eui;
  readonly code: 'unknown-device' | 'no-registered-party' | 'no-certificates' | 'bad-certificate';
  readonly reason: string;
}

/** One S1SP's part of the corrective job. */
export interface CorrectionReport {
  readonly s1sp: string;
  /** False: a dry run – `changes` lists what would be replaced and nothing is. */
  readonly apply: boolean;
  /** Devices handed in for this S1SP. */
  readonly checked: number;
  /** Of those, the ones still mismatched when the job looked again. */
  readonly mismatched: number;
  /** Devices whose slots were replaced (always 0 in a dry run). */
  readonly corrected: number;
  /** Slot replacements made, or in a dry run the ones that would be made. */
  readonly changes: readonly SlotChange[];
  readonly failures: readonly CorrectionFailure[];
}

/** The NO slots of `device` whose certificate `registered` does not own. */
export function foreignNetworkOperatorSlots(
  device: S1Device,
  spec: S1DeviceTypeSpec,
  registered: Eui | undefined,
): { slot: SlotName; owner: Eui }[] {
  return NETWORK_OPERATOR_SLOTS.filter((s) => spec.slots.includes(s)).flatMap((slot) => {
    const held = slotOf(device, slot);
    return held === undefined || held.owner.equals(registered) ? [] : [{ slot, owner: held.owner }];
  });
}

/** Who Registration Data says should own the device's NO slots at `at`. */
export function registeredNetworkOperator(
  device: S1Device,
  spec: S1DeviceTypeSpec,
  registrations: RegistrationData,
  at: Date,
): Eui | undefined {
  return registrations.partyAt(device.mpxn, spec.networkOperatorRole, at);
}

export interface CorrectionContext extends SlotCertificateCheckOptions {
  readonly pool: CertificatePool;
  /** Judges a certificate for a slot; default checkSlotCertificate (a job passes a memoised one). */
  readonly check?: (certificate: Uint8Array, slot: SlotName) => Verdict;
}

export type CorrectionPlan =
  | { readonly ok: true; readonly changes: readonly SlotChange[] }
  | { readonly ok: false; readonly failure: CorrectionFailure };

/**
 * The replacements that put `registered`'s certificates in every NO slot of the device that does
 * not already hold them; the certificates are checked against the slots first, all or nothing.
 */
export function planCorrection(
  device: S1Device,
  spec: S1DeviceTypeSpec,
  registered: Eui | undefined,
  certificatesOf: CertificatesOf,
  ctx: CorrectionContext,
): CorrectionPlan {
  const fail = (code: CorrectionFailure['code'], reason: string): CorrectionPlan => ({
    ok: false,
    failure: { deviceId: device.deviceId, code, reason },
  });
  if (registered === undefined) {
    return fail('no-registered-party', `no ${spec.networkOperatorRole} is registered for ${device.mpxn.value}`);
  }
  const certificates = certificatesOf(registered);
  if (certificates === undefined) return fail('no-certificates', `no certificates are known for ${registered}`);
  const wanted = NETWORK_OPERATOR_SLOTS.filter((s) => spec.slots.includes(s)).map((slot) => ({
    slot,
    der: slot === 'networkOperatorDS' ? certificates.ds : certificates.ka,
  }));
  const check = ctx.check ?? ((der: Uint8Array, slot: SlotName) => checkSlotCertificate(der, slot, ctx));
  const reasons = wanted.flatMap(({ slot, der }) => check(der, slot).reasons);
  if (reasons.length > 0) return fail('bad-certificate', reasons.map((r) => r.message).join('; '));
  const held = wanted.map(({ slot, der }) => ({ slot, after: ctx.pool.intern(der) }));
  const foreign = held.find(({ after }) => !after.owner.equals(registered));
  if (foreign !== undefined) {
    return fail('bad-certificate', `the certificates given for ${registered} belong to ${foreign.after.owner}`);
  }
  const changes = held.flatMap(({ slot, after }): SlotChange[] => {
    const before = slotOf(device, slot);
    return before === after ? [] : [{ deviceId: device.deviceId, slot, before, after }];
  });
  return { ok: true, changes };
}
