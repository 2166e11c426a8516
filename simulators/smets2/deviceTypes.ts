import { InvalidInputError } from '../core/errors.ts';
import { type CellName, cellIndexByName } from './cells.ts';

/** SMETS2 device types the harness simulates; the position is the type code a Fleet stores (one byte). */
export const DEVICE_TYPES = ['ESME', 'GSME', 'CHF', 'GPF'] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

/**
 * Which trust anchor cells each device type has: DATA, so a scenario or a later GBCS reading can change
 * it in one place. Built from GBCS §4.3 as the harness reads it, with the uncertain entries marked:
 *
 * - ESME: root, recovery, supplier DS/KA/KA top-up, network operator DS/KA, ACB DS/KA, TransCoS.
 * - GSME: like ESME but **no network operator cells** [assumed: gas transporter commands go to the GPF,
 *   which holds the GT's cells]. It keeps the prepayment top-up KA cell (UTRNs are validated on the
 *   GSME).
 * - CHF: root, recovery, ACB DS/KA and the WAN provider's DS cell – the DCC's own device. **No supplier,
 *   network operator or TransCoS cells** [assumed; so supplier-signed CS02c/CS02d/CS02e to a CHF are
 *   refused for want of an authorising cell].
 * - GPF: root, recovery, supplier DS/KA (no top-up cell) [assumed], network operator DS/KA (the gas
 *   transporter's – seed 000 mentions electricity NO certificates wrongly placed on GPFs), ACB DS/KA,
 *   TransCoS.
 *
 * Only the CHF holds a WAN provider cell, so rootByWanProvider and wanProviderByWanProvider can only
 * succeed on a CHF.
 */
export const TRUST_ANCHOR_CELLS_BY_TYPE: Readonly<Record<DeviceType, readonly CellName[]>> = {
  ESME: [
    'root',
    'recovery',
    'supplierDS',
    'supplierKA',
    'supplierKAPrePayment',
    'networkOperatorDS',
    'networkOperatorKA',
    'accessControlBrokerDS',
    'accessControlBrokerKA',
    'transitionalCoSDS',
  ],
  GSME: [
    'root',
    'recovery',
    'supplierDS',
    'supplierKA',
    'supplierKAPrePayment',
    'accessControlBrokerDS',
    'accessControlBrokerKA',
    'transitionalCoSDS',
  ],
  CHF: ['root', 'recovery', 'accessControlBrokerDS', 'accessControlBrokerKA', 'wanProviderDS'],
  GPF: [
    'root',
    'recovery',
    'supplierDS',
    'supplierKA',
    'networkOperatorDS',
    'networkOperatorKA',
    'accessControlBrokerDS',
    'accessControlBrokerKA',
    'transitionalCoSDS',
  ],
};

/** Bit i set = the type has CELLS[i]; one mask per type code. */
const CELL_MASKS: readonly number[] = DEVICE_TYPES.map((type) =>
  TRUST_ANCHOR_CELLS_BY_TYPE[type].reduce((mask, name) => mask | (1 << cellIndexByName(name)), 0),
);

export function deviceTypeCode(type: DeviceType): number {
  return DEVICE_TYPES.indexOf(type);
}

export function deviceTypeOf(code: number): DeviceType {
  const type = DEVICE_TYPES[code];
  if (type === undefined) throw new RangeError(`no device type with code ${code}`);
  return type;
}

export function hasCell(typeCode: number, cellIndex: number): boolean {
  return cellIndex >= 0 && ((CELL_MASKS[typeCode] ?? 0) & (1 << cellIndex)) !== 0;
}

export function parseDeviceType(text: unknown, field = 'deviceType'): DeviceType {
  if (typeof text === 'string') {
    const t = text.trim().toUpperCase();
    if ((DEVICE_TYPES as readonly string[]).includes(t)) return t as DeviceType;
  }
  throw new InvalidInputError(field, `one of ${DEVICE_TYPES.join(', ')}`, text);
}
