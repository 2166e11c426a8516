import { type KeyObject, X509Certificate } from 'node:crypto';
import { Eui } from '../core/Eui.ts';
import type { KeyUsage, RemotePartyRole } from '../core/roles.ts';
import { describeCertificate, x509FromDer } from '../smki/index.ts';

const SUBJECT_KEY_IDENTIFIER = '2.5.29.14';
/** What a device reports for an empty cell: an all-zero Entity ID and an empty key ID [assumed]. */
export const EMPTY_ENTITY_ID: Eui = Eui.parse('0000000000000000');

/**
 * One certificate held in some device's trust anchor cell. Shared: every device holding the same
 * certificate points at the same entry, so a million devices with the supplier's three certificates
 * cost three entries, not three million.
 */
export class CertificateEntry {
  readonly der: Buffer;
  /** Subject x500UniqueIdentifier: the Entity ID the device compares the originator with. */
  readonly entityId: Eui;
  /** Subject key identifier (8 bytes in the SMKI profile), as CS02a/CS02b responses report it. */
  readonly keyId: Buffer;
  readonly role: RemotePartyRole | undefined;
  readonly usage: KeyUsage | undefined;
  #x509?: X509Certificate;
  #publicKey?: KeyObject;

  constructor(der: Buffer) {
    this.der = der;
    const description = describeCertificate(der);
    this.entityId = description.eui ?? EMPTY_ENTITY_ID;
    this.role = description.role;
    this.usage = description.usage;
    this.keyId = subjectKeyIdOf(der);
  }

  /** node:crypto's view, for signature checks and chain building. */
  get x509(): X509Certificate {
    this.#x509 ??= new X509Certificate(this.der);
    return this.#x509;
  }

  get publicKey(): KeyObject {
    // One KeyObject per certificate: X509Certificate makes a new one per call, and the GBCS MAC's
    // shared-secret cache (gbcs/mac.ts) is keyed by key object.
    this.#publicKey ??= this.x509.publicKey;
    return this.#publicKey;
  }
}

/** The intern table: index 0 means "empty cell"; certificates are added once and never removed. */
export class CertificateTable {
  readonly #entries: (CertificateEntry | undefined)[] = [undefined];
  readonly #byDer = new Map<string, number>();

  /** The index of this certificate, adding it on first sight. Throws if the bytes are not a certificate. */
  intern(der: Uint8Array): number {
    const buffer = Buffer.from(der);
    const key = buffer.toString('base64');
    const known = this.#byDer.get(key);
    if (known !== undefined) return known;
    const index = this.#entries.length;
    this.#entries.push(new CertificateEntry(buffer));
    this.#byDer.set(key, index);
    return index;
  }

  /** The entry at an index; undefined for 0 (empty). */
  entry(index: number): CertificateEntry | undefined {
    return this.#entries[index];
  }

  get size(): number {
    return this.#entries.length - 1;
  }
}

/** The subject key identifier extension's key ID; falls back to an empty buffer when absent. */
function subjectKeyIdOf(der: Buffer): Buffer {
  const extension = x509FromDer(der).extensions.find((e) => e.type === SUBJECT_KEY_IDENTIFIER);
  if (extension === undefined) return Buffer.alloc(0);
  const value = Buffer.from(extension.value);
  // extnValue content: OCTET STRING { keyIdentifier }
  if (value[0] !== 0x04 || value.length < 2 || value[1]! >= 0x80) return Buffer.alloc(0);
  return value.subarray(2, 2 + value[1]!);
}
