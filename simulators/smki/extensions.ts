import {
  boolean,
  children,
  contextConstructed,
  contextPrimitive,
  DerError,
  namedBits,
  objectIdentifier,
  octetString,
  readNamedBits,
  readObjectIdentifier,
  readSingle,
  sequence,
  TAG,
  unsignedInteger,
} from './der.ts';
import { KEY_USAGE_BIT, type KeyUsageName, OID } from './profile.ts';

/** X.509 v3 extensions the SMKI profile uses: DER encoders for issuance, decoders for the checker. */

/** An `Extension` element: `SEQUENCE { extnID, critical DEFAULT FALSE, extnValue OCTET STRING }`. */
export function extension(oid: string, critical: boolean, value: Buffer): Buffer {
  return sequence(objectIdentifier(oid), ...(critical ? [boolean(true)] : []), octetString(value));
}

export function keyUsageExtension(usages: readonly KeyUsageName[], critical = true): Buffer {
  return extension(OID.keyUsage, critical, namedBits(usages.map((usage) => KEY_USAGE_BIT[usage])));
}

/** certificatePolicies with bare policy identifiers (no qualifiers), critical as in SMKI. */
export function certificatePoliciesExtension(policyOids: readonly string[], critical = true): Buffer {
  return extension(
    OID.certificatePolicies,
    critical,
    sequence(...policyOids.map((oid) => sequence(objectIdentifier(oid)))),
  );
}

export function subjectKeyIdentifierExtension(keyId: Buffer): Buffer {
  return extension(OID.subjectKeyIdentifier, false, octetString(keyId));
}

/** authorityKeyIdentifier with the keyIdentifier only (`[0] IMPLICIT OCTET STRING`). */
export function authorityKeyIdentifierExtension(keyId: Buffer): Buffer {
  return extension(OID.authorityKeyIdentifier, false, sequence(contextPrimitive(0, keyId)));
}

export function basicConstraintsExtension(pathLength?: number): Buffer {
  const pathLen = pathLength === undefined ? [] : [unsignedInteger(Buffer.from([pathLength]))];
  return extension(OID.basicConstraints, true, sequence(boolean(true), ...pathLen));
}

/**
 * subjectAltName with one otherName of type hardwareModuleName (RFC 4108):
 * `[0] { id-on-hardwareModuleName, [0] EXPLICIT SEQUENCE { hwType OID, hwSerialNum OCTET STRING } }`.
 */
export function hardwareModuleNameExtension(hwType: string, serialNumber: Buffer, critical = true): Buffer {
  const hardwareModuleName = sequence(objectIdentifier(hwType), octetString(serialNumber));
  const otherName = contextConstructed(
    0,
    Buffer.concat([objectIdentifier(OID.hardwareModuleName), contextConstructed(0, hardwareModuleName)]),
  );
  return extension(OID.subjectAltName, critical, sequence(otherName));
}

// ---------------------------------------------------------------- decoding (throw DerError)

const KEY_USAGE_BY_BIT = new Map<number, KeyUsageName>(
  Object.entries(KEY_USAGE_BIT).map(([name, bit]) => [bit, name as KeyUsageName]),
);

/** The key usages set in a keyUsage extension value. */
export function readKeyUsage(value: Uint8Array): KeyUsageName[] {
  return readNamedBits(readSingle(value, TAG.BIT_STRING)).map(
    (bit) => KEY_USAGE_BY_BIT.get(bit) ?? (`bit${bit}` as KeyUsageName),
  );
}

/** The policy identifiers in a certificatePolicies extension value. */
export function readCertificatePolicies(value: Uint8Array): string[] {
  return children(readSingle(value, TAG.SEQUENCE)).map((policyInformation) => {
    const [policy] = children(policyInformation);
    if (policy === undefined) throw new DerError('empty PolicyInformation');
    return readObjectIdentifier(policy);
  });
}

export interface HardwareModuleName {
  readonly hwType: string;
  readonly hwSerialNum: Buffer;
}

/** Every hardwareModuleName otherName in a subjectAltName extension value (other names are ignored). */
export function readHardwareModuleNames(value: Uint8Array): HardwareModuleName[] {
  const found: HardwareModuleName[] = [];
  for (const generalName of children(readSingle(value, TAG.SEQUENCE))) {
    if (generalName.tag !== 0xa0) continue; // otherName
    const [typeId, explicit] = children(generalName);
    if (typeId === undefined || readObjectIdentifier(typeId) !== OID.hardwareModuleName) continue;
    if (explicit?.tag !== 0xa0) throw new DerError('otherName without its [0] value');
    const [hardwareModuleName] = children(explicit);
    if (hardwareModuleName?.tag !== TAG.SEQUENCE) throw new DerError('HardwareModuleName is not a SEQUENCE');
    const [hwType, hwSerialNum] = children(hardwareModuleName);
    if (hwType === undefined || hwSerialNum?.tag !== TAG.OCTET_STRING) {
      throw new DerError('HardwareModuleName needs hwType OID and hwSerialNum OCTET STRING');
    }
    found.push({ hwType: readObjectIdentifier(hwType), hwSerialNum: hwSerialNum.content });
  }
  return found;
}
