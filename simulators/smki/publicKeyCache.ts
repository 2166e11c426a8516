import { createPublicKey, type KeyObject } from 'node:crypto';
import { coordinatesOfP256Spki, hasP256SpkiForm } from './p256Spki.ts';

/**
 * Public key objects by SubjectPublicKeyInfo, process-wide, and the SubjectPublicKeyInfo of key
 * objects. Making a key object from DER costs more than the signature check it serves (~120 µs
 * against ~70 µs), and the same keys come back all the time: CA and organisation keys in check
 * after check, a device's new key in the CSR a supplier verifies right after the device derived it.
 * Only the import is cached: every signature is still verified on its own bytes with the key.
 */

/** Entries kept (least recently used dropped first): the four keys of 8,192 devices talking at once. */
const PUBLIC_KEY_CACHE_SIZE = 32_768;

const BY_SPKI = new Map<string, KeyObject>();
/**
 * The DER of keys whose SPKI is known already (imported here, or registered by key derivation), as
 * latin1 text: a string is its own heap object, where a small Buffer kept for as long as its key
 * lives would keep the whole 8 KiB slab of node's buffer pool it was cut from (~18 KB per meter).
 */
const SPKI_OF = new WeakMap<KeyObject, string>();

/**
 * The public key a DER SubjectPublicKeyInfo carries. Throws what `createPublicKey` throws for DER
 * it refuses, so callers keep their verdicts for bad keys.
 */
export function publicKeyFromSpki(spki: Buffer): KeyObject {
  const id = spki.toString('latin1');
  const hit = BY_SPKI.get(id);
  if (hit !== undefined) {
    BY_SPKI.delete(id);
    BY_SPKI.set(id, hit);
    return hit;
  }
  const key = importSpki(spki);
  remember(id, key);
  return key;
}

/**
 * Records a key pair whose SubjectPublicKeyInfo the caller already has (key derivation builds it
 * from the ECDH point), so neither importing that DER nor exporting the key costs anything later.
 * The caller vouches that `spki` is the public key's.
 */
export function registerKeyPair(spki: Buffer, publicKey: KeyObject, privateKey?: KeyObject): void {
  const id = spki.toString('latin1');
  SPKI_OF.set(publicKey, id);
  if (privateKey !== undefined) SPKI_OF.set(privateKey, id);
  BY_SPKI.delete(id);
  remember(id, publicKey);
}

/** DER SubjectPublicKeyInfo of a public key, or of a private key's public half (a fresh copy). */
export function spkiOf(key: KeyObject): Buffer {
  // Fresh bytes each time: what a caller does with them cannot reach the cache.
  return Buffer.from(spkiTextOf(key), 'latin1');
}

/**
 * The same DER as latin1 text, one char a byte: what `spkiOf` copies into a Buffer, for callers
 * that only compare or hash it. Throws what exporting throws for a key that is neither.
 */
export function spkiTextOf(key: KeyObject): string {
  let spki = SPKI_OF.get(key);
  if (spki === undefined) {
    const publicKey = key.type === 'private' ? createPublicKey(key) : key;
    spki = publicKey.export({ format: 'der', type: 'spki' }).toString('latin1');
    SPKI_OF.set(key, spki);
  }
  return spki;
}

function importSpki(spki: Buffer): KeyObject {
  if (hasP256SpkiForm(spki)) {
    // The SMKI's own form: a JWK of the same point imports in half the time of the DER and gives
    // the same key. A point node:crypto refuses falls through to the DER import, for its error.
    const { x, y } = coordinatesOfP256Spki(spki);
    const jwk = { kty: 'EC', crv: 'P-256', x: x.toString('base64url'), y: y.toString('base64url') };
    let key: KeyObject | undefined;
    try {
      key = createPublicKey({ format: 'jwk', key: jwk });
    } catch {
      key = undefined;
    }
    if (key !== undefined) {
      SPKI_OF.set(key, spki.toString('latin1'));
      return key;
    }
  }
  return createPublicKey({ key: spki, format: 'der', type: 'spki' });
}

function remember(id: string, key: KeyObject): void {
  BY_SPKI.set(id, key);
  if (BY_SPKI.size > PUBLIC_KEY_CACHE_SIZE) BY_SPKI.delete(BY_SPKI.keys().next().value!);
}
