import { Eui } from '../core/Eui.ts';
import { type KeyUsage, REMOTE_PARTY_ROLES, type RemotePartyRole } from '../core/roles.ts';
import { type DecodedCertificate, findExtension } from './decode.ts';
import { children, DerError, hex2, readBitString, readSingle, TAG } from './der.ts';
import { readCertificatePolicies, readHardwareModuleNames, readKeyUsage } from './extensions.ts';
import { attributesOf, readName } from './names.ts';
import { type KeyUsageName, OID } from './profile.ts';

/**
 * Readers for the identity fields of SMKI certificates. Each returns the value, or says whether
 * the field is missing or malformed and how, so the checker can name the problem and
 * `describeCertificate` can leave the field out.
 */
export type Field<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly missing: boolean; readonly problem: string };

const found = <T>(value: T): Field<T> => ({ ok: true, value });
const missing = <T>(problem: string): Field<T> => ({ ok: false, missing: true, problem });
const bad = <T>(problem: string): Field<T> => ({ ok: false, missing: false, problem });

function guard<T>(read: () => Field<T>): Field<T> {
  try {
    return read();
  } catch (error) {
    if (error instanceof DerError) return bad(`malformed DER (${error.message})`);
    throw error;
  }
}

/** The Entity ID in the subject's x500UniqueIdentifier: a BIT STRING of 8 bytes, no unused bits. */
export function readEntityId(certificate: DecodedCertificate): Field<Eui> {
  return guard(() => {
    const attributes = attributesOf(readName(certificate.subject), OID.x500UniqueIdentifier);
    if (attributes.length === 0) return missing('the subject has no x500UniqueIdentifier (2.5.4.45)');
    if (attributes.length > 1) return bad(`the subject has ${attributes.length} x500UniqueIdentifiers`);
    const attribute = attributes[0]!;
    if (attribute.tag !== TAG.BIT_STRING) {
      return bad(`x500UniqueIdentifier is not a BIT STRING (tag 0x${hex2(attribute.tag)})`);
    }
    const { bytes, unusedBits } = readBitString({
      tag: attribute.tag,
      content: attribute.content,
      raw: attribute.content,
    });
    if (bytes.length !== 8 || unusedBits !== 0) {
      return bad(
        `x500UniqueIdentifier holds ${bytes.length} bytes with ${unusedBits} unused bits, not an 8-byte EUI-64`,
      );
    }
    return found(Eui.fromBytes(bytes));
  });
}

export interface RoleField {
  /** The OU text, e.g. `02`. */
  readonly ou: string;
  readonly number: number;
  /** Undefined for a number GBCS does not define (RTDS 90B3D51F30010008 has OU=08). */
  readonly role: RemotePartyRole | undefined;
}

const ROLE_BY_NUMBER = new Map<number, RemotePartyRole>(
  Object.entries(REMOTE_PARTY_ROLES).map(([name, n]) => [n, name as RemotePartyRole]),
);

/** The remote party role in the subject OU, as two hex digits. */
export function readRole(certificate: DecodedCertificate): Field<RoleField> {
  return guard(() => {
    const attributes = attributesOf(readName(certificate.subject), OID.organizationalUnitName);
    if (attributes.length === 0) return missing('the subject has no OU (remote party role)');
    if (attributes.length > 1) return bad(`the subject has ${attributes.length} OUs`);
    const ou = attributes[0]!.text;
    if (ou === undefined || !/^[0-9A-Fa-f]{2}$/.test(ou)) {
      return bad(
        `the subject OU ${ou === undefined ? 'is not a string' : JSON.stringify(ou)} is not a role as two hex digits`,
      );
    }
    const number = Number.parseInt(ou, 16);
    return found({ ou, number, role: ROLE_BY_NUMBER.get(number) });
  });
}

export interface KeyUsageField {
  readonly usages: readonly KeyUsageName[];
  readonly critical: boolean;
  /** DS for digitalSignature alone, KA for keyAgreement alone, otherwise undefined. */
  readonly usage: KeyUsage | undefined;
}

export function readKeyUsageField(certificate: DecodedCertificate): Field<KeyUsageField> {
  return guard(() => {
    const extension = findExtension(certificate, OID.keyUsage);
    if (!extension) return missing('there is no keyUsage extension');
    const usages = readKeyUsage(extension.value);
    const only = usages.length === 1 ? usages[0] : undefined;
    const usage = only === 'digitalSignature' ? 'DS' : only === 'keyAgreement' ? 'KA' : undefined;
    return found({ usages, critical: extension.critical, usage });
  });
}

export function readPolicies(certificate: DecodedCertificate): Field<{ oids: string[]; critical: boolean }> {
  return guard(() => {
    const extension = findExtension(certificate, OID.certificatePolicies);
    if (!extension) return missing('there is no certificatePolicies extension');
    return found({ oids: readCertificatePolicies(extension.value), critical: extension.critical });
  });
}

export interface DeviceIdField {
  readonly eui: Eui;
  readonly hwType: string;
  readonly critical: boolean;
}

/** The device EUI in the subjectAltName otherName hardwareModuleName (hwSerialNum, 8 bytes). */
export function readDeviceId(certificate: DecodedCertificate): Field<DeviceIdField> {
  return guard(() => {
    const extension = findExtension(certificate, OID.subjectAltName);
    if (!extension) return missing('there is no subjectAltName extension');
    const names = readHardwareModuleNames(extension.value);
    if (names.length === 0)
      return missing('the subjectAltName has no hardwareModuleName (1.3.6.1.5.5.7.8.4)');
    if (names.length > 1) return bad(`the subjectAltName has ${names.length} hardwareModuleNames`);
    const { hwType, hwSerialNum } = names[0]!;
    if (hwSerialNum.length !== 8)
      return bad(`hwSerialNum holds ${hwSerialNum.length} bytes, not an 8-byte EUI-64`);
    return found({ eui: Eui.fromBytes(hwSerialNum), hwType, critical: extension.critical });
  });
}

/** Whether basicConstraints says cA TRUE. */
export function isCa(certificate: DecodedCertificate): boolean {
  const extension = findExtension(certificate, OID.basicConstraints);
  if (!extension) return false;
  try {
    const [flag] = children(readSingle(extension.value, TAG.SEQUENCE));
    return flag?.tag === TAG.BOOLEAN && flag.content[0] !== 0;
  } catch {
    return false;
  }
}
