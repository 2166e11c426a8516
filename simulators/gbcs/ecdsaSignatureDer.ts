/**
 * ECDSA signatures in the two forms the estate carries: GBCS's raw r‖s (32 + 32 bytes) and X.509's
 * DER `SEQUENCE { INTEGER r, INTEGER s }` (a CSR's BIT STRING). Converting lets a CSR be signed and
 * checked through a `GbcsSigning`, which speaks r‖s.
 */
const HALF = 32;
const INTEGER = 0x02;
const SEQUENCE = 0x30;

/** The DER form of a 64-byte r‖s: minimal positive INTEGERs (leading zeros dropped, 00 before a high bit). */
export function derOfRawSignature(raw: Uint8Array): Buffer {
  if (raw.length !== 2 * HALF) throw new RangeError(`an r‖s signature is ${2 * HALF} bytes, got ${raw.length}`);
  const r = derInteger(raw.subarray(0, HALF));
  const s = derInteger(raw.subarray(HALF));
  return Buffer.concat([Buffer.from([SEQUENCE, r.length + s.length]), r, s]);
}

/**
 * The r‖s of a DER ECDSA signature, or undefined unless it is exactly one SEQUENCE of two minimal,
 * positive INTEGERs of at most 32 bytes each – what OpenSSL accepts (it refuses any other encoding
 * of the same numbers), so a check through r‖s refuses what a check of the DER would.
 */
export function rawOfDerSignature(der: Uint8Array): Buffer | undefined {
  if (der.length < 2 || der[0] !== SEQUENCE || der[1]! >= 0x80 || der[1] !== der.length - 2) return undefined;
  const raw = Buffer.alloc(2 * HALF);
  let at = 2;
  for (const half of [0, HALF]) {
    if (at + 2 > der.length || der[at] !== INTEGER) return undefined;
    const length = der[at + 1]!;
    const start = at + 2;
    const end = start + length;
    if (length === 0 || length >= 0x80 || end > der.length) return undefined;
    if (der[start]! >= 0x80) return undefined; // negative
    if (length > 1 && der[start] === 0 && der[start + 1]! < 0x80) return undefined; // not minimal
    const magnitude = der[start] === 0 && length > 1 ? der.subarray(start + 1, end) : der.subarray(start, end);
    if (magnitude.length > HALF) return undefined;
    raw.set(magnitude, half + HALF - magnitude.length);
    at = end;
  }
  return at === der.length ? raw : undefined;
}

function derInteger(magnitude: Uint8Array): Buffer {
  let from = 0;
  while (from < magnitude.length - 1 && magnitude[from] === 0) from += 1;
  const value = magnitude.subarray(from);
  const pad = value[0]! >= 0x80 ? 1 : 0;
  const out = Buffer.alloc(2 + pad + value.length);
  out[0] = INTEGER;
  out[1] = pad + value.length;
  out.set(value, 2 + pad);
  return out;
}
