import { createECDH, createHmac, hash, type KeyObject } from 'node:crypto';
import { modInverse } from './modInverse.ts';

/**
 * ECDSA P-256 / SHA-256 with the nonce derived from the key and the message (RFC 6979), so the
 * same key signing the same bytes gives the same signature. The test SMKI signs certificates this
 * way, which makes `npm run certs` byte-identical from one run to the next. Signatures are
 * ordinary ECDSA: any verifier accepts them.
 */
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const HALF_N = N / 2n;
const BYTES = 32;
const BYTE_00 = Buffer.from([0x00]);
const BYTE_01 = Buffer.from([0x01]);

/**
 * One ECDH object for k·G: `setPrivateKey` replaces its key each time, and making a new one per
 * signature costs as much as the point multiplication itself.
 */
const POINT_MAKER = createECDH('prime256v1');

interface Scalar {
  readonly d: bigint;
  /** int2octets(d), the HMAC-DRBG's key material. */
  readonly bytes: Buffer;
}

/** Private scalars by key object: exporting one costs more than the rest of a signature. */
const SCALARS = new WeakMap<KeyObject, Scalar>();

function scalarOf(privateKey: KeyObject): Scalar {
  let scalar = SCALARS.get(privateKey);
  if (scalar === undefined) {
    const jwk = privateKey.export({ format: 'jwk' });
    if (jwk.crv !== 'P-256' || jwk.d === undefined) throw new TypeError('signDeterministic: expected a P-256 private key');
    const d = toBigInt(Buffer.from(jwk.d, 'base64url'));
    scalar = { d, bytes: toBytes(d) };
    SCALARS.set(privateKey, scalar);
  }
  return scalar;
}

export function signDeterministic(data: Uint8Array, privateKey: KeyObject, encoding: 'raw' | 'der' = 'der'): Buffer {
  const { d, bytes: x } = scalarOf(privateKey);
  const z = toBigInt(hash('sha256', data, 'buffer')) % N;
  // RFC 6979 section 3.2: HMAC-DRBG keyed by int2octets(d) and bits2octets(hash), i.e. int2octets(z).
  const h1 = toBytes(z);
  let v: Buffer = Buffer.alloc(BYTES, 0x01);
  let k = hmac(Buffer.alloc(BYTES, 0x00), v, BYTE_00, x, h1);
  v = hmac(k, v);
  k = hmac(k, v, BYTE_01, x, h1);
  v = hmac(k, v);
  for (;;) {
    v = hmac(k, v);
    const candidate = toBigInt(v);
    if (candidate >= 1n && candidate < N) {
      const signature = signWithNonce(candidate, v, d, z, encoding);
      if (signature !== undefined) return signature;
    }
    k = hmac(k, v, BYTE_00);
    v = hmac(k, v);
  }
}

/** (r, s) for nonce `k` (its 32 bytes `kBytes`); undefined when r or s is 0 and RFC 6979 asks for the next k. */
function signWithNonce(k: bigint, kBytes: Buffer, d: bigint, z: bigint, encoding: 'raw' | 'der'): Buffer | undefined {
  POINT_MAKER.setPrivateKey(kBytes);
  const point = POINT_MAKER.getPublicKey(); // 04 || x || y
  const r = toBigInt(point.subarray(1, 1 + BYTES)) % N;
  if (r === 0n) return undefined;
  let s = (modInverse(k, N) * (z + r * d)) % N;
  if (s === 0n) return undefined;
  if (s > HALF_N) s = N - s; // low-S form, accepted everywhere
  return encoding === 'raw' ? Buffer.concat([toBytes(r), toBytes(s)], 2 * BYTES) : derSignature(r, s);
}

function hmac(key: Buffer, ...parts: Buffer[]): Buffer {
  const mac = createHmac('sha256', key);
  for (const part of parts) mac.update(part);
  return mac.digest();
}

function toBigInt(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('hex')}`);
}

function toBytes(n: bigint): Buffer {
  return Buffer.from(n.toString(16).padStart(BYTES * 2, '0'), 'hex');
}

function derSignature(r: bigint, s: bigint): Buffer {
  const body = Buffer.concat([derInteger(r), derInteger(s)]);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]);
}

/** A DER INTEGER of a non-negative `n`: minimal, with a leading 00 where the top bit is set. */
function derInteger(n: bigint): Buffer {
  let bytes = toBytes(n);
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0 && bytes[i + 1]! < 0x80) i++;
  bytes = bytes.subarray(i);
  if (bytes[0]! >= 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return Buffer.concat([Buffer.from([0x02, bytes.length]), bytes]);
}
