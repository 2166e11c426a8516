import type { Eui } from '../core/Eui.ts';
import type { RemotePartyRole } from '../core/roles.ts';
import {
  CERTIFICATE_UPDATE_STATUS,
  type CertificateUpdateStatus,
  certificateUpdateStatusFromNumber,
} from './certificateStatus.ts';
import {
  type OtherSeqNumberChange,
  otherSeqNumberChangesNode,
  readOtherSeqNumberChanges,
} from './cs02bCommand.ts';
import { type DerReader, readDer, TAG } from './derReader.ts';
import {
  encodeDer,
  enumerated,
  integer,
  type LengthStyle,
  nullValue,
  octetString,
  seq,
} from './derWriter.ts';
import { euiNode, readEui } from './euiDer.ts';
import {
  type CredentialsReplacementMode,
  replacementModeFromNumber,
  replacementModeNumber,
} from './replacementModes.ts';
import {
  readRole,
  readTrustAnchorCell,
  roleNode,
  type TrustAnchorCellIdentifier,
  trustAnchorCellNode,
} from './TrustAnchorCell.ts';

/** The floor sequence number a party now has, as the device reports it. */
export interface RemotePartySeqNumberChange {
  readonly role: RemotePartyRole;
  readonly floorSeqNumber: bigint;
  /** Echo of the command's control [5] (RTDS supplierBySupplier). */
  readonly otherSeqNumberChanges?: readonly OtherSeqNumberChange[];
}

/** What happened to one cell. On failure the replacing IDs equal the existing ones (RTDS error case). */
export interface CertificateUpdateOutcome {
  readonly cell: TrustAnchorCellIdentifier;
  readonly status: CertificateUpdateStatus;
  readonly existingSubjectUniqueId: Eui;
  readonly existingSubjectKeyId: Buffer;
  readonly replacingSubjectUniqueId: Eui;
  readonly replacingSubjectKeyId: Buffer;
}

export interface Cs02bExecutionOutcome {
  /** The command's originator counter. */
  readonly seqNumber: bigint;
  readonly credentialsReplacementMode: CredentialsReplacementMode;
  readonly remotePartySeqNumberChanges: readonly RemotePartySeqNumberChange[];
  readonly certificateOutcomes: readonly CertificateUpdateOutcome[];
}

/**
 * CS02b response: SEQUENCE { commandAccepted NULL, executionOutcome OPTIONAL }. A future-dated command
 * is answered with the NULL alone (no execution outcome) [spec].
 */
export interface Cs02bResponse {
  readonly executionOutcome?: Cs02bExecutionOutcome;
}

export function decodeCs02bResponse(content: Buffer, base = 0): Cs02bResponse {
  return readDer(content, base, 'CS02b response', (top) => {
    const r = top.sequence('CS02b response');
    r.null('commandAccepted');
    const executionOutcome = r.done ? undefined : readOutcome(r);
    r.end('CS02b response');
    return executionOutcome ? { executionOutcome } : {};
  });
}

function readOutcome(outer: DerReader): Cs02bExecutionOutcome {
  const r = outer.sequence('executionOutcome');
  const seqNumber = r.integer('executionOutcome.seqNumber');
  const modeAt = r.offset;
  const credentialsReplacementMode = replacementModeFromNumber(
    r.smallInteger('credentialsReplacementMode'),
    modeAt,
  );
  const remotePartySeqNumberChanges: RemotePartySeqNumberChange[] = [];
  const cs = r.sequence('remotePartySeqNumberChanges');
  while (!cs.done) {
    const field = `remotePartySeqNumberChanges[${remotePartySeqNumberChanges.length}]`;
    const e = cs.sequence(field);
    const role = readRole(e, `${field}.role`);
    const floorSeqNumber = e.integer(`${field}.floorSeqNumber`);
    const other = e.done ? undefined : readOtherSeqNumberChanges(e, `${field}.otherSeqNumberChanges`);
    e.end(field);
    remotePartySeqNumberChanges.push({
      role,
      floorSeqNumber,
      ...(other && { otherSeqNumberChanges: other }),
    });
  }
  const certificateOutcomes: CertificateUpdateOutcome[] = [];
  const os = r.sequence('certificateOutcomes');
  while (!os.done) {
    const field = `certificateOutcomes[${certificateOutcomes.length}]`;
    const e = os.sequence(field);
    const cell = readTrustAnchorCell(e, `${field}.cell`);
    const statusAt = e.offset;
    const status = certificateUpdateStatusFromNumber(
      e.enumerated(`${field}.status`),
      statusAt,
      `${field}.status`,
    );
    certificateOutcomes.push({
      cell,
      status,
      existingSubjectUniqueId: readEui(e, `${field}.existingSubjectUniqueId`),
      existingSubjectKeyId: e.octetString(`${field}.existingSubjectKeyId`),
      replacingSubjectUniqueId: readEui(e, `${field}.replacingSubjectUniqueId`),
      replacingSubjectKeyId: e.octetString(`${field}.replacingSubjectKeyId`),
    });
    e.end(field);
  }
  r.end('executionOutcome');
  return { seqNumber, credentialsReplacementMode, remotePartySeqNumberChanges, certificateOutcomes };
}

/** Devices write long lengths as `82 hh ll` (RTDS); pass `minimal` for strict DER. */
export function encodeCs02bResponse(response: Cs02bResponse, style: LengthStyle = 'long2'): Buffer {
  const o = response.executionOutcome;
  const outcome =
    o &&
    seq(
      integer(o.seqNumber),
      integer(replacementModeNumber(o.credentialsReplacementMode)),
      seq(
        ...o.remotePartySeqNumberChanges.map((c) =>
          seq(
            roleNode(c.role),
            integer(c.floorSeqNumber),
            c.otherSeqNumberChanges && otherSeqNumberChangesNode(c.otherSeqNumberChanges, TAG.SEQUENCE),
          ),
        ),
      ),
      seq(
        ...o.certificateOutcomes.map((c) =>
          seq(
            trustAnchorCellNode(c.cell),
            enumerated(CERTIFICATE_UPDATE_STATUS[c.status]),
            euiNode(c.existingSubjectUniqueId),
            octetString(c.existingSubjectKeyId),
            euiNode(c.replacingSubjectUniqueId),
            octetString(c.replacingSubjectKeyId),
          ),
        ),
      ),
    );
  return encodeDer(seq(nullValue(), outcome), style);
}
