import { InvalidInputError } from '../core/errors.ts';
import { createDeviceCa, createOrganisationCa, createRootCa } from './authorities.ts';
import type { KeyPair } from './keys.ts';
import {
  type DeviceCertificateParams,
  deriveDeviceKeyPair,
  deviceCertificateSerial,
  type DeviceKeyCertificationParams,
  issueDeviceCertificateForKey,
  issueDeviceCertificate,
  issueOrganisationCertificate,
  issueXmlSigningCertificate,
  type OrganisationCertificateParams,
  type XmlSigningCertificateParams,
} from './issuance.ts';
import type { SmkiCredential } from './SmkiCredential.ts';

/** The seed a harness SMKI uses unless told otherwise. */
export const DEFAULT_SMKI_SEED = 'smets-harness';

/**
 * A test SMKI: root `OU=00, CN=ZA`, organisation CA `OU=07, CN=Z1` and device CA `CN=E357`, all
 * ECDSA P-256 / SHA-256, every key and serial derived from `seed`. Two instances with the same
 * seed issue the same keys, serials and subjects. The CAs are created on first use; issuing keeps
 * no state, so certificates for millions of devices can be made lazily, when a device needs one.
 */
export class Smki {
  readonly seed: string;
  #root?: SmkiCredential;
  #organisationCa?: SmkiCredential;
  #deviceCa?: SmkiCredential;

  constructor(seed: string = DEFAULT_SMKI_SEED) {
    if (typeof seed !== 'string' || seed === '')
      throw new InvalidInputError('seed', 'a non-empty string', seed);
    this.seed = seed;
  }

  /** Self-signed root `OU=00, CN=ZA`: the trust anchor of both hierarchies. */
  get root(): SmkiCredential {
    this.#root ??= createRootCa(this.seed);
    return this.#root;
  }

  /** `OU=07, CN=Z1`, issued by the root: issues organisation and XML-signing certificates. */
  get organisationCa(): SmkiCredential {
    this.#organisationCa ??= createOrganisationCa(this.seed, this.root);
    return this.#organisationCa;
  }

  /** `CN=E357`, issued by the root: issues device certificates. */
  get deviceCa(): SmkiCredential {
    this.#deviceCa ??= createDeviceCa(this.seed, this.root);
    return this.#deviceCa;
  }

  /** Root, organisation CA and device CA. */
  get caCredentials(): readonly SmkiCredential[] {
    return [this.root, this.organisationCa, this.deviceCa];
  }

  issueOrganisationCertificate(params: OrganisationCertificateParams): SmkiCredential {
    return issueOrganisationCertificate(this.seed, this.organisationCa, params);
  }

  issueXmlSigningCertificate(params: XmlSigningCertificateParams): SmkiCredential {
    return issueXmlSigningCertificate(this.seed, this.organisationCa, params);
  }

  /** `keys`: the pair `deviceKeyPair` gave for the same parameters, to save deriving it again. */
  issueDeviceCertificate(params: DeviceCertificateParams, keys?: KeyPair): SmkiCredential {
    return issueDeviceCertificate(this.seed, this.deviceCa, params, keys);
  }

  /** A device certificate (DER) for a key the device generated (CS02c's CSR, its signature checked by the caller). */
  certifyDeviceKey(params: DeviceKeyCertificationParams): Buffer {
    return issueDeviceCertificateForKey(this.seed, this.deviceCa, params);
  }

  /** The serial (upper-case hex) `issueDeviceCertificate` gives for these parameters, without issuing. */
  deviceCertificateSerial(params: DeviceCertificateParams): string {
    return deviceCertificateSerial(this.seed, params);
  }

  /** The key pair a device certificate for these parameters certifies, without issuing it. */
  deviceKeyPair(params: DeviceCertificateParams): KeyPair {
    return deriveDeviceKeyPair(this.seed, params);
  }
}
