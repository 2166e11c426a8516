import { Eui } from '../core/Eui.ts';
import { Mpan } from '../core/Mpan.ts';
import type { Harness } from '../harness/index.ts';
import type { DeviceRecord } from '../inventory/DeviceRecord.ts';
import { describeMpxn, type Mpxn } from '../rdp/index.ts';
import { SLOT_NAMES, SLOT_SPECS } from '../s1sp/index.ts';
import { CELLS } from '../smets2/index.ts';
import type { CellOwnerView, DeviceView, PartyRef, PartyView } from './messages.ts';

/** The parts of a running harness the live view reads. */
export type WatchedEstate = Pick<Harness, 'estate' | 'inventory' | 'registrations' | 'fleet' | 's1sps' | 'clock'>;

const NETWORK_OPERATOR_CELLS = new Set(['networkOperatorDS', 'networkOperatorKA']);

/** Every party of the estate: name, EUI, kind, User Roles. */
export function partiesView(h: WatchedEstate): PartyView[] {
  return h.estate.parties.parties.map((p) => ({
    name: p.name,
    eui: p.eui.toString(),
    kind: p.kind,
    userRoles: [...p.userRoles],
    ...(p.s1spId !== undefined && { s1spId: p.s1spId }),
  }));
}

/** The party with this EUI by name, or the EUI itself when the estate has no such party. */
export function partyRef(h: WatchedEstate, eui: Eui): PartyRef {
  return { eui: eui.toString(), name: h.estate.parties.byEui(eui)?.name ?? eui.toString() };
}

/**
 * One device: its meter point, who Registration Data names as its supplier and network operator
 * (the gas transporter for an MPRN) now, and who owns each cell (SMETS2 trust anchor cells) or slot
 * (SMETS1 virtual anchor slots at its S1SP). A network-operator cell is `wrong` when its owner is not
 * the registered NO (GT for gas).
 */
export function deviceView(h: WatchedEstate, record: DeviceRecord, gasMeterPoints?: ReadonlyMap<string, Mpxn>): DeviceView {
  const now = h.clock.now();
  const mpxn = meterPointOf(h, record, gasMeterPoints);
  const role = mpxn === undefined ? undefined : mpxn instanceof Mpan ? 'networkOperator' : 'gasTransporter';
  const registered = mpxn === undefined || role === undefined ? undefined : h.registrations.partyAt(mpxn, role, now);
  const supplier = mpxn === undefined ? undefined : h.registrations.supplierAt(mpxn, now);
  const expected = registered === undefined ? undefined : partyRef(h, registered);
  const roleName = role === 'gasTransporter' ? 'GT' : 'NO';
  const smets1 = record.smetsVersion === 'SMETS1';
  const cells = smets1 ? slotsOf(h, record) : cellsOf(h, record);
  const judged = cells.map((c) => judge(c, expected, roleName));
  const region = smets1 ? undefined : h.inventory.cspRegionOf(record.deviceId);
  const route = smets1 ? record.s1spId : region === undefined ? undefined : `CSP ${region}`;
  return {
    deviceId: record.deviceId.toString(),
    deviceType: record.deviceType,
    smets: record.smetsVersion,
    status: record.status,
    ...(route !== undefined && { route }),
    ...(mpxn !== undefined && { mpxn: describeMpxn(mpxn) }),
    ...(supplier !== undefined && { supplier: partyRef(h, supplier) }),
    ...(role !== undefined && { networkOperatorRole: roleName }),
    ...(expected !== undefined && { networkOperator: expected }),
    holds: smets1 ? 'slots' : 'cells',
    cells: judged,
    wrong: judged.filter((c) => c.state === 'wrong').length,
  };
}

/** Devices in inventory order, at most `limit` of them (an estate of millions is not drawn whole). */
export function devicesView(h: WatchedEstate, limit = 200): { devices: DeviceView[]; total: number } {
  const records = h.inventory.devices();
  const shown = records.slice(0, limit);
  const gas = shown.some((r) => r.deviceType === 'GPF' && r.importMpxn === undefined) ? gasMeterPointsByHub(records) : undefined;
  return { devices: shown.map((r) => deviceView(h, r, gas)), total: records.length };
}

/**
 * The device's meter point; a GPF recorded without one takes the MPRN of the GSME on its hub (the
 * harness records the MPRN on the GSME only).
 */
function meterPointOf(h: WatchedEstate, record: DeviceRecord, gas?: ReadonlyMap<string, Mpxn>): Mpxn | undefined {
  if (record.importMpxn !== undefined || record.deviceType !== 'GPF' || record.chfId === undefined) return record.importMpxn;
  return (gas ?? gasMeterPointsByHub(h.inventory.devices())).get(record.chfId.hex);
}

/** CHF EUI (hex) → the MPRN of a gas meter on that hub. */
function gasMeterPointsByHub(records: readonly DeviceRecord[]): Map<string, Mpxn> {
  const byHub = new Map<string, Mpxn>();
  for (const r of records) {
    if (r.deviceType === 'GSME' && r.chfId !== undefined && r.importMpxn !== undefined && !byHub.has(r.chfId.hex)) byHub.set(r.chfId.hex, r.importMpxn);
  }
  return byHub;
}

type RawCell = Omit<CellOwnerView, 'state' | 'expected' | 'note'>;

function cellsOf(h: WatchedEstate, record: DeviceRecord): RawCell[] {
  const device = h.fleet.find(record.deviceId);
  if (device === undefined) return [];
  return device.cells().map((c) => {
    const definition = CELLS.find((d) => d.name === c.name)!;
    const owner = c.certificate?.entityId;
    const isRoot = c.name === 'root';
    return {
      name: c.name,
      label: cellLabel(c.name, definition.keyUsage),
      networkOperatorCell: NETWORK_OPERATOR_CELLS.has(c.name),
      ...(owner !== undefined && {
        owner: isRoot || owner.equals(ZERO) ? { eui: owner.toString(), name: 'SMKI root' } : partyRef(h, owner),
      }),
      ...(c.certificate !== undefined && { serial: serialOf(c.certificate.x509.serialNumber) }),
    };
  });
}

function slotsOf(h: WatchedEstate, record: DeviceRecord): RawCell[] {
  let contents;
  try {
    contents = h.s1sps.route(record.deviceId).slots(record.deviceId);
  } catch {
    return [];
  }
  return SLOT_NAMES.map((name) => {
    const held = contents[name];
    return {
      name,
      label: `${SLOT_SPECS[name].label}`,
      networkOperatorCell: NETWORK_OPERATOR_CELLS.has(name),
      ...(held !== undefined && { owner: partyRef(h, held.owner), serial: held.serial }),
    };
  });
}

function judge(cell: RawCell, expected: PartyRef | undefined, roleName: 'NO' | 'GT'): CellOwnerView {
  if (!cell.networkOperatorCell) return { ...cell, state: cell.owner === undefined ? 'empty' : 'unchecked' };
  if (cell.owner === undefined) return { ...cell, state: 'empty', ...(expected && { expected }) };
  if (expected === undefined) return { ...cell, state: 'unchecked' };
  if (cell.owner.eui === expected.eui) return { ...cell, state: 'ok', expected };
  return { ...cell, state: 'wrong', expected, note: `registered ${roleName} is ${expected.name}` };
}

const ZERO = Eui.parse('0000000000000000');

function cellLabel(name: string, usage: string): string {
  const words = name
    .replace(/(DS|KA)(PrePayment)?$/, '')
    .replace(/([A-Z])/g, ' $1')
    .toLowerCase()
    .trim();
  return `${words} ${usage}${name.endsWith('PrePayment') ? ' (prepayment)' : ''}`;
}

function serialOf(hex: string): string {
  return hex.toUpperCase().replace(/^0+(?=.)/, '');
}
