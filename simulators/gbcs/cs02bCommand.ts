import { hex } from './ByteReader.ts';
import { contextTag, type DerReader, readDer, TAG } from './derReader.ts';
import {
  constructed,
  type DerNode,
  encodeDer,
  generalizedTime,
  integer,
  octetString,
  raw,
  seq,
} from './derWriter.ts';
import { GbcsDecodeError } from './GbcsDecodeError.ts';
import {
  type CredentialsReplacementMode,
  replacementModeFromNumber,
  replacementModeNumber,
} from './replacementModes.ts';
import {
  readTrustAnchorCell,
  type TrustAnchorCellIdentifier,
  trustAnchorCellNode,
} from './TrustAnchorCell.ts';

/**
 * An entry of control field [5] (and of a response's remote party change): SEQUENCE { INTEGER, INTEGER }.
 * The vectors only show `{0, 0}`; the second is a sequence number, the meaning of the first is not
 * established (a remote party role or a counter selector), so it keeps a neutral name.
 */
export interface OtherSeqNumberChange {
  readonly id: number;
  readonly seqNumber: bigint;
}

/** authorisingRemotePartyControl: the mode, then context-tagged optional fields [0]–[5] in order. */
export interface AuthorisingRemotePartyControl {
  readonly credentialsReplacementMode: CredentialsReplacementMode;
  /** [0] IMPLICIT OCTET STRING [spec; in no vector]. */
  readonly plaintextSymmetricKey?: Buffer;
  /** [1] IMPLICIT, one content byte; RTDS supplier success sets 1, the error case omits it. */
  readonly applyTimeBasedCpvChecks?: number;
  /** [2] IMPLICIT TrustAnchorCellIdentifier; omitted when the ACB replaces its own cells on a non-CHF [spec]. */
  readonly authorisingRemotePartyTaCell?: TrustAnchorCellIdentifier;
  /** [3] IMPLICIT INTEGER: the command's originator counter in RTDS. */
  readonly authorisingRemotePartySeqNumber?: bigint;
  /** [4] IMPLICIT INTEGER: the new floor for the party whose cells change. */
  readonly newRemotePartyFloorSeqNumber?: bigint;
  /** [5] IMPLICIT SEQUENCE OF { INTEGER, INTEGER } (RTDS supplierBySupplier: one `{0, 0}`). */
  readonly otherSeqNumberChanges?: readonly OtherSeqNumberChange[];
}

export interface TrustAnchorReplacement {
  /** The certificate to place, DER exactly as carried. */
  readonly replacingCertificate: Buffer;
  readonly targetTrustAnchorCell: TrustAnchorCellIdentifier;
}

/** CS02b Update Security Credentials command payload. */
export interface Cs02bCommand {
  readonly control: AuthorisingRemotePartyControl;
  readonly replacements: readonly TrustAnchorReplacement[];
  readonly certificationPathCertificates: readonly Buffer[];
  /** GeneralizedTime OPTIONAL (untagged) for a future-dated update [spec; in no vector]. */
  readonly executionDateTime?: Date;
}

const CONTROL_TAGS = {
  plaintextSymmetricKey: contextTag(0, false),
  applyTimeBasedCpvChecks: contextTag(1, false),
  authorisingRemotePartyTaCell: contextTag(2, true),
  authorisingRemotePartySeqNumber: contextTag(3, false),
  newRemotePartyFloorSeqNumber: contextTag(4, false),
  otherSeqNumberChanges: contextTag(5, true),
} as const;

export function decodeCs02bCommand(content: Buffer, base = 0): Cs02bCommand {
  return readDer(content, base, 'CS02b command', (top) => {
    const r = top.sequence('CS02b command');
    const control = readControl(r);
    const replacements: TrustAnchorReplacement[] = [];
    const rs = r.sequence('replacements');
    while (!rs.done) {
      const field = `replacements[${replacements.length}]`;
      const e = rs.sequence(field);
      const replacingCertificate = e.tlv(TAG.SEQUENCE, `${field}.replacingCertificate`).raw;
      const targetTrustAnchorCell = readTrustAnchorCell(e, `${field}.targetTrustAnchorCell`);
      e.end(field);
      replacements.push({ replacingCertificate, targetTrustAnchorCell });
    }
    const certificationPathCertificates: Buffer[] = [];
    const cs = r.sequence('certificationPathCertificates');
    while (!cs.done) {
      certificationPathCertificates.push(
        cs.tlv(TAG.SEQUENCE, `certificationPathCertificates[${certificationPathCertificates.length}]`).raw,
      );
    }
    const executionDateTime =
      r.peekTag() === TAG.GENERALIZED_TIME ? r.generalizedTime('executionDateTime') : undefined;
    r.end('CS02b command (after executionDateTime)');
    return {
      control,
      replacements,
      certificationPathCertificates,
      ...(executionDateTime && { executionDateTime }),
    };
  });
}

function readControl(outer: DerReader): AuthorisingRemotePartyControl {
  const r = outer.sequence('authorisingRemotePartyControl');
  const modeAt = r.offset;
  const credentialsReplacementMode = replacementModeFromNumber(
    r.smallInteger('credentialsReplacementMode'),
    modeAt,
  );
  const key = r.optional(CONTROL_TAGS.plaintextSymmetricKey, 'plaintextSymmetricKey');
  const cpv = r.optional(CONTROL_TAGS.applyTimeBasedCpvChecks, 'applyTimeBasedCpvChecks');
  if (cpv && cpv.value.length !== 1) {
    throw new GbcsDecodeError('applyTimeBasedCpvChecks', cpv.offset, 'one content byte', hex(cpv.raw));
  }
  const taCell =
    r.peekTag() === CONTROL_TAGS.authorisingRemotePartyTaCell
      ? readTrustAnchorCell(r, 'authorisingRemotePartyTaCell', CONTROL_TAGS.authorisingRemotePartyTaCell)
      : undefined;
  const seqNumber = optionalInteger(
    r,
    CONTROL_TAGS.authorisingRemotePartySeqNumber,
    'authorisingRemotePartySeqNumber',
  );
  const floor = optionalInteger(r, CONTROL_TAGS.newRemotePartyFloorSeqNumber, 'newRemotePartyFloorSeqNumber');
  const changes =
    r.peekTag() === CONTROL_TAGS.otherSeqNumberChanges
      ? readOtherSeqNumberChanges(r, 'otherSeqNumberChanges', CONTROL_TAGS.otherSeqNumberChanges)
      : undefined;
  if (!r.done) {
    throw new GbcsDecodeError(
      'authorisingRemotePartyControl',
      r.offset,
      'the optional fields [0] to [5] in ascending order, then the end of the control',
      `tag 0x${r.peekTag()!.toString(16).toUpperCase()}`,
    );
  }
  return {
    credentialsReplacementMode,
    ...(key && { plaintextSymmetricKey: key.value }),
    ...(cpv && { applyTimeBasedCpvChecks: cpv.value[0]! }),
    ...(taCell && { authorisingRemotePartyTaCell: taCell }),
    ...(seqNumber !== undefined && { authorisingRemotePartySeqNumber: seqNumber }),
    ...(floor !== undefined && { newRemotePartyFloorSeqNumber: floor }),
    ...(changes && { otherSeqNumberChanges: changes }),
  };
}

function optionalInteger(r: DerReader, tag: number, field: string): bigint | undefined {
  return r.peekTag() === tag ? r.integer(field, tag) : undefined;
}

/** SEQUENCE OF SEQUENCE { id INTEGER, seqNumber INTEGER }, under `tag`. */
export function readOtherSeqNumberChanges(
  outer: DerReader,
  field: string,
  tag: number = TAG.SEQUENCE,
): OtherSeqNumberChange[] {
  const r = outer.sequence(field, tag);
  const out: OtherSeqNumberChange[] = [];
  while (!r.done) {
    const f = `${field}[${out.length}]`;
    const e = r.sequence(f);
    out.push({ id: e.smallInteger(`${f}.id`), seqNumber: e.integer(`${f}.seqNumber`) });
    e.end(f);
  }
  return out;
}

export function otherSeqNumberChangesNode(
  changes: readonly OtherSeqNumberChange[],
  tag: number = TAG.SEQUENCE,
): DerNode {
  return constructed(tag, ...changes.map((c) => seq(integer(c.id), integer(c.seqNumber))));
}

export function encodeCs02bCommand(command: Cs02bCommand): Buffer {
  const c = command.control;
  const t = CONTROL_TAGS;
  const control = seq(
    integer(replacementModeNumber(c.credentialsReplacementMode)),
    c.plaintextSymmetricKey && octetString(c.plaintextSymmetricKey, t.plaintextSymmetricKey),
    c.applyTimeBasedCpvChecks !== undefined
      ? octetString(Buffer.from([c.applyTimeBasedCpvChecks]), t.applyTimeBasedCpvChecks)
      : undefined,
    c.authorisingRemotePartyTaCell &&
      retag(trustAnchorCellNode(c.authorisingRemotePartyTaCell), t.authorisingRemotePartyTaCell),
    c.authorisingRemotePartySeqNumber !== undefined
      ? integer(c.authorisingRemotePartySeqNumber, t.authorisingRemotePartySeqNumber)
      : undefined,
    c.newRemotePartyFloorSeqNumber !== undefined
      ? integer(c.newRemotePartyFloorSeqNumber, t.newRemotePartyFloorSeqNumber)
      : undefined,
    c.otherSeqNumberChanges && otherSeqNumberChangesNode(c.otherSeqNumberChanges, t.otherSeqNumberChanges),
  );
  return encodeDer(
    seq(
      control,
      seq(
        ...command.replacements.map((r) =>
          seq(raw(r.replacingCertificate), trustAnchorCellNode(r.targetTrustAnchorCell)),
        ),
      ),
      seq(...command.certificationPathCertificates.map((cert) => raw(cert))),
      command.executionDateTime && generalizedTime(command.executionDateTime),
    ),
  );
}

function retag(node: DerNode, tag: number): DerNode {
  if (!('children' in node)) throw new RangeError('retag: only constructed nodes');
  return constructed(tag, ...node.children);
}
