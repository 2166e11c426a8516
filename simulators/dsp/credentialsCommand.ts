import { InvalidInputError } from '../core/errors.ts';
import {
  authorisingCellFor,
  coreRemotePartyRole,
  type DuisRemotePartyRole,
  type RequestHandoverBody,
  type TrustAnchorCellRef,
  type UpdateSecurityCredentialsCosBody,
  type UpdateSecurityCredentialsKrpBody,
} from '../duis/index.ts';
import type { Cs02bCommand } from '../gbcs/cs02bCommand.ts';
import type { CredentialsReplacementMode } from '../gbcs/replacementModes.ts';
import type { TrustAnchorCellIdentifier } from '../gbcs/TrustAnchorCell.ts';

export type CredentialsBody =
  | UpdateSecurityCredentialsKrpBody
  | RequestHandoverBody
  | UpdateSecurityCredentialsCosBody;

/** CS02b mode by the role whose cells are replaced (6.15.1, and 6.21 where the ACB holds them). */
const MODE_BY_ROLE: Partial<Record<DuisRemotePartyRole, CredentialsReplacementMode>> = {
  Supplier: 'supplierBySupplier',
  NetworkOperator: 'networkOperatorByNetworkOperator',
  ACB: 'accessControlBrokerByACB',
  Root: 'rootBySupplier',
  TransCoS: 'transCoSByTransCoS',
};

/**
 * The CS02b Update Security Credentials payload for 6.15.1, 6.21 and 6.23, from the DUIS body.
 * Field mapping (the RTDS vectors show the shape; the DUIS-to-GBCS mapping is **[assumed]** where
 * noted):
 * - mode: 6.23 supplierByTransCoS; otherwise by the replaced role (Supplier → supplierBySupplier,
 *   NetworkOperator → networkOperatorByNetworkOperator, ACB, Root → rootBySupplier, TransCoS);
 *   Recovery and LoadController are refused (the harness builds no CS02b for them);
 * - authorising cell: the parser's `authorisingCell`, else `authorisingCellFor`;
 * - authorising party's sequence number: the command's originator counter (as in RTDS);
 * - new floor: RemotePartyFloorSeqNumber (6.23: SupplierFloorSeqNumber);
 * - the prepayment top-up floor, when given, as control [5] entry {0, floor} **[assumed]** (RTDS
 *   supplierBySupplier carries `{0, 0}` where its request gives a top-up floor of 0);
 * - ApplyTimeBasedCPVChecks true → [1] = 1, false → omitted **[assumed]**;
 * - ExecutionDateTime → executionDateTime (a cancellation date is passed on as is).
 */
export function credentialsCommand(srvId: string, body: CredentialsBody, seqNumber: bigint): Cs02bCommand {
  const role: DuisRemotePartyRole = body.kind === 'UpdateSecurityCredentialsCoS' ? 'Supplier' : body.remotePartyRole;
  const mode = srvId === '6.23' ? 'supplierByTransCoS' : MODE_BY_ROLE[role];
  if (mode === undefined) {
    throw new InvalidInputError(
      'RemotePartyRole',
      `a role whose cells the harness can replace (${Object.keys(MODE_BY_ROLE).join(', ')})`,
      role,
    );
  }
  const floor = body.kind === 'UpdateSecurityCredentialsCoS' ? body.supplierFloorSeqNumber : body.remotePartyFloorSeqNumber;
  const topUp =
    body.kind === 'UpdateSecurityCredentialsCoS'
      ? body.supplierPrepaymentTopUpFloorSeqNumber
      : body.remotePartyPrepaymentTopUpFloorSeqNumber;
  return {
    control: {
      credentialsReplacementMode: mode,
      ...(body.applyTimeBasedCpvChecks && { applyTimeBasedCpvChecks: 1 }),
      authorisingRemotePartyTaCell: gbcsCell(body.authorisingCell ?? authorisingCellFor(srvId, role)),
      authorisingRemotePartySeqNumber: seqNumber,
      ...(floor !== undefined && { newRemotePartyFloorSeqNumber: floor }),
      ...(topUp !== undefined && { otherSeqNumberChanges: [{ id: 0, seqNumber: topUp }] }),
    },
    replacements: body.replacements.map((r) => ({
      replacingCertificate: r.certificate,
      targetTrustAnchorCell: gbcsCell(r.targetCell),
    })),
    certificationPathCertificates: body.certificationPathCertificates,
    ...(body.executionDateTime && { executionDateTime: body.executionDateTime }),
  };
}

/** A DUIS cell reference as GBCS writes it. */
export function gbcsCell(cell: TrustAnchorCellRef): TrustAnchorCellIdentifier {
  const role = coreRemotePartyRole(cell.role);
  if (role === undefined) {
    throw new InvalidInputError('RemotePartyRole', 'a role GBCS trust anchor cells have', cell.role);
  }
  return { role, keyUsage: cell.keyUsage, cellUsage: cell.cellUsage };
}
