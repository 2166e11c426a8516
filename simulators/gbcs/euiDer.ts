import { Eui } from '../core/Eui.ts';
import type { DerReader } from './derReader.ts';
import { type DerNode, octetString } from './derWriter.ts';
import { GbcsDecodeError } from './GbcsDecodeError.ts';

/** An 8-byte OCTET STRING holding an Entity ID / device ID. */
export function readEui(r: DerReader, field: string): Eui {
  const at = r.offset;
  const bytes = r.octetString(field);
  if (bytes.length !== 8)
    throw new GbcsDecodeError(field, at, 'an 8-byte EUI-64 OCTET STRING', `${bytes.length} bytes`);
  return Eui.fromBytes(bytes, field);
}

export function euiNode(eui: Eui): DerNode {
  return octetString(eui.toBytes());
}
