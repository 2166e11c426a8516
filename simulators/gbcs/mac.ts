import { createCipheriv, diffieHellman, hash, type KeyObject, timingSafeEqual } from 'node:crypto';
import type { Eui } from '../core/Eui.ts';
import { ACCEPTED, type Verdict, verdictOf } from '../core/verdict.ts';
import { spkiOf } from '../smki/publicKeyCache.ts';
import { hex } from './ByteReader.ts';
import { encodeCommandWrapper, MAC_LENGTH, SECURITY_HEADER, type WrappedMessage } from './CommandWrapper.ts';
import { type CraFlag, decodeGroupingHeader, type GroupingHeader } from './GroupingHeader.ts';

/** The KDF's mode byte: which kind of message the key protects. */
export type KdfMode = CraFlag | 'encryption';
const MODE_BYTES: Readonly<Record<KdfMode, number>> = { command: 1, response: 2, alert: 3, encryption: 4 };

/** Fixed prefix of OtherInfo (the AlgorithmID of the GBCS KDF). */
const OTHER_INFO_PREFIX = Buffer.from('60857406080300', 'hex');

export interface GbcsKeyParams {
  /** This side's key-agreement private key (the DCC ACB's for a command, the device's for a response). */
  readonly privateKey: KeyObject;
  /** The other side's key-agreement public key, e.g. `new X509Certificate(pem).publicKey`. */
  readonly publicKey: KeyObject;
  readonly originator: Eui;
  readonly recipient: Eui;
  readonly originatorCounter: bigint;
  readonly mode: KdfMode;
}

/** 7 + 8 (originator) + 2 + 8 (counter) + 8 (recipient). */
const OTHER_INFO_LENGTH = 33;

/** Writes OtherInfo = 60 85 74 06 08 03 00 ‖ originator ‖ 09 ‖ mode ‖ originator counter (8) ‖ recipient at `at`. */
function writeOtherInfo(out: Buffer, at: number, p: Omit<GbcsKeyParams, 'privateKey' | 'publicKey'>): void {
  OTHER_INFO_PREFIX.copy(out, at);
  out.write(p.originator.hex, at + 7, 8, 'hex');
  out[at + 15] = 0x09;
  out[at + 16] = MODE_BYTES[p.mode];
  out.writeBigUInt64BE(p.originatorCounter, at + 17);
  out.write(p.recipient.hex, at + 25, 8, 'hex');
}

/**
 * ECDH shared secrets by the unordered pair of public keys. Z = d₁·Q₂ = d₂·Q₁ is a function of the two
 * public keys once each side holds the private key matching its own: the DSP (ACB private, device
 * public) and the device (device private, ACB public) hold different key objects for the same pair
 * and share one entry. The private key's own public key is taken from that private key, so a wrong
 * private key names a different pair, gets its own Z, and its MAC fails as it should. The KDF adds
 * counter, parties and mode to Z for every message. Bounded, least recently used dropped first.
 */
const SHARED_SECRET_CACHE_SIZE = 32_768;
const SHARED_SECRETS = new Map<string, Buffer>();
/** Each key object's SubjectPublicKeyInfo (of its public half for a private key), as a map key. */
const KEY_IDS = new WeakMap<KeyObject, string>();

function keyId(key: KeyObject): string {
  let id = KEY_IDS.get(key);
  if (id === undefined) {
    id = spkiOf(key).toString('latin1');
    KEY_IDS.set(key, id);
  }
  return id;
}

function sharedSecret(privateKey: KeyObject, publicKey: KeyObject): Buffer {
  // Anything but a private and a public key goes to node:crypto uncached, to be refused (or not) as ever.
  if (privateKey.type !== 'private' || publicKey.type !== 'public') return diffieHellman({ privateKey, publicKey });
  const own = keyId(privateKey);
  const other = keyId(publicKey);
  // Each id is a whole DER SEQUENCE, so the concatenation of two names exactly one pair.
  const pair = own < other ? own + other : other + own;
  let z = SHARED_SECRETS.get(pair);
  if (z !== undefined) {
    SHARED_SECRETS.delete(pair);
  } else {
    z = diffieHellman({ privateKey, publicKey });
    if (SHARED_SECRETS.size >= SHARED_SECRET_CACHE_SIZE) SHARED_SECRETS.delete(SHARED_SECRETS.keys().next().value!);
  }
  SHARED_SECRETS.set(pair, z);
  return z;
}

/** AES-128 key: first 16 bytes of SHA-256(00 00 00 01 ‖ Z ‖ OtherInfo), Z the ECDH P-256 secret. */
export function deriveGbcsKey(p: GbcsKeyParams): Buffer {
  const z = sharedSecret(p.privateKey, p.publicKey);
  // One buffer hashed in one call: `hash` costs a fraction of a Hash object's three updates.
  const input = Buffer.allocUnsafe(4 + z.length + OTHER_INFO_LENGTH);
  input.writeUInt32BE(1, 0);
  z.copy(input, 4);
  writeOtherInfo(input, 4 + z.length, p);
  return hash('sha256', input, 'buffer').subarray(0, 16);
}

/**
 * AES-128-GCM tag (12 bytes) over empty plaintext: IV = originator system title ‖ 00 00 00 00,
 * AAD = 11 00 00 00 00 00 ‖ the grouping header from DF through its signature field.
 */
export function gbcsMac(key: Buffer, originator: Eui, groupingHeader: Buffer): Buffer {
  const iv = Buffer.concat([originator.toBytes(), Buffer.alloc(4)]);
  const gcm = createCipheriv('aes-128-gcm', key, iv, { authTagLength: MAC_LENGTH });
  gcm.setAAD(Buffer.concat([SECURITY_HEADER, Buffer.from([0x00]), groupingHeader]));
  gcm.final();
  return gcm.getAuthTag();
}

/** The MAC for a grouping header; originator, recipient, counter and mode are read from it. */
export function macForGroupingHeader(
  groupingHeader: Buffer,
  privateKey: KeyObject,
  publicKey: KeyObject,
): Buffer {
  return macForHeader(decodeGroupingHeader(groupingHeader), privateKey, publicKey);
}

/** As macForGroupingHeader, for a header decoded already (its `bytes` are what the MAC covers). */
function macForHeader(h: GroupingHeader, privateKey: KeyObject, publicKey: KeyObject): Buffer {
  const key = deriveGbcsKey({
    privateKey,
    publicKey,
    originator: h.originator,
    recipient: h.recipient,
    originatorCounter: h.originatorCounter,
    mode: h.craFlag,
  });
  return gbcsMac(key, h.originator, h.bytes);
}

/**
 * Wraps a (signed) grouping header in the command wrapper with its MAC – what the DCC does to a User's
 * signed pre-command (ACB KA private key, device KA public key), or a device to a MAC-only response.
 */
export function wrapWithMac(groupingHeader: Buffer, privateKey: KeyObject, publicKey: KeyObject): Buffer {
  return encodeCommandWrapper(groupingHeader, macForGroupingHeader(groupingHeader, privateKey, publicKey));
}

/** Recomputes the MAC of a wrapped message: either side's private key with the other's public key. */
export function verifyMac(message: WrappedMessage, privateKey: KeyObject, publicKey: KeyObject): Verdict {
  const expected = macForHeader(message.header, privateKey, publicKey);
  if (timingSafeEqual(expected, message.mac)) return ACCEPTED;
  const h = message.header;
  return verdictOf([
    {
      code: 'bad-mac',
      message: `the MAC of ${h.craFlag} #${h.originatorCounter} from ${h.originator} to ${h.recipient} is ${hex(message.mac)}; the keys given make ${hex(expected)}`,
    },
  ]);
}
