import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import { Eui } from '../core/Eui.ts';
import { InvalidInputError, UnknownCredentialError } from '../core/errors.ts';
import type { CredentialUsage } from '../core/roles.ts';
import { type NormalisedName, normaliseName } from './distinguishedName.ts';
import {
  type CellUsage,
  parseCellUsage,
  parseCertificatePem,
  parseCredentialName,
  parsePrivateKeyPem,
  parseRole,
  parseSerial,
  parseUsage,
} from './fields.ts';
import { x509 } from './x509.ts';

/** What a credential is made of, as files and callers supply it. */
export interface CredentialFields {
  /** The owner: a party's Entity ID or a device ID. */
  readonly eui: Eui;
  readonly usage: CredentialUsage;
  /** The certificate's serial number. */
  readonly serial: bigint;
  /** GBCS remote party role number; 135 (User) or 137 (DSP) for XML signing credentials. */
  readonly role: number;
  /** A label for people, e.g. DCC Boxed's `Z1-supplier-ds`. */
  readonly name: string;
  readonly certificatePem: string;
  /** Unencrypted PKCS#8 PEM; absent when the harness holds only the certificate. */
  readonly privateKeyPem?: string;
  /** KA only: which trust anchor cell the key is for. Defaults to `management` for KA. */
  readonly cellUsage?: CellUsage;
}

/**
 * A certificate, perhaps with its private key, filed under an EUI and a usage. Construction only
 * checks the fields' shapes; the certificate and keys are parsed on first use and cached.
 * `checkCredential` verifies that the parts agree; stores run it before accepting a credential.
 */
export class Credential implements CredentialFields {
  readonly eui: Eui;
  readonly usage: CredentialUsage;
  readonly serial: bigint;
  readonly role: number;
  readonly name: string;
  readonly certificatePem: string;
  readonly privateKeyPem?: string;
  readonly cellUsage?: CellUsage;

  #certificate?: X509Certificate;
  #x509?: x509.X509Certificate;
  #privateKey?: KeyObject;
  #issuerName?: NormalisedName;

  constructor(fields: CredentialFields) {
    if (!(fields.eui instanceof Eui)) throw new InvalidInputError('eui', 'an Eui', fields.eui);
    this.eui = fields.eui;
    this.usage = parseUsage(fields.usage);
    this.serial = parseSerial(fields.serial);
    this.role = parseRole(fields.role);
    this.name = parseCredentialName(fields.name);
    this.certificatePem = parseCertificatePem(fields.certificatePem);
    const privateKeyPem = parsePrivateKeyPem(fields.privateKeyPem);
    if (privateKeyPem !== undefined) this.privateKeyPem = privateKeyPem;
    const cellUsage = parseCellUsage(fields.cellUsage, this.usage);
    if (cellUsage !== undefined) this.cellUsage = cellUsage;
  }

  /** `90-B3-D5-1F-30-01-00-00 DS serial 1234 (Z1-supplier-ds)`, for messages. */
  get label(): string {
    return `${this.eui} ${this.usage} serial ${this.serial} (${this.name})`;
  }

  /** The certificate as node:crypto parses it (keys, verification). */
  get certificate(): X509Certificate {
    this.#certificate ??= parseWith(
      'certificate',
      'an X.509 certificate',
      this.certificatePem,
      (pem) => new X509Certificate(pem),
    );
    return this.#certificate;
  }

  /** The certificate as @peculiar/x509 parses it (names, dates, extensions). */
  get x509(): x509.X509Certificate {
    this.#x509 ??= parseWith(
      'certificate',
      'an X.509 certificate',
      this.certificatePem,
      (pem) => new x509.X509Certificate(pem),
    );
    return this.#x509;
  }

  get publicKey(): KeyObject {
    return this.certificate.publicKey;
  }

  get hasPrivateKey(): boolean {
    return this.privateKeyPem !== undefined;
  }

  /** The private key; throws UnknownCredentialError when the store holds only the certificate. */
  get privateKey(): KeyObject {
    if (this.privateKeyPem === undefined) {
      throw new UnknownCredentialError(`no private key is held for ${this.label}`);
    }
    this.#privateKey ??= parseWith('privateKey', 'a PKCS#8 private key', this.privateKeyPem, (pem) =>
      createPrivateKey({ key: pem, format: 'pem' }),
    );
    return this.#privateKey;
  }

  /** Issuer as @peculiar/x509 writes it, in certificate order: `OU=07, CN=Z1`. */
  get issuer(): string {
    return this.x509.issuer;
  }

  get issuerName(): NormalisedName {
    this.#issuerName ??= normaliseName(this.x509.issuerName);
    return this.#issuerName;
  }

  get notBefore(): Date {
    return this.x509.notBefore;
  }

  get notAfter(): Date {
    return this.x509.notAfter;
  }

  isValidAt(at: Date): boolean {
    return this.notBefore.getTime() <= at.getTime() && at.getTime() <= this.notAfter.getTime();
  }

  toString(): string {
    return this.label;
  }
}

function parseWith<T>(field: string, what: string, pem: string, parse: (pem: string) => T): T {
  try {
    return parse(pem);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidInputError(field, `PEM holding ${what} that parses (parser: ${reason})`, pem);
  }
}
