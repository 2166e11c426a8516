import type { KeyUsage, RemotePartyRole } from '../core/roles.ts';

/** sr:RemotePartyRole as the DUIS 5.4 schema enumerates it. */
export const DUIS_REMOTE_PARTY_ROLES = [
  'ACB',
  'NetworkOperator',
  'Recovery',
  'Root',
  'Supplier',
  'TransCoS',
  'LoadController',
] as const;
export type DuisRemotePartyRole = (typeof DUIS_REMOTE_PARTY_ROLES)[number];

const CORE_ROLE: Record<DuisRemotePartyRole, RemotePartyRole | undefined> = {
  ACB: 'accessControlBroker',
  NetworkOperator: 'networkOperator',
  Recovery: 'recovery',
  Root: 'root',
  Supplier: 'supplier',
  TransCoS: 'transitionalCoS',
  // GBCS 4.x adds a load-controller role; core/roles.ts (GBCS remote party roles 0–7, 127) has none.
  LoadController: undefined,
};

/** The harness's GBCS remote party role for a DUIS one (`undefined` for LoadController, not modelled in core). */
export function coreRemotePartyRole(role: DuisRemotePartyRole): RemotePartyRole | undefined {
  return CORE_ROLE[role];
}

export type CellUsage = 'management' | 'prePaymentTopUp';

/** A device trust anchor cell: (remote party role, key usage, cell usage). */
export interface TrustAnchorCellRef {
  readonly role: DuisRemotePartyRole;
  readonly keyUsage: KeyUsage;
  readonly cellUsage: CellUsage;
}

/** A certificate to place and the cell it replaces. */
export interface Replacement {
  readonly certificate: Buffer;
  readonly targetCell: TrustAnchorCellRef;
}

/** The DUIS element that carries the certificate for each kind of cell, in schema order. */
export const REPLACEMENT_ELEMENTS = [
  { element: 'DigitalSigningCertificate', keyUsage: 'DS', cellUsage: 'management' },
  { element: 'KeyAgreementCertificate', keyUsage: 'KA', cellUsage: 'management' },
  { element: 'KeyAgreementTopUpCertificate', keyUsage: 'KA', cellUsage: 'prePaymentTopUp' },
] as const satisfies readonly { element: string; keyUsage: KeyUsage; cellUsage: CellUsage }[];

export function cell(role: DuisRemotePartyRole, keyUsage: KeyUsage, cellUsage: CellUsage = 'management') {
  return { role, keyUsage, cellUsage } satisfies TrustAnchorCellRef;
}

/**
 * Replacements for `role`'s cells from the certificates a request carries, in schema order: DS
 * into the management DS cell, KA into the management KA cell, KA top-up into the prepayment
 * top-up KA cell.
 */
export function replacementsFor(
  role: DuisRemotePartyRole,
  certs: { digitalSigning?: Buffer; keyAgreement?: Buffer; keyAgreementTopUp?: Buffer },
): Replacement[] {
  const byElement = {
    DigitalSigningCertificate: certs.digitalSigning,
    KeyAgreementCertificate: certs.keyAgreement,
    KeyAgreementTopUpCertificate: certs.keyAgreementTopUp,
  };
  return REPLACEMENT_ELEMENTS.flatMap(({ element, keyUsage, cellUsage }) => {
    const certificate = byElement[element];
    return certificate === undefined ? [] : [{ certificate, targetCell: cell(role, keyUsage, cellUsage) }];
  });
}

/**
 * The cell whose current certificate must have signed the GBCS command (CS02b credentials
 * replacement mode), derived from the SRV and the role whose cells are replaced — DUIS does not
 * carry it:
 * - 6.23 (supplierByTransCoS): the TransCoS DS cell;
 * - Root (rootBySupplier) and LoadController (loadControllerBySupplier, RTDS CS02g): the Supplier DS cell;
 * - any other role (supplierBySupplier, networkOperatorByNetworkOperator, accessControlBrokerByACB,
 *   transCoSByTransCoS, recovery): that role's own DS cell. For 6.21 this is the same cell as for
 *   6.15.1 – what differs is who holds it (the DCC's ACB certificate sits there, so the DCC signs).
 */
export function authorisingCellFor(srvId: string, role: DuisRemotePartyRole): TrustAnchorCellRef {
  if (srvId === '6.23') return cell('TransCoS', 'DS');
  return cell(role === 'Root' || role === 'LoadController' ? 'Supplier' : role, 'DS');
}
