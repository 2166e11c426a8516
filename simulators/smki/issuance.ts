import { Eui } from '../core/Eui.ts';
import { InvalidInputError } from '../core/errors.ts';
import { type KeyUsage, REMOTE_PARTY_ROLES, type RemotePartyRole, remotePartyRoleOu } from '../core/roles.ts';
import { signCertificate } from './certificate.ts';
import { sequence } from './der.ts';
import {
  authorityKeyIdentifierExtension,
  certificatePoliciesExtension,
  hardwareModuleNameExtension,
  keyUsageExtension,
  subjectKeyIdentifierExtension,
} from './extensions.ts';
import { deriveKeyPair, type KeyPair, keyIdentifier } from './keys.ts';
import { organisationSubject } from './names.ts';
import {
  DEFAULT_VALIDITY,
  DEVICE_HW_TYPE_OID,
  DEVICE_POLICY_OID,
  ORGANISATION_POLICY_OID,
} from './profile.ts';
import { type CredentialKind, SmkiCredential } from './SmkiCredential.ts';
import { deriveSerial, parseSerial, serialHex } from './serials.ts';

/**
 * End-entity issuance: pure functions of (seed, issuing CA, parameters), cheap enough to call
 * lazily per device. Keys and serials derive from seed + kind + EUI + usage + generation, so the
 * same call gives the same key and serial on every run; `generation` gives a fresh key and serial
 * for the same party (a replacement certificate).
 */

export interface IssueOptions {
  readonly notBefore?: Date;
  readonly notAfter?: Date;
  /** Overrides the derived serial: hex digits or a bigint, positive. */
  readonly serial?: string | bigint;
  /** Which credential of this kind for this EUI and usage; 0 (the default) is the first. */
  readonly generation?: number;
}

export interface OrganisationCertificateParams extends IssueOptions {
  readonly eui: Eui;
  readonly role: RemotePartyRole;
  readonly usage: KeyUsage;
  /** Optional subject CN (e.g. `GITTESTSUPPLIER`); RTDS has it on some DS certificates only. */
  readonly name?: string;
  /**
   * The trust anchor cell use the credential is for. A supplier's prepayment top-up KA credential
   * (`prePaymentTopUp`) is a certificate of its own, with its own key and serial. Default `management`.
   */
  readonly cellUsage?: 'management' | 'prePaymentTopUp';
}

export interface XmlSigningCertificateParams extends IssueOptions {
  readonly eui: Eui;
  readonly role: RemotePartyRole;
  /** Subject CN; defaults to `XMLSIGN-<EUI hex>`. */
  readonly name?: string;
  /** Whose XML signatures: a DCC User's (subject OU 87) or the DSP's (OU 89). Default `user`. */
  readonly signer?: XmlSigner;
}

export type XmlSigner = 'user' | 'dsp';

/**
 * Role numbers DCC Boxed gives XML-signing credentials, written as the subject OU in hex: 135 (87)
 * for a User's, 137 (89) for the DSP's. DCC Boxed's own keystore library reads the role from the OU,
 * so following it lets a DCC Boxed client find the harness's XML keys by role. [assumed from DCC Boxed]
 */
export const XML_SIGNING_ROLE_NUMBERS: Readonly<Record<XmlSigner, number>> = { user: 135, dsp: 137 };

export interface DeviceCertificateParams extends IssueOptions {
  readonly eui: Eui;
  readonly usage: KeyUsage;
}

const KEY_USAGE_OF = { DS: 'digitalSignature', KA: 'keyAgreement' } as const;

/** Organisation certificate: issuer Z1, subject [CN,] OU=<role>, x500UniqueIdentifier=<EUI>. */
export function issueOrganisationCertificate(
  seed: string,
  organisationCa: SmkiCredential,
  params: OrganisationCertificateParams,
): SmkiCredential {
  const usage = checkUsage(params.usage);
  const cellUsage = params.cellUsage ?? 'management';
  if (cellUsage !== 'management' && cellUsage !== 'prePaymentTopUp') {
    throw new InvalidInputError('cellUsage', '"management" or "prePaymentTopUp"', cellUsage);
  }
  const variant = cellUsage === 'management' ? undefined : cellUsage;
  return issueOrganisational(
    seed,
    organisationCa,
    'organisation',
    params,
    usage,
    params.name,
    undefined,
    variant,
  );
}

/**
 * The separate credential a DCC User (or the DSP) signs DUIS XML with. Same issuer (Z1), policy and
 * critical digitalSignature key usage as an organisation DS certificate; it differs in its key pair,
 * its serial (derived as kind `xml-signing`), its subject OU (87 for a User, 89 for the DSP, as in
 * DCC Boxed) and its subject CN (`XMLSIGN-<EUI hex>` unless named), so a verifier resolving by issuer
 * and serial finds it and not the GBCS DS certificate.
 */
export function issueXmlSigningCertificate(
  seed: string,
  organisationCa: SmkiCredential,
  params: XmlSigningCertificateParams,
): SmkiCredential {
  const eui = checkEui(params.eui);
  const signer = params.signer ?? 'user';
  if (signer !== 'user' && signer !== 'dsp') throw new InvalidInputError('signer', '"user" or "dsp"', signer);
  const ou = XML_SIGNING_ROLE_NUMBERS[signer].toString(16).toUpperCase();
  return issueOrganisational(
    seed,
    organisationCa,
    'xml-signing',
    params,
    'DS',
    params.name ?? `XMLSIGN-${eui.hex}`,
    ou,
  );
}

function issueOrganisational(
  seed: string,
  ca: SmkiCredential,
  kind: CredentialKind,
  params: OrganisationCertificateParams | XmlSigningCertificateParams,
  usage: KeyUsage,
  commonName: string | undefined,
  ou?: string,
  variant?: string,
): SmkiCredential {
  const eui = checkEui(params.eui);
  const role = checkRole(params.role);
  if (commonName !== undefined && (typeof commonName !== 'string' || !/^\S(.{0,62}\S)?$/.test(commonName))) {
    throw new InvalidInputError(
      'name',
      'a certificate CN of 1 to 64 characters, no outer spaces',
      commonName,
    );
  }
  return issue(seed, ca, kind, eui, usage, params, DEFAULT_VALIDITY.organisation, {
    subject: organisationSubject(eui, ou ?? remotePartyRoleOu(role), commonName),
    policy: ORGANISATION_POLICY_OID,
    role,
    ...(variant === undefined ? {} : { variant }),
  });
}

/** Device certificate: issuer the device CA, empty subject, EUI in a critical SAN hardwareModuleName. */
export function issueDeviceCertificate(
  seed: string,
  deviceCa: SmkiCredential,
  params: DeviceCertificateParams,
  /** The pair `deriveDeviceKeyPair` gave for the same parameters, when the caller has it already. */
  keys?: KeyPair,
): SmkiCredential {
  const eui = checkEui(params.eui);
  const usage = checkUsage(params.usage);
  const shape = {
    subject: sequence(),
    policy: DEVICE_POLICY_OID,
    san: hardwareModuleNameExtension(DEVICE_HW_TYPE_OID, eui.toBytes()),
  };
  return issue(seed, deviceCa, 'device', eui, usage, params, DEFAULT_VALIDITY.device, shape, keys);
}

export interface DeviceKeyCertificationParams {
  readonly eui: Eui;
  readonly usage: KeyUsage;
  /** The DER SubjectPublicKeyInfo to certify (a CSR's). */
  readonly subjectPublicKeyInfo: Buffer;
  readonly notBefore?: Date;
  readonly notAfter?: Date;
}

/**
 * A device certificate for a key the device generated itself (CS02c's CSR, once its proof of
 * possession has been checked): the same profile as `issueDeviceCertificate`, the serial derived from
 * the seed, EUI, usage and key, so the same CSR gets the same certificate on every run.
 */
export function issueDeviceCertificateForKey(seed: string, deviceCa: SmkiCredential, params: DeviceKeyCertificationParams): Buffer {
  const eui = checkEui(params.eui);
  const usage = checkUsage(params.usage);
  const spki = params.subjectPublicKeyInfo;
  if (!Buffer.isBuffer(spki) || spki.length === 0) throw new InvalidInputError('subjectPublicKeyInfo', 'a DER SubjectPublicKeyInfo', spki);
  const notBefore = checkDate(params.notBefore ?? DEFAULT_VALIDITY.device.notBefore, 'notBefore');
  const notAfter = checkDate(params.notAfter ?? DEFAULT_VALIDITY.device.notAfter, 'notAfter');
  const serial = deriveSerial(seed, 'device-for-key', eui.hex, usage, spki.toString('hex'));
  return signCertificate(
    {
      serial,
      issuer: deviceCa.subjectName,
      subject: sequence(),
      notBefore,
      notAfter,
      publicKey: spki,
      extensions: [
        keyUsageExtension([KEY_USAGE_OF[usage]]),
        subjectKeyIdentifierExtension(keyIdentifier(spki)),
        hardwareModuleNameExtension(DEVICE_HW_TYPE_OID, eui.toBytes()),
        certificatePoliciesExtension([DEVICE_POLICY_OID]),
        authorityKeyIdentifierExtension(deviceCa.keyIdentifier),
      ],
    },
    deviceCa.privateKey,
  );
}

/**
 * The key pair `issueDeviceCertificate` certifies for these parameters, without issuing anything:
 * what a device needs to sign, MAC or answer CS02c, when nobody asks for its certificate.
 */
export function deriveDeviceKeyPair(seed: string, params: DeviceCertificateParams): KeyPair {
  return deriveKeyPair(seed, keyLabel('device', checkEui(params.eui), checkUsage(params.usage), checkGeneration(params.generation)));
}

/** The serial `issueDeviceCertificate` derives for these parameters (upper-case hex). */
export function deviceCertificateSerial(seed: string, params: DeviceCertificateParams): string {
  if (params.serial !== undefined) return serialHex(parseSerial(params.serial));
  return serialHex(deriveSerial(seed, 'device', checkEui(params.eui).hex, checkUsage(params.usage), checkGeneration(params.generation)));
}

function keyLabel(kind: CredentialKind, eui: Eui, usageLabel: string, generation: number): string {
  return `${kind}/${eui.hex}/${usageLabel}/${generation}`;
}

interface Shape {
  readonly subject: Buffer;
  readonly policy: string;
  readonly san?: Buffer;
  readonly role?: RemotePartyRole;
  /** Distinguishes two credentials of the same kind, EUI and usage (e.g. the top-up KA). */
  readonly variant?: string;
}

function issue(
  seed: string,
  ca: SmkiCredential,
  kind: CredentialKind,
  eui: Eui,
  usage: KeyUsage,
  options: IssueOptions,
  defaults: { readonly notBefore: Date; readonly notAfter: Date },
  shape: Shape,
  derived?: KeyPair,
): SmkiCredential {
  const generation = checkGeneration(options.generation);
  const notBefore = checkDate(options.notBefore ?? defaults.notBefore, 'notBefore');
  const notAfter = checkDate(options.notAfter ?? defaults.notAfter, 'notAfter');
  if (notAfter.getTime() < notBefore.getTime()) {
    throw new InvalidInputError(
      'notAfter',
      `a date not before notBefore (${notBefore.toISOString()})`,
      notAfter.toISOString(),
    );
  }
  const usageLabel = shape.variant === undefined ? usage : `${usage}/${shape.variant}`;
  const keys = derived ?? deriveKeyPair(seed, keyLabel(kind, eui, usageLabel, generation));
  const keyId = keyIdentifier(keys.publicKey);
  const serial =
    options.serial === undefined
      ? deriveSerial(seed, kind, eui.hex, usageLabel, generation)
      : parseSerial(options.serial);
  const der = signCertificate(
    {
      serial,
      issuer: ca.subjectName,
      subject: shape.subject,
      notBefore,
      notAfter,
      publicKey: keys.publicKey,
      extensions: [
        keyUsageExtension([KEY_USAGE_OF[usage]]),
        subjectKeyIdentifierExtension(keyId),
        ...(shape.san ? [shape.san] : []),
        certificatePoliciesExtension([shape.policy]),
        authorityKeyIdentifierExtension(ca.keyIdentifier),
      ],
    },
    ca.privateKey,
  );
  return new SmkiCredential({
    kind,
    der,
    privateKey: keys.privateKey,
    serial: serialHex(serial),
    subjectName: shape.subject,
    keyIdentifier: keyId,
    eui,
    usage,
    ...(shape.role === undefined ? {} : { role: shape.role }),
  });
}

function checkEui(eui: unknown): Eui {
  if (!(eui instanceof Eui)) throw new InvalidInputError('eui', 'an Eui (use Eui.parse)', eui);
  return eui;
}

function checkUsage(usage: unknown): KeyUsage {
  if (usage === 'DS' || usage === 'KA') return usage;
  throw new InvalidInputError('usage', 'DS or KA', usage);
}

function checkRole(role: unknown): RemotePartyRole {
  if (typeof role === 'string' && Object.hasOwn(REMOTE_PARTY_ROLES, role)) return role as RemotePartyRole;
  throw new InvalidInputError(
    'role',
    `a remote party role (${Object.keys(REMOTE_PARTY_ROLES).join(', ')})`,
    role,
  );
}

function checkGeneration(generation: unknown): number {
  if (generation === undefined) return 0;
  if (typeof generation === 'number' && Number.isSafeInteger(generation) && generation >= 0)
    return generation;
  throw new InvalidInputError('generation', 'a non-negative integer', generation);
}

function checkDate(date: unknown, field: string): Date {
  if (date instanceof Date && !Number.isNaN(date.getTime())) return date;
  throw new InvalidInputError(field, 'a valid Date', date);
}
