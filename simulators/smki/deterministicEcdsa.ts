import { createECDH, createHash, createHmac, type KeyObject } from 'node:crypto';

/**
 * ECDSA P-256 / SHA-256 with the nonce derived from the key and the message (RFC 6979), so the
 * same key signing the same bytes gives the same signature. The test SMKI signs certificates this
 * way, which makes `npm run certs` byte-identical from one run to the next. Signatures are
 * ordinary ECDSA: any verifier accepts them.
 */
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const BYTES = 32;

/** Private scalars by key object: exporting one costs more than the rest of a signature. */
const SCALARS = new WeakMap<KeyObject, bigint>();

function scalarOf(privateKey: KeyObject): bigint {
  let d = SCALARS.get(privateKey);
  if (d === undefined) {
    const jwk = privateKey.export({ format: 'jwk' });
    if (jwk.crv !== 'P-256' || jwk.d === undefined) throw new TypeError('signDeterministic: expected a P-256 private key');
    d = toBigInt(Buffer.from(jwk.d, 'base64url'));
    SCALARS.set(privateKey, d);
  }
  return d;
}

export function signDeterministic(data: Uint8Array, privateKey: KeyObject, encoding: 'raw' | 'der' = 'der'): Buffer {
  const d = scalarOf(privateKey);
  const hash = createHash('sha256').update(data).digest();
  const z = toBigInt(hash) % N;
  for (const k of nonces(d, hash)) {
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(toBytes(k));
    const point = ecdh.getPublicKey();
    const r = toBigInt(point.subarray(1, 1 + BYTES)) % N;
    if (r === 0n) continue;
    let s = (modInverse(k, N) * (z + r * d)) % N;
    if (s === 0n) continue;
    if (s > N / 2n) s = N - s; // low-S form, accepted everywhere
    return encoding === 'raw' ? Buffer.concat([toBytes(r), toBytes(s)]) : derSignature(r, s);
  }
  throw new Error('unreachable');
}

/** RFC 6979 section 3.2: HMAC-DRBG over the private key and the message hash. */
function* nonces(d: bigint, hash: Buffer): Generator<bigint> {
  const x = toBytes(d);
  const h1 = toBytes(toBigInt(hash) % N);
  let v = Buffer.alloc(BYTES, 0x01);
  let k = Buffer.alloc(BYTES, 0x00);
  const hmac = (key: Buffer, ...parts: Buffer[]) => createHmac('sha256', key).update(Buffer.concat(parts)).digest();
  k = hmac(k, v, Buffer.from([0x00]), x, h1);
  v = hmac(k, v);
  k = hmac(k, v, Buffer.from([0x01]), x, h1);
  v = hmac(k, v);
  for (;;) {
    v = hmac(k, v);
    const candidate = toBigInt(v);
    if (candidate >= 1n && candidate < N) yield candidate;
    k = hmac(k, v, Buffer.from([0x00]));
    v = hmac(k, v);
  }
}

function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [a % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % m) + m) % m;
}

function toBigInt(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${Buffer.from(bytes).toString('hex')}`);
}

function toBytes(n: bigint): Buffer {
  return Buffer.from(n.toString(16).padStart(BYTES * 2, '0'), 'hex');
}

function derSignature(r: bigint, s: bigint): Buffer {
  const integer = (n: bigint) => {
    let bytes = toBytes(n);
    let i = 0;
    while (i < bytes.length - 1 && bytes[i] === 0 && bytes[i + 1]! < 0x80) i++;
    bytes = bytes.subarray(i);
    if (bytes[0]! >= 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
    return Buffer.concat([Buffer.from([0x02, bytes.length]), bytes]);
  };
  const body = Buffer.concat([integer(r), integer(s)]);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]);
}
