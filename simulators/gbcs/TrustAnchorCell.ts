import { InvalidInputError } from '../core/errors.ts';
import {
  type KeyUsage,
  type RemotePartyRole,
  remotePartyRoleFromNumber,
  remotePartyRoleNumber,
} from '../core/roles.ts';
import { hex } from './ByteReader.ts';
import { type DerReader, TAG } from './derReader.ts';
import { bitString, type DerNode, integer, seq } from './derWriter.ts';
import { GbcsDecodeError } from './GbcsDecodeError.ts';

/** Which cell of a party's pair: the normal one, or the supplier's prepayment top-up KA cell. */
export type CellUsage = 'management' | 'prePaymentTopUp';
const CELL_USAGE_NUMBERS: Readonly<Record<CellUsage, number>> = { management: 0, prePaymentTopUp: 1 };

/** A trust anchor cell: (remote party role, key usage, cell usage). */
export interface TrustAnchorCellIdentifier {
  readonly role: RemotePartyRole;
  readonly keyUsage: KeyUsage;
  readonly cellUsage: CellUsage;
}

/** X.509 KeyUsage as GBCS encodes it: `07 80` digitalSignature, `03 08` keyAgreement (BIT STRING content). */
const KEY_USAGE_BITS: Readonly<Record<KeyUsage, { unusedBits: number; byte: number }>> = {
  DS: { unusedBits: 7, byte: 0x80 },
  KA: { unusedBits: 3, byte: 0x08 },
};

export function keyUsageNode(usage: KeyUsage): DerNode {
  const { unusedBits, byte } = KEY_USAGE_BITS[usage];
  return bitString(Buffer.from([byte]), unusedBits);
}

export function readKeyUsage(r: DerReader, field = 'keyUsage'): KeyUsage {
  const { unusedBits, bytes, tlv } = r.bitString(field);
  for (const [usage, bits] of Object.entries(KEY_USAGE_BITS)) {
    if (bytes.length === 1 && unusedBits === bits.unusedBits && bytes[0] === bits.byte)
      return usage as KeyUsage;
  }
  throw new GbcsDecodeError(
    field,
    tlv.offset,
    'BIT STRING 07 80 (digitalSignature) or 03 08 (keyAgreement)',
    hex(tlv.value),
  );
}

export function cellUsageNumber(usage: CellUsage): number {
  return CELL_USAGE_NUMBERS[usage];
}

/** cellUsage INTEGER, DEFAULT management (0) – so omitted for a management cell, as RTDS shows. */
export function readCellUsage(r: DerReader, field = 'cellUsage'): CellUsage {
  if (r.peekTag() !== TAG.INTEGER) return 'management';
  const at = r.offset;
  const n = r.smallInteger(field);
  if (n === 0) return 'management';
  if (n === 1) return 'prePaymentTopUp';
  throw new GbcsDecodeError(field, at, 'cell usage 0 (management) or 1 (prePaymentTopUp)', String(n));
}

export function cellUsageNode(usage: CellUsage): DerNode | undefined {
  return usage === 'management' ? undefined : integer(CELL_USAGE_NUMBERS[usage]);
}

export function readRole(r: DerReader, field = 'remotePartyRole'): RemotePartyRole {
  const at = r.offset;
  const n = r.smallInteger(field);
  try {
    return remotePartyRoleFromNumber(n, field);
  } catch (e) {
    if (e instanceof InvalidInputError) {
      throw new GbcsDecodeError(field, at, 'a remote party role number (0-7, 127)', String(n));
    }
    throw e;
  }
}

export function roleNode(role: RemotePartyRole): DerNode {
  return integer(remotePartyRoleNumber(role));
}

/** TrustAnchorCellIdentifier ::= SEQUENCE { role INTEGER, keyUsage BIT STRING, cellUsage INTEGER DEFAULT 0 } */
export function readTrustAnchorCell(
  outer: DerReader,
  field: string,
  tag: number = TAG.SEQUENCE,
): TrustAnchorCellIdentifier {
  const r = outer.sequence(field, tag);
  const cell = {
    role: readRole(r, `${field}.role`),
    keyUsage: readKeyUsage(r, `${field}.keyUsage`),
    cellUsage: readCellUsage(r, `${field}.cellUsage`),
  };
  r.end(field);
  return cell;
}

export function trustAnchorCellNode(cell: TrustAnchorCellIdentifier): DerNode {
  return seq(roleNode(cell.role), keyUsageNode(cell.keyUsage), cellUsageNode(cell.cellUsage));
}

export function describeCell(cell: TrustAnchorCellIdentifier): string {
  return `${cell.role} ${cell.keyUsage}${cell.cellUsage === 'management' ? '' : ' (prepayment top-up)'}`;
}
