import type { Eui } from '../core/Eui.ts';
import { InvalidInputError } from '../core/errors.ts';
import type { KeyUsage, RemotePartyRole } from '../core/roles.ts';
import { type CertificateLike, type DecodedCertificate, decodeCertificate } from './decode.ts';
import { DerError } from './der.ts';
import { isCa, readDeviceId, readEntityId, readKeyUsageField, readRole } from './fields.ts';
import { formatName } from './names.ts';
import { serialHex } from './serials.ts';

export interface CertificateDescription {
  /** `ca` when basicConstraints says so; `organisation` with an x500UniqueIdentifier; `device` with a hardwareModuleName. */
  readonly kind: 'ca' | 'organisation' | 'device' | 'other';
  /** The Entity ID (organisation) or device ID (device); undefined when absent or malformed. */
  readonly eui: Eui | undefined;
  /** The remote party role of an organisation certificate; undefined for numbers GBCS does not define. */
  readonly role: RemotePartyRole | undefined;
  /** The role number from the subject OU, also when it is not a known role (e.g. 8). */
  readonly roleNumber: number | undefined;
  readonly usage: KeyUsage | undefined;
  /** Upper-case hex without leading zeros, as openssl prints it (without colons). */
  readonly serial: string;
  /** The serial in decimal: the form XML-DSig `X509SerialNumber` takes. */
  readonly serialDecimal: string;
  /** `OU=07, CN=Z1` (DER order). */
  readonly issuer: string;
  /** `CN=…, OU=02, x500UniqueIdentifier=#03090090B3D51F30010000`; empty for device certificates. */
  readonly subject: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
}

/**
 * What a certificate says about itself, without judging it: the fields other code looks up
 * (which party or device, which role and key usage, which serial). Fields that are absent or
 * malformed come back undefined; `checkOrganisationCertificate`/`checkDeviceCertificate` judge.
 */
export function describeCertificate(certificate: CertificateLike): CertificateDescription {
  let decoded: DecodedCertificate;
  try {
    decoded = decodeCertificate(certificate);
  } catch (error) {
    if (error instanceof DerError) {
      throw new InvalidInputError(
        'certificate',
        'a DER-encoded X.509 certificate',
        `DER that does not decode (${error.message})`,
      );
    }
    throw error;
  }
  const entityId = readEntityId(decoded);
  const deviceId = readDeviceId(decoded);
  const role = readRole(decoded);
  const keyUsage = readKeyUsageField(decoded);
  const kind = isCa(decoded)
    ? 'ca'
    : entityId.ok || !entityId.missing
      ? 'organisation'
      : deviceId.ok || !deviceId.missing
        ? 'device'
        : 'other';
  return {
    kind,
    eui: entityId.ok ? entityId.value : deviceId.ok ? deviceId.value.eui : undefined,
    role: role.ok ? role.value.role : undefined,
    roleNumber: role.ok ? role.value.number : undefined,
    usage: keyUsage.ok ? keyUsage.value.usage : undefined,
    serial: serialHex(decoded.serial),
    serialDecimal: BigInt(`0x${decoded.serial.toString('hex') || '0'}`).toString(10),
    issuer: formatName(decoded.issuer),
    subject: formatName(decoded.subject),
    notBefore: decoded.notBefore,
    notAfter: decoded.notAfter,
  };
}
