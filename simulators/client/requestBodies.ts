import type { Eui } from '../core/Eui.ts';
import { type DuisRemotePartyRole, replacementsFor, type UpdateSecurityCredentialsKrpBody } from '../duis/index.ts';
import type { KeyStore } from '../keystore/index.ts';

/**
 * Request bodies a User builds from the certificates it can look up: what steps, benchmarks and
 * the CLI send. `organisationCa` is the CA certificate (DER) that issued the replacements.
 */
export async function certificatesOf(keyStore: KeyStore, owner: Eui): Promise<{ digitalSigning: Buffer; keyAgreement: Buffer }> {
  const [ds, ka] = await Promise.all([keyStore.lookup(owner, 'DS'), keyStore.lookup(owner, 'KA')]);
  return { digitalSigning: Buffer.from(ds.certificate.raw), keyAgreement: Buffer.from(ka.certificate.raw) };
}

/** SRV 6.15.1: replace `role`'s DS and KA cells with `owner`'s certificates. */
export async function updateSecurityCredentialsBody(
  keyStore: KeyStore,
  organisationCa: Buffer,
  role: DuisRemotePartyRole,
  owner: Eui,
): Promise<UpdateSecurityCredentialsKrpBody> {
  return {
    kind: 'UpdateSecurityCredentialsKRP',
    remotePartyRole: role,
    remotePartyFloorSeqNumber: 0n,
    replacements: replacementsFor(role, await certificatesOf(keyStore, owner)),
    certificationPathCertificates: [organisationCa],
    applyTimeBasedCpvChecks: true,
  };
}
