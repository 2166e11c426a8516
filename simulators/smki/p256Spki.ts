/**
 * Whether DER is the SubjectPublicKeyInfo of a P-256 key in the form SMKI certificates carry it
 * (id-ecPublicKey, prime256v1, an uncompressed point) with the point on the curve – what making a
 * key object from it would establish, at a fraction of the cost. Anything else answers false and
 * the caller asks node:crypto (which also describes what the key is instead).
 */
const PREFIX = Buffer.from('3059301306072a8648ce3d020106082a8648ce3d030107034200', 'hex');
const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const B = 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn;

export function isP256Spki(spki: Buffer): boolean {
  if (spki.length !== PREFIX.length + 65 || spki[PREFIX.length] !== 0x04) return false;
  if (!spki.subarray(0, PREFIX.length).equals(PREFIX)) return false;
  const x = BigInt(`0x${spki.toString('hex', PREFIX.length + 1, PREFIX.length + 33)}`);
  const y = BigInt(`0x${spki.toString('hex', PREFIX.length + 33)}`);
  if (x >= P || y >= P) return false;
  // y² = x³ − 3x + b (mod p)
  return (y * y) % P === (((x * x * x - 3n * x + B) % P) + P) % P;
}
