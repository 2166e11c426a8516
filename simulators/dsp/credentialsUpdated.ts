import { hash } from 'node:crypto';
import type { Eui } from '../core/Eui.ts';
import { Mpan } from '../core/Mpan.ts';
import type { CertificateType, DuisRemotePartyRole, RequestBody, SecurityCredentialsUpdatedAlert } from '../duis/index.ts';
import { decodeGbcsMessage } from '../gbcs/message.ts';
import type { TrustAnchorCellIdentifier } from '../gbcs/TrustAnchorCell.ts';
import type { Mpxn } from '../rdp/mpxn.ts';
import type { RegistrationData } from '../rdp/RegistrationData.ts';
import { gbcsCell } from './credentialsCommand.ts';

/** What a SecurityCredentialsUpdated alert says, minus the device. */
export type CredentialsUpdate = Pick<
  SecurityCredentialsUpdatedAlert,
  'remotePartyRole' | 'certificates' | 'remotePartySeqNumberChange'
>;

/**
 * The cells a CS02b command (6.15.1, 6.21, 6.23) changed, read from the device's response: the
 * replacements whose cell outcome is `success`. Undefined when nothing changed, the response is
 * not a CS02b response with an execution outcome (e.g. future-dated), or it does not decode.
 */
export function credentialsUpdate(body: RequestBody, response: Buffer): CredentialsUpdate | undefined {
  if (
    body.kind !== 'UpdateSecurityCredentialsKRP' &&
    body.kind !== 'RequestHandoverOfDCCControlledDevice' &&
    body.kind !== 'UpdateSecurityCredentialsCoS'
  ) {
    return undefined;
  }
  let outcomes;
  try {
    const payload = decodeGbcsMessage(response).payload;
    if (payload.useCase !== 'CS02b' || payload.direction !== 'response') return undefined;
    outcomes = payload.value.executionOutcome?.certificateOutcomes ?? [];
  } catch {
    return undefined;
  }
  const succeeded = outcomes.filter((o) => o.status === 'success').map((o) => o.cell);
  const certificates = body.replacements
    .filter((r) => succeeded.some((cell) => sameCell(cell, gbcsCell(r.targetCell))))
    .slice(0, 3)
    .map((r) => ({
      certificateType: certificateTypeOf(gbcsCell(r.targetCell)),
      certificateHash: hash('sha1', r.certificate, 'buffer'),
    }));
  if (certificates.length === 0) return undefined;
  const role: DuisRemotePartyRole = body.kind === 'UpdateSecurityCredentialsCoS' ? 'Supplier' : body.remotePartyRole;
  const floor = body.kind === 'UpdateSecurityCredentialsCoS' ? body.supplierFloorSeqNumber : body.remotePartyFloorSeqNumber;
  const topUp =
    body.kind === 'UpdateSecurityCredentialsCoS'
      ? body.supplierPrepaymentTopUpFloorSeqNumber
      : body.remotePartyPrepaymentTopUpFloorSeqNumber;
  return {
    remotePartyRole: role,
    certificates,
    ...(floor !== undefined && {
      remotePartySeqNumberChange: {
        remotePartyFloorSeqNumber: floor,
        ...(topUp !== undefined && { remotePartyPrepaymentTopUpFloorSeqNumber: topUp }),
      },
    }),
  };
}

/**
 * Who is told: the User who asked, and – when Network Operator cells changed – the network operator
 * (MPAN) or gas transporter (MPRN) registered now for the device's meter points, so that an NO
 * learns whose certificates sit in "its" cells. **[assumed]**: DUIS's recipient list for this alert
 * is not in the project's sources.
 */
export function alertRecipients(
  update: CredentialsUpdate,
  requester: Eui,
  mpxns: readonly Mpxn[],
  registrations: RegistrationData,
  now: Date,
): Eui[] {
  const recipients = [requester];
  if (update.remotePartyRole === 'NetworkOperator') {
    for (const mpxn of mpxns) {
      const party =
        mpxn instanceof Mpan ? registrations.networkOperatorAt(mpxn, now) : registrations.gasTransporterAt(mpxn, now);
      if (party !== undefined && !recipients.some((r) => r.equals(party))) recipients.push(party);
    }
  }
  return recipients;
}

function sameCell(a: TrustAnchorCellIdentifier, b: TrustAnchorCellIdentifier): boolean {
  return a.role === b.role && a.keyUsage === b.keyUsage && a.cellUsage === b.cellUsage;
}

function certificateTypeOf(cell: TrustAnchorCellIdentifier): CertificateType {
  if (cell.keyUsage === 'DS') return 'DigitalSigning';
  return cell.cellUsage === 'prePaymentTopUp' ? 'KeyAgreementTopUp' : 'KeyAgreement';
}
