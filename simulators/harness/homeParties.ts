import type { Eui } from '../core/Eui.ts';
import { InvalidInputError } from '../core/errors.ts';
import type { UserRole } from '../core/roles.ts';
import type { Party } from '../estate/Party.ts';
import type { PartyDirectory } from '../estate/PartyDirectory.ts';
import type { HeldCertificates } from './keyStoreCertificates.ts';
import { DEFAULT_GAS_TRANSPORTER, type Home } from './population.ts';

/** Who a home's NO cells (or slots) take their certificates from, as an InstallationSpec says it. */
export type CellHolder = Eui | 'supplier' | 'accessControlBroker';

/** A home's parties, resolved against the estate, with errors at the home's path. */
export interface HomeParties {
  readonly supplier: Party;
  /** The MPRN's gas transporter. */
  readonly gasTransporter?: Party;
  /** The MPAN's network operator override, when the home names one. */
  readonly networkOperator?: Party;
  /** Who the ESME's NO cells (SMETS2) or slots (SMETS1) take their certificates from. */
  readonly electricityCells?: CellHolder;
  /** Who the GPF's NO cells (SMETS2) or a SMETS1 GSME's NO slots take their certificates from. */
  readonly gasCells?: CellHolder;
}

/**
 * Resolves the party names of home `index`: each must be an estate party holding the User Role its
 * registration needs, and whoever fills NO cells must hold DS and KA certificates in the key store.
 */
export function resolveHomeParties(home: Home, index: number, parties: PartyDirectory, held: HeldCertificates): HomeParties {
  const p = `homes[${index}]`;
  const supplier = named(parties, home.supplier, `${p}.supplier`);
  if (home.mpan) needsRole(supplier, 'IS', `${p}.supplier`, 'an import supplier (IS) for the MPAN');
  if (home.mprn) needsRole(supplier, 'GS', `${p}.supplier`, 'a gas supplier (GS) for the MPRN');
  const gasTransporter = home.mprn ? named(parties, home.gasTransporter ?? DEFAULT_GAS_TRANSPORTER, `${p}.gasTransporter`) : undefined;
  if (gasTransporter) needsRole(gasTransporter, 'GT', `${p}.gasTransporter`, 'a gas transporter (GT)');
  const networkOperator = home.networkOperator === undefined ? undefined : named(parties, home.networkOperator, `${p}.networkOperator`);
  if (networkOperator) needsRole(networkOperator, 'ED', `${p}.networkOperator`, 'a network operator (ED)');
  const registeredNo = networkOperator ?? (home.mpan && parties.networkOperatorFor(home.mpan.distributorId));
  if (home.mpan && registeredNo === undefined) {
    throw new InvalidInputError(`${p}.mpan`, 'an MPAN whose distributor ID has a network operator in the estate (or give networkOperator)', home.mpan.value);
  }
  const cells = (registered: Party | undefined): CellHolder | undefined => {
    const c = home.networkOperatorCells;
    if (c === 'supplier') return 'supplier';
    if (c === 'accessControlBroker') return 'accessControlBroker';
    const holder = c === 'registered' ? registered! : named(parties, c, `${p}.networkOperatorCells`);
    if (!held.has(holder.eui, 'DS') || !held.has(holder.eui, 'KA')) {
      throw new InvalidInputError(`${p}.networkOperatorCells`, 'a party with DS and KA certificates in the key store', holder.name);
    }
    return holder.eui;
  };
  return {
    supplier,
    ...(gasTransporter && { gasTransporter }),
    ...(networkOperator && { networkOperator }),
    ...(home.mpan && { electricityCells: cells(registeredNo) }),
    ...(home.mprn && { gasCells: cells(gasTransporter) }),
  };
}

function named(parties: PartyDirectory, name: string, path: string): Party {
  try {
    return parties.byName(name);
  } catch (error) {
    if (error instanceof InvalidInputError) throw new InvalidInputError(path, error.expected, error.received);
    throw error;
  }
}

function needsRole(party: Party, role: UserRole, path: string, what: string): void {
  if (!party.userRoles.includes(role)) {
    const roles = party.userRoles.length > 0 ? party.userRoles.join(', ') : 'none';
    throw new InvalidInputError(path, what, `${party.name} (User Roles: ${roles})`);
  }
}
