/**
 * The SubjectPublicKeyInfo of a P-256 key in the form SMKI certificates carry it: id-ecPublicKey,
 * prime256v1, an uncompressed point – a fixed 26-byte DER prefix, then 04 ‖ x ‖ y.
 */
const PREFIX = Buffer.from('3059301306072a8648ce3d020106082a8648ce3d030107034200', 'hex');
/** Length of that SubjectPublicKeyInfo: the fixed prefix, then 04 ‖ x ‖ y. */
export const P256_SPKI_LENGTH = PREFIX.length + 65;
const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const B = 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn;

/**
 * Whether DER is such a SubjectPublicKeyInfo with the point on the curve – what making a key object
 * from it would establish, at a fraction of the cost. Anything else answers false and the caller
 * asks node:crypto (which also describes what the key is instead).
 */
export function isP256Spki(spki: Buffer): boolean {
  if (!hasP256SpkiForm(spki)) return false;
  const x = BigInt(`0x${spki.toString('hex', PREFIX.length + 1, PREFIX.length + 33)}`);
  const y = BigInt(`0x${spki.toString('hex', PREFIX.length + 33)}`);
  if (x >= P || y >= P) return false;
  // y² = x³ − 3x + b (mod p)
  return (y * y) % P === (((x * x * x - 3n * x + B) % P) + P) % P;
}

/** Whether DER has the shape (prefix, length, uncompressed point), saying nothing about the point. */
export function hasP256SpkiForm(spki: Buffer): boolean {
  return (
    spki.length === P256_SPKI_LENGTH &&
    spki[PREFIX.length] === 0x04 &&
    spki.compare(PREFIX, 0, PREFIX.length, 0, PREFIX.length) === 0
  );
}

/** The SubjectPublicKeyInfo of an uncompressed P-256 point (04 ‖ x ‖ y, as ECDH gives it). */
export function p256SpkiOfPoint(point: Buffer): Buffer {
  if (point.length !== 65 || point[0] !== 0x04) {
    throw new TypeError('p256SpkiOfPoint: expected an uncompressed P-256 point (65 bytes, 04 ‖ x ‖ y)');
  }
  return Buffer.concat([PREFIX, point], P256_SPKI_LENGTH);
}

/** x and y of a SubjectPublicKeyInfo of that shape (views into it, not copies). */
export function coordinatesOfP256Spki(spki: Buffer): { readonly x: Buffer; readonly y: Buffer } {
  return { x: spki.subarray(PREFIX.length + 1, PREFIX.length + 33), y: spki.subarray(PREFIX.length + 33) };
}
