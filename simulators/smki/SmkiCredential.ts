import { createPublicKey, type KeyObject } from 'node:crypto';
import type { Eui } from '../core/Eui.ts';
import type { KeyUsage, RemotePartyRole } from '../core/roles.ts';
import { privateKeyToPem } from './keys.ts';
import { type X509Certificate, x509FromDer } from './x509.ts';

export type CredentialKind =
  | 'root-ca'
  | 'organisation-ca'
  | 'device-ca'
  | 'organisation'
  | 'xml-signing'
  | 'device';

export interface SmkiCredentialParts {
  readonly kind: CredentialKind;
  readonly der: Buffer;
  readonly privateKey: KeyObject;
  /** Upper-case hex, no leading zero bytes. */
  readonly serial: string;
  /** DER Name of the subject: what a certificate issued by this credential carries as issuer. */
  readonly subjectName: Buffer;
  /** The 8-byte subject key identifier. */
  readonly keyIdentifier: Buffer;
  readonly eui?: Eui;
  readonly role?: RemotePartyRole;
  readonly usage?: KeyUsage;
}

/**
 * An issued certificate with its private key. Holds the DER and the key; the parsed certificate,
 * the PEM forms and the public key are computed on first use, so issuing stays cheap.
 */
export class SmkiCredential {
  readonly kind: CredentialKind;
  readonly der: Buffer;
  readonly privateKey: KeyObject;
  readonly serial: string;
  readonly subjectName: Buffer;
  readonly keyIdentifier: Buffer;
  readonly eui: Eui | undefined;
  readonly role: RemotePartyRole | undefined;
  readonly usage: KeyUsage | undefined;
  #certificate?: X509Certificate;
  #pem?: string;
  #privateKeyPem?: string;
  #publicKey?: KeyObject;

  constructor(parts: SmkiCredentialParts) {
    this.kind = parts.kind;
    this.der = parts.der;
    this.privateKey = parts.privateKey;
    this.serial = parts.serial;
    this.subjectName = parts.subjectName;
    this.keyIdentifier = parts.keyIdentifier;
    this.eui = parts.eui;
    this.role = parts.role;
    this.usage = parts.usage;
  }

  /** The certificate as @peculiar/x509 parses it. */
  get certificate(): X509Certificate {
    this.#certificate ??= x509FromDer(this.der);
    return this.#certificate;
  }

  /** `-----BEGIN CERTIFICATE-----` PEM, 64-character lines. */
  get pem(): string {
    this.#pem ??= toPem('CERTIFICATE', this.der);
    return this.#pem;
  }

  /** PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`). */
  get privateKeyPem(): string {
    this.#privateKeyPem ??= privateKeyToPem(this.privateKey);
    return this.#privateKeyPem;
  }

  get publicKey(): KeyObject {
    this.#publicKey ??= createPublicKey(this.privateKey);
    return this.#publicKey;
  }

  /** The certificate as base64 DER, the form DUIS carries in elements such as sr:DigitalSigningCertificate. */
  get base64(): string {
    return this.der.toString('base64');
  }
}

export function toPem(label: string, der: Uint8Array): string {
  const lines =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
