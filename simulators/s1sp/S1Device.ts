import type { Eui } from '../core/Eui.ts';
import type { Mpxn } from '../rdp/index.ts';
import type { HeldCertificate } from './CertificatePool.ts';
import { SLOT_INDEX, SLOT_NAMES, type SlotName } from './slots.ts';

/** A SMETS1 device as the S1SP enrols it. */
export interface S1DeviceInput {
  readonly deviceId: Eui;
  /** A key of the S1SP's device type table: `ESME`, `GSME`, or one added at construction. */
  readonly deviceType: string;
  /** The MPAN (ESME) or MPRN (GSME) the device serves. */
  readonly mpxn: Mpxn;
}

/** Certificates to place at enrolment, by slot: DER, or an already interned certificate. */
export type InitialSlots = Partial<Record<SlotName, Uint8Array | HeldCertificate>>;

/** What a device's slots hold; an empty slot is absent. */
export type SlotContents = Readonly<Partial<Record<SlotName, HeldCertificate>>>;

/**
 * Per-device state, kept small for estates of millions: the identity, and one four-entry array of
 * references to shared certificates (see SLOT_INDEX). Only the S1SP mutates `slots`.
 */
export interface S1Device extends S1DeviceInput {
  readonly slots: (HeldCertificate | undefined)[];
}

export function slotOf(device: S1Device, slot: SlotName): HeldCertificate | undefined {
  return device.slots[SLOT_INDEX[slot]];
}

export function contentsOf(device: S1Device): SlotContents {
  const contents: Partial<Record<SlotName, HeldCertificate>> = {};
  for (const name of SLOT_NAMES) {
    const held = slotOf(device, name);
    if (held !== undefined) contents[name] = held;
  }
  return Object.freeze(contents);
}
