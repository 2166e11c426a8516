import { createECDH, createHmac, createPrivateKey, createPublicKey, hash, type KeyObject } from 'node:crypto';
import { children, readBitString, readSingle, TAG } from './der.ts';
import { p256SpkiOfPoint } from './p256Spki.ts';
import { registerKeyPair, spkiOf } from './publicKeyCache.ts';

/** Order n of the P-256 group. */
const P256_ORDER = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
/** Domain separation for key derivation; change it and every derived key changes. */
const KEY_DERIVATION_SALT = 'smets-harness/smki/key/v1';

/**
 * One ECDH object to turn scalars into points: `setPrivateKey` replaces its key each time, and
 * making a new one per key costs as much as the point multiplication.
 */
const POINT_MAKER = createECDH('prime256v1');

/**
 * HKDF-Extract output by seed (RFC 5869 §2.2): the same for every key of a seed, so computed once.
 * A handful of seeds live in a process; the bound only keeps an odd caller from growing it.
 */
const PSEUDORANDOM_KEYS = new Map<string, Buffer>();
const PSEUDORANDOM_KEY_CACHE_SIZE = 16;
const BLOCK_1 = Buffer.from([1]);
const BLOCK_2 = Buffer.from([2]);

export interface KeyPair {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

/**
 * A P-256 key pair derived from `seed` and `label`: HKDF-SHA-256 (salt fixed, info = label) gives
 * 48 bytes, reduced into the scalar range [1, n-1] (the 16 extra bytes make the bias negligible).
 * The same seed and label give the same key on every run and every machine. Test keys only.
 */
export function deriveKeyPair(seed: string, label: string): KeyPair {
  const okm = hkdf48(seed, label);
  const scalar = (BigInt(`0x${okm.toString('hex')}`) % (P256_ORDER - 1n)) + 1n;
  const d = Buffer.from(scalar.toString(16).padStart(64, '0'), 'hex');
  POINT_MAKER.setPrivateKey(d);
  const point = POINT_MAKER.getPublicKey(); // 04 || x || y
  const privateKey = createPrivateKey({
    format: 'jwk',
    key: {
      kty: 'EC',
      crv: 'P-256',
      d: d.toString('base64url'),
      x: point.toString('base64url', 1, 33),
      y: point.toString('base64url', 33, 65),
    },
  });
  const publicKey = createPublicKey(privateKey);
  // The SPKI is the fixed P-256 prefix and the point: recorded, a CSR or certificate carrying this
  // key finds the key object without importing it, and exporting the key costs nothing.
  registerKeyPair(p256SpkiOfPoint(point), publicKey, privateKey);
  return { privateKey, publicKey };
}

/** HKDF-SHA-256(salt = KEY_DERIVATION_SALT, ikm = seed, info = label), 48 bytes: `hkdfSync`'s output. */
function hkdf48(seed: string, label: string): Buffer {
  let prk = PSEUDORANDOM_KEYS.get(seed);
  if (prk === undefined) {
    prk = createHmac('sha256', KEY_DERIVATION_SALT).update(seed, 'utf8').digest();
    PSEUDORANDOM_KEYS.set(seed, prk);
    if (PSEUDORANDOM_KEYS.size > PSEUDORANDOM_KEY_CACHE_SIZE) {
      PSEUDORANDOM_KEYS.delete(PSEUDORANDOM_KEYS.keys().next().value!);
    }
  }
  const info = Buffer.from(label, 'utf8');
  const t1 = createHmac('sha256', prk).update(info).update(BLOCK_1).digest();
  const t2 = createHmac('sha256', prk).update(t1).update(info).update(BLOCK_2).digest();
  return Buffer.concat([t1, t2.subarray(0, 16)], 48);
}

/** DER SubjectPublicKeyInfo of a public (or private) key; a Buffer is taken to be one already. */
export function subjectPublicKeyInfo(key: KeyObject | Buffer): Buffer {
  return Buffer.isBuffer(key) ? key : spkiOf(key);
}

/**
 * The 8-byte key identifier SMKI certificates carry in SKI/AKI: RFC 5280 §4.2.1.2 method (2), a
 * 0100 type nibble followed by the least significant 60 bits of SHA-1 over the subjectPublicKey
 * bits (checked against the RTDS certificates).
 */
export function keyIdentifier(key: KeyObject | Buffer): Buffer {
  const spki = readSingle(Buffer.isBuffer(key) ? key : subjectPublicKeyInfo(key), TAG.SEQUENCE);
  const bits = children(spki)[1];
  if (bits === undefined) throw new TypeError('keyIdentifier: SubjectPublicKeyInfo without a key');
  const sha1 = hash('sha1', readBitString(bits).bytes, 'buffer');
  const id = Buffer.from(sha1.subarray(12));
  id[0] = 0x40 | (id[0]! & 0x0f);
  return id;
}

/** PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`), the form of the RTDS `.key` files. */
export function privateKeyToPem(privateKey: KeyObject): string {
  return privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

/** True when the key is an EC key on P-256 (prime256v1). */
export function isP256(key: KeyObject): boolean {
  return key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1';
}

/** `an EC key on secp384r1`, `a key of type rsa (2048 bits)`: how a wrong key is named in messages. */
export function describeKey(key: KeyObject): string {
  const details = key.asymmetricKeyDetails;
  if (key.asymmetricKeyType === 'ec') return `an EC key on ${details?.namedCurve ?? 'an unknown curve'}`;
  const bits = details?.modulusLength ? ` (${details.modulusLength} bits)` : '';
  return `a key of type ${key.asymmetricKeyType ?? 'unknown'}${bits}`;
}
