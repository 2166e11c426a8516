import type { KeyUsage, RemotePartyRole } from '../core/roles.ts';
import type { CellUsage, TrustAnchorCellIdentifier } from '../gbcs/index.ts';

/**
 * Every trust anchor cell a SMETS2 device can hold, in one fixed order. A device stores its cells as
 * a row of this length (an index into the shared certificate table per cell), so the order is part of
 * the in-memory layout: append, never reorder.
 */
export const CELLS = [
  { name: 'root', role: 'root', keyUsage: 'DS', cellUsage: 'management' },
  {
    name: 'recovery',
    role: 'recovery',
    keyUsage: 'DS',
    cellUsage: 'management',
  },
  {
    name: 'supplierDS',
    role: 'supplier',
    keyUsage: 'DS',
    cellUsage: 'management',
  },
  {
    name: 'supplierKA',
    role: 'supplier',
    keyUsage: 'KA',
    cellUsage: 'management',
  },
  {
    name: 'supplierKAPrePayment',
    role: 'supplier',
    keyUsage: 'KA',
    cellUsage: 'prePaymentTopUp',
  },
  {
    name: 'networkOperatorDS',
    role: 'networkOperator',
    keyUsage: 'DS',
    cellUsage: 'management',
  },
  {
    name: 'networkOperatorKA',
    role: 'networkOperator',
    keyUsage: 'KA',
    cellUsage: 'management',
  },
  {
    name: 'accessControlBrokerDS',
    role: 'accessControlBroker',
    keyUsage: 'DS',
    cellUsage: 'management',
  },
  {
    name: 'accessControlBrokerKA',
    role: 'accessControlBroker',
    keyUsage: 'KA',
    cellUsage: 'management',
  },
  {
    name: 'wanProviderDS',
    role: 'wanProvider',
    keyUsage: 'DS',
    cellUsage: 'management',
  },
  {
    name: 'transitionalCoSDS',
    role: 'transitionalCoS',
    keyUsage: 'DS',
    cellUsage: 'management',
  },
] as const satisfies readonly CellDefinition[];

export interface CellDefinition extends TrustAnchorCellIdentifier {
  readonly name: string;
  readonly role: RemotePartyRole;
  readonly keyUsage: KeyUsage;
  readonly cellUsage: CellUsage;
}

export type CellName = (typeof CELLS)[number]['name'];
export const CELL_COUNT: number = CELLS.length;
export const CELL_NAMES: readonly CellName[] = CELLS.map((c) => c.name);

const INDEX_BY_NAME = new Map<string, number>(CELLS.map((c, i) => [c.name, i]));
const INDEX_BY_KEY = new Map<string, number>(CELLS.map((c, i) => [cellKey(c), i]));

function cellKey(c: TrustAnchorCellIdentifier): string {
  return `${c.role}/${c.keyUsage}/${c.cellUsage}`;
}

/** The cell's index in CELLS, or -1 for an identifier no device has (e.g. a DS prepayment cell). */
export function cellIndexOf(cell: TrustAnchorCellIdentifier): number {
  return INDEX_BY_KEY.get(cellKey(cell)) ?? -1;
}

export function cellIndexByName(name: CellName): number {
  return INDEX_BY_NAME.get(name)!;
}

export function isCellName(text: unknown): text is CellName {
  return typeof text === 'string' && INDEX_BY_NAME.has(text);
}

export function cellAt(index: number): CellDefinition {
  const cell = CELLS[index];
  if (cell === undefined) throw new RangeError(`no trust anchor cell at index ${index}`);
  return cell;
}

/** The identifier as GBCS carries it (role, key usage, cell usage), without the harness name. */
export function cellIdentifier(index: number): TrustAnchorCellIdentifier {
  const { role, keyUsage, cellUsage } = cellAt(index);
  return { role, keyUsage, cellUsage };
}

/** Indexes of the cells of one remote party role, in CELLS order. */
export function cellsOfRole(role: RemotePartyRole): number[] {
  return CELLS.flatMap((c, i) => (c.role === role ? [i] : []));
}
