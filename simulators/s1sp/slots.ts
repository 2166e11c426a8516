import { InvalidInputError } from '../core/errors.ts';
import type { KeyUsage, RemotePartyRole } from '../core/roles.ts';
import type { DuisRemotePartyRole, TrustAnchorCellRef } from '../duis/index.ts';
import type { RegistrationRole } from '../rdp/index.ts';

/**
 * The virtual anchor slots in which the S1SP holds a SMETS1 device's certificates by proxy
 * (domain.md, "The SMETS1 problem"): supplier DS and KA, network operator DS and KA. The harness
 * models no other slots: SMETS1 has no DCC trust anchors on the meter, and a prepayment top-up KA
 * slot is not mentioned in the sources **[assumed]**.
 */
export const SLOT_NAMES = ['supplierDS', 'supplierKA', 'networkOperatorDS', 'networkOperatorKA'] as const;
export type SlotName = (typeof SLOT_NAMES)[number];

/** The position of each slot in a device's slot array (per-device state is one small array). */
export const SLOT_INDEX: Readonly<Record<SlotName, number>> = {
  supplierDS: 0,
  supplierKA: 1,
  networkOperatorDS: 2,
  networkOperatorKA: 3,
};

export interface SlotSpec {
  readonly name: SlotName;
  /** The remote party role a certificate in the slot must carry (subject OU). */
  readonly role: RemotePartyRole;
  /** DUIS's name for that role, as requests and MMC responses write it. */
  readonly duisRole: DuisRemotePartyRole;
  readonly usage: KeyUsage;
  /** The slot whose current holder authorises replacing this one (a role's DS slot). */
  readonly authorisingSlot: SlotName;
  /** `network operator DS slot`, as messages say it. */
  readonly label: string;
}

function spec(name: SlotName, role: 'supplier' | 'networkOperator', usage: KeyUsage): SlotSpec {
  const duisRole = role === 'supplier' ? 'Supplier' : 'NetworkOperator';
  const words = role === 'supplier' ? 'supplier' : 'network operator';
  return { name, role, duisRole, usage, authorisingSlot: `${role}DS`, label: `${words} ${usage} slot` };
}

export const SLOT_SPECS: Readonly<Record<SlotName, SlotSpec>> = {
  supplierDS: spec('supplierDS', 'supplier', 'DS'),
  supplierKA: spec('supplierKA', 'supplier', 'KA'),
  networkOperatorDS: spec('networkOperatorDS', 'networkOperator', 'DS'),
  networkOperatorKA: spec('networkOperatorKA', 'networkOperator', 'KA'),
};

export const NETWORK_OPERATOR_SLOTS: readonly SlotName[] = ['networkOperatorDS', 'networkOperatorKA'];

/**
 * The slot a DUIS target cell names, or undefined when a SMETS1 device has no such slot (any role
 * but Supplier and NetworkOperator, and the supplier's prepayment top-up KA cell).
 */
export function slotForCell(cell: TrustAnchorCellRef): SlotName | undefined {
  if (cell.cellUsage !== 'management') return undefined;
  return SLOT_NAMES.find((n) => SLOT_SPECS[n].duisRole === cell.role && SLOT_SPECS[n].usage === cell.keyUsage);
}

/** What a kind of SMETS1 device holds and whose certificates belong in its network operator slots. */
export interface S1DeviceTypeSpec {
  /** Which meter point the device serves. */
  readonly mpxn: 'MPAN' | 'MPRN';
  /**
   * The Registration Data role whose party should own the network operator slots: the Electricity
   * Distributor for an MPAN, the Gas Transporter for an MPRN. GTs' organisation certificates carry
   * the network operator role (OU 03), DUIS has no separate GT remote party role, 6.15.1 is open
   * to GT, and seed 000 calls electricity NO certificates on gas devices an error.
   */
  readonly networkOperatorRole: Extract<RegistrationRole, 'networkOperator' | 'gasTransporter'>;
  readonly slots: readonly SlotName[];
}

/** SMETS1 device types the S1SP knows by default; `S1sp` takes more (or different) ones as an option. */
export const SMETS1_DEVICE_TYPES: Readonly<Record<string, S1DeviceTypeSpec>> = {
  ESME: { mpxn: 'MPAN', networkOperatorRole: 'networkOperator', slots: SLOT_NAMES },
  GSME: { mpxn: 'MPRN', networkOperatorRole: 'gasTransporter', slots: SLOT_NAMES },
};

export function parseSlotName(text: unknown, field = 'slot'): SlotName {
  if (typeof text === 'string' && (SLOT_NAMES as readonly string[]).includes(text)) return text as SlotName;
  throw new InvalidInputError(field, `one of ${SLOT_NAMES.join(', ')}`, text);
}
