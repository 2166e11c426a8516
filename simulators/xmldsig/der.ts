/**
 * Just enough DER to find and read an X.501 Name in a certificate: single-byte tags, definite
 * lengths. Anything else is refused with a RangeError (the input is a certificate that node's
 * X509Certificate has already parsed, so a failure here is a bug, not a user error).
 */

/** One TLV: `tag`, where its header starts, where its content starts, and where it ends. */
export interface Tlv {
  readonly tag: number;
  readonly start: number;
  readonly contentStart: number;
  readonly end: number;
}

export function readTlv(der: Uint8Array, offset: number, limit: number = der.length): Tlv {
  if (offset + 2 > limit) throw new RangeError(`DER: truncated header at ${offset}`);
  const tag = der[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new RangeError(`DER: multi-byte tag at ${offset}`);
  let length = der[offset + 1]!;
  let contentStart = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) throw new RangeError(`DER: unsupported length form at ${offset}`);
    if (contentStart + count > limit) throw new RangeError(`DER: truncated length at ${offset}`);
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + der[contentStart + i]!;
    contentStart += count;
  }
  const end = contentStart + length;
  if (end > limit) throw new RangeError(`DER: content overruns its container at ${offset}`);
  return { tag, start: offset, contentStart, end };
}

/** The TLVs directly inside a constructed TLV. */
export function childrenOf(der: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = parent.contentStart; at < parent.end; ) {
    const child = readTlv(der, at, parent.end);
    out.push(child);
    at = child.end;
  }
  return out;
}

export function contentOf(der: Uint8Array, tlv: Tlv): Uint8Array {
  return der.subarray(tlv.contentStart, tlv.end);
}

export function bytesOf(der: Uint8Array, tlv: Tlv): Uint8Array {
  return der.subarray(tlv.start, tlv.end);
}

/** An OBJECT IDENTIFIER's content as dotted decimal. */
export function decodeOid(content: Uint8Array): string {
  const arcs: bigint[] = [];
  let value = 0n;
  for (const byte of content) {
    value = (value << 7n) | BigInt(byte & 0x7f);
    if ((byte & 0x80) === 0) {
      arcs.push(value);
      value = 0n;
    }
  }
  if (arcs.length === 0) throw new RangeError('DER: empty OBJECT IDENTIFIER');
  const first = arcs[0]!;
  const head = first < 80n ? [first / 40n, first % 40n] : [2n, first - 80n];
  return [...head, ...arcs.slice(1)].join('.');
}

/** The issuer Name (SEQUENCE) of a DER certificate: Certificate → TBSCertificate → issuer. */
export function issuerNameOfCertificate(certificate: Uint8Array): Uint8Array {
  const cert = readTlv(certificate, 0);
  const tbs = childrenOf(certificate, cert)[0];
  if (tbs === undefined) throw new RangeError('DER: certificate without TBSCertificate');
  const fields = childrenOf(certificate, tbs);
  const skipVersion = fields[0]?.tag === 0xa0 ? 1 : 0;
  const issuer = fields[skipVersion + 2];
  if (issuer === undefined || issuer.tag !== 0x30) throw new RangeError('DER: TBSCertificate without issuer');
  return bytesOf(certificate, issuer);
}
