import type { Clock } from '../core/clock.ts';
import type { Eui } from '../core/Eui.ts';
import { type KeyUsage, REMOTE_PARTY_ROLES, type RemotePartyRole, remotePartyRoleOu } from '../core/roles.ts';
import { type Reason, type Verdict, verdictOf } from '../core/verdict.ts';
import {
  checkAlgorithms,
  checkIssuer,
  checkKeyUsage,
  checkPolicy,
  checkValidity,
  reason,
} from './commonChecks.ts';
import { type CertificateLike, type DecodedCertificate, decodeCertificate } from './decode.ts';
import { DerError } from './der.ts';
import { isCa, readDeviceId, readEntityId, readRole } from './fields.ts';
import { encodeName, formatName, readName } from './names.ts';
import {
  DEVICE_CA_NAME,
  DEVICE_HW_TYPE_OID,
  DEVICE_POLICY_OID,
  ORGANISATION_CA_NAME,
  ORGANISATION_POLICY_OID,
} from './profile.ts';

/**
 * SMKI profile checks. They never throw on a bad certificate: every problem found becomes one
 * Reason with a stable code, and the Verdict lists them all. Codes: malformed-certificate,
 * wrong-signature-algorithm, not-p256, wrong-issuer, bad-signature, expired, not-yet-valid,
 * unexpected-ca, wrong-key-usage, key-usage-not-critical, missing-policy, policy-not-critical;
 * organisation: missing-unique-identifier, bad-unique-identifier, missing-role, bad-role,
 * wrong-role, wrong-eui; device: unexpected-subject, missing-hardware-module-name,
 * bad-hardware-module-name, san-not-critical, wrong-eui.
 */

export { SMKI_REASON_CODES, type SmkiReasonCode } from './commonChecks.ts';

export interface CertificateCheckOptions {
  /** Validity is judged at `clock.now()`. */
  readonly clock: Clock;
  readonly expectedEui?: Eui;
  readonly expectedUsage?: KeyUsage;
  /**
   * The issuing CA's certificate. When given, the certificate's issuer must be its subject and
   * its key must verify the signature; otherwise the issuer is compared with the profile's CA
   * name (`OU=07, CN=Z1` or `CN=E357`) and the signature is not checked.
   */
  readonly issuer?: CertificateLike;
}

export interface OrganisationCheckOptions extends CertificateCheckOptions {
  readonly expectedRole?: RemotePartyRole;
}

interface Profile {
  readonly caName: Buffer;
  readonly policy: string;
}

const ORGANISATION: Profile = { caName: encodeName(ORGANISATION_CA_NAME), policy: ORGANISATION_POLICY_OID };
const DEVICE: Profile = { caName: encodeName(DEVICE_CA_NAME), policy: DEVICE_POLICY_OID };

/** An organisation (or XML-signing) certificate against the ZAZ1 organisation profile. */
export function checkOrganisationCertificate(
  certificate: CertificateLike,
  options: OrganisationCheckOptions,
): Verdict {
  return check(certificate, options, ORGANISATION, (decoded, reasons) => {
    const entityId = readEntityId(decoded);
    if (!entityId.ok) {
      reasons.push(
        reason(entityId.missing ? 'missing-unique-identifier' : 'bad-unique-identifier', entityId.problem),
      );
    } else if (options.expectedEui && !entityId.value.equals(options.expectedEui)) {
      reasons.push(
        reason('wrong-eui', `the Entity ID is ${entityId.value}, expected ${options.expectedEui}`),
      );
    }
    const role = readRole(decoded);
    if (!role.ok) reasons.push(reason(role.missing ? 'missing-role' : 'bad-role', role.problem));
    else if (options.expectedRole && role.value.number !== REMOTE_PARTY_ROLES[options.expectedRole]) {
      const actual = role.value.role ?? 'not a GBCS role';
      const expected = `"${remotePartyRoleOu(options.expectedRole)}" (${options.expectedRole})`;
      reasons.push(
        reason('wrong-role', `the subject OU is "${role.value.ou}" (${actual}), expected ${expected}`),
      );
    }
  });
}

/** A device certificate against the device profile: empty subject, EUI in the SAN hardwareModuleName. */
export function checkDeviceCertificate(
  certificate: CertificateLike,
  options: CertificateCheckOptions,
): Verdict {
  return check(certificate, options, DEVICE, (decoded, reasons) => {
    if (safeAttributeCount(decoded.subject) !== 0) {
      reasons.push(
        reason('unexpected-subject', `the subject is "${formatName(decoded.subject)}", expected empty`),
      );
    }
    const deviceId = readDeviceId(decoded);
    if (!deviceId.ok) {
      const code = deviceId.missing ? 'missing-hardware-module-name' : 'bad-hardware-module-name';
      reasons.push(reason(code, deviceId.problem));
      return;
    }
    const { eui, hwType, critical } = deviceId.value;
    if (hwType !== DEVICE_HW_TYPE_OID) {
      reasons.push(reason('bad-hardware-module-name', `hwType is ${hwType}, expected ${DEVICE_HW_TYPE_OID}`));
    }
    if (!critical)
      reasons.push(reason('san-not-critical', 'the subjectAltName extension is not marked critical'));
    if (options.expectedEui && !eui.equals(options.expectedEui)) {
      reasons.push(reason('wrong-eui', `the device ID is ${eui}, expected ${options.expectedEui}`));
    }
  });
}

function check(
  certificate: CertificateLike,
  options: CertificateCheckOptions,
  profile: Profile,
  specific: (decoded: DecodedCertificate, reasons: Reason[]) => void,
): Verdict {
  let decoded: DecodedCertificate;
  try {
    decoded = decodeCertificate(certificate);
  } catch (error) {
    if (!(error instanceof DerError)) throw error;
    return verdictOf([reason('malformed-certificate', `the certificate does not decode: ${error.message}`)]);
  }
  const reasons: Reason[] = [];
  checkAlgorithms(decoded, reasons);
  checkIssuer(decoded, options.issuer, profile.caName, reasons);
  checkValidity(decoded, options.clock, reasons);
  if (isCa(decoded)) reasons.push(reason('unexpected-ca', 'basicConstraints marks this as a CA certificate'));
  checkKeyUsage(decoded, options.expectedUsage, reasons);
  checkPolicy(decoded, profile.policy, reasons);
  specific(decoded, reasons);
  return verdictOf(reasons);
}

function safeAttributeCount(name: Buffer): number {
  try {
    return readName(name).length;
  } catch {
    return -1;
  }
}
