import { Eui } from '../core/Eui.ts';
import { InvalidInputError } from '../core/errors.ts';
import type { KeyUsage } from '../core/roles.ts';
import type { CellUsage } from '../gbcs/index.ts';
import type { CertificateTable } from './CertificateTable.ts';
import { CELL_COUNT, CELLS, type CellName, isCellName } from './cells.ts';
import { type DeviceType, deviceTypeCode, hasCell, parseDeviceType } from './deviceTypes.ts';

/** The DCC's own remote parties, whose certificates every device starts with. */
export type DccRole = 'accessControlBroker' | 'recovery' | 'transitionalCoS' | 'wanProvider';

/** Where installation takes certificates from (see estateCertificateSource). */
export interface CertificateSource {
  /** The certificate for the root cell (the SMKI root CA). */
  root(): Buffer;
  /** A party's organisation certificate of this key usage (and cell usage: the supplier's top-up KA). */
  organisation(party: Eui, usage: KeyUsage, cellUsage: CellUsage): Buffer;
  dcc(role: DccRole): Eui | undefined;
}

/**
 * A device's trust anchor cells at installation, as data. Root, recovery, ACB, WAN provider and
 * TransCoS cells take the DCC's certificates; the supplier cells the supplier's; the network operator
 * cells – this is where the wrong-NO stories start (domain.md, seed 004) – a network operator's, the
 * supplier's (`supplier`: the supplier later replaces them with 6.15.1, signing as holder) or the DCC
 * ACB's (`accessControlBroker`: the supplier asks for 6.21 and the DCC signs). `cells` overrides any
 * cell with a party's certificate or leaves it `empty`.
 */
export interface InstallationSpec {
  readonly type: DeviceType;
  readonly supplier?: Eui;
  readonly networkOperator?: Eui | 'supplier' | 'accessControlBroker';
  readonly cells?: Partial<Record<CellName, Eui | 'empty'>>;
}

const DCC_CELLS: Partial<Record<CellName, DccRole>> = {
  recovery: 'recovery',
  accessControlBrokerDS: 'accessControlBroker',
  accessControlBrokerKA: 'accessControlBroker',
  wanProviderDS: 'wanProvider',
  transitionalCoSDS: 'transitionalCoS',
};

/**
 * The row of certificate indexes (CELL_COUNT long, 0 = empty) a device of this spec starts with,
 * interning the certificates into `table`. Build it once and reuse it for every device of the same
 * installation: the bench installs a million devices from a handful of rows.
 */
export function installationCells(
  spec: InstallationSpec,
  source: CertificateSource,
  table: CertificateTable,
): Uint32Array {
  const row = new Uint32Array(CELL_COUNT);
  const typeCode = deviceTypeCode(spec.type);
  CELLS.forEach((cell, i) => {
    if (!hasCell(typeCode, i)) return;
    const party = partyFor(cell.name, cell.role, spec, source);
    if (party === 'root') row[i] = table.intern(source.root());
    else if (party !== undefined)
      row[i] = table.intern(source.organisation(party, cell.keyUsage, cell.cellUsage));
  });
  return row;
}

function partyFor(
  name: CellName,
  role: string,
  spec: InstallationSpec,
  source: CertificateSource,
): Eui | 'root' | undefined {
  const override = spec.cells?.[name];
  if (override === 'empty') return undefined;
  if (override !== undefined) return override;
  if (name === 'root') return 'root';
  const dcc = DCC_CELLS[name];
  if (dcc) return source.dcc(dcc);
  if (role === 'supplier') return spec.supplier;
  const no = spec.networkOperator;
  if (no === 'supplier') return spec.supplier;
  if (no === 'accessControlBroker') return source.dcc('accessControlBroker');
  return no;
}

/** An installation spec from data (estate file, Gherkin table): EUIs as text, type by name. */
export function parseInstallationSpec(data: unknown, field = 'installation'): InstallationSpec {
  if (typeof data !== 'object' || data === null) throw new InvalidInputError(field, 'an object', data);
  const d = data as Record<string, unknown>;
  const type = parseDeviceType(d.type, `${field}.type`);
  const supplier = d.supplier === undefined ? undefined : Eui.parse(d.supplier, `${field}.supplier`);
  const no = d.networkOperator;
  const networkOperator =
    no === undefined || no === 'supplier' || no === 'accessControlBroker'
      ? no
      : Eui.parse(no, `${field}.networkOperator`);
  let cells: Partial<Record<CellName, Eui | 'empty'>> | undefined;
  if (d.cells !== undefined) {
    if (typeof d.cells !== 'object' || d.cells === null)
      throw new InvalidInputError(`${field}.cells`, 'an object', d.cells);
    cells = {};
    for (const [name, value] of Object.entries(d.cells)) {
      if (!isCellName(name)) throw new InvalidInputError(`${field}.cells`, 'cell names', name);
      cells[name] = value === 'empty' ? 'empty' : Eui.parse(value, `${field}.cells.${name}`);
    }
  }
  return {
    type,
    ...(supplier && { supplier }),
    ...(networkOperator !== undefined && { networkOperator }),
    ...(cells && { cells }),
  };
}
