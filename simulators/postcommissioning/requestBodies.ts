/** The post-commissioning request bodies a supplier builds, from the certificates the key store holds. */
import { certificatesOf, updateSecurityCredentialsBody } from '../client/index.ts';
import type { Eui } from '../core/Eui.ts';
import type { KeyUsage } from '../core/roles.ts';
import { replacementsFor, type RequestBody, type UpdateSecurityCredentialsKrpBody } from '../duis/index.ts';
import { type DeviceCsr, type GbcsSigning, verifyDeviceCsr } from '../gbcs/index.ts';
import type { KeyStore } from '../keystore/index.ts';
import type { Smki } from '../smki/index.ts';

export interface BodyContext {
  readonly keyStore: KeyStore;
  /** The organisation CA (DER) that issued the parties' certificates. */
  readonly organisationCa: Buffer;
}

/** SRV 6.17 for one key usage. */
export function issueCredentialsBody(usage: KeyUsage): RequestBody {
  return { kind: 'IssueSecurityCredentials', credentialType: usage };
}

/** SRV 6.15.2 with the device certificate. */
export function updateDeviceCredentialsBody(deviceCertificate: Buffer): RequestBody {
  return { kind: 'UpdateSecurityCredentialsDevice', deviceCertificate };
}

/** SRV 6.15.1 placing `owner`'s DS and KA certificates in the network operator cells. */
export function networkOperatorBody(ctx: BodyContext, owner: Eui): Promise<UpdateSecurityCredentialsKrpBody> {
  return updateSecurityCredentialsBody(ctx.keyStore, ctx.organisationCa, 'NetworkOperator', owner);
}

/** SRV 6.21: the DCC hands the network operator cells over to `owner`'s certificates. */
export async function handoverBody(ctx: BodyContext, owner: Eui): Promise<RequestBody> {
  return {
    kind: 'RequestHandoverOfDCCControlledDevice',
    remotePartyRole: 'NetworkOperator',
    remotePartyFloorSeqNumber: 0n,
    replacements: replacementsFor('NetworkOperator', await certificatesOf(ctx.keyStore, owner)),
    certificationPathCertificates: [ctx.organisationCa],
    applyTimeBasedCpvChecks: false,
  };
}

/** SRV 6.23: the Transitional CoS party places the new supplier's DS, KA and top-up KA certificates. */
export async function changeOfSupplierBody(ctx: BodyContext, newSupplier: Eui, mpxn: string): Promise<RequestBody> {
  const certificates = await certificatesOf(ctx.keyStore, newSupplier);
  const topUp = await ctx.keyStore.find(newSupplier, 'KA', { cellUsage: 'prePaymentTopUp' });
  return {
    kind: 'UpdateSecurityCredentialsCoS',
    supplierFloorSeqNumber: 0n,
    supplierPrepaymentTopUpFloorSeqNumber: 0n,
    importMpxn: mpxn,
    replacements: replacementsFor('Supplier', {
      ...certificates,
      ...(topUp && { keyAgreementTopUp: Buffer.from(topUp.certificate.raw) }),
    }),
    certificationPathCertificates: [ctx.organisationCa],
    applyTimeBasedCpvChecks: false,
  };
}

/**
 * The device certificate the SMKI issues for a device's CSR, as a supplier gets it by submitting the
 * CSR: its proof of possession checked, the key certified for the device and key usage the CSR
 * names. Undefined when the CSR's signature does not verify, it names no key usage, or its
 * hardwareModuleName is not this device's (or absent: a device CSR names its device). `signing`:
 * the estate's in-process seals when its devices sign with them (decision 0013); default ECDSA.
 */
export function certifyCsr(smki: Smki, deviceId: Eui, csr: DeviceCsr, signing?: GbcsSigning): Buffer | undefined {
  const usage = csr.keyUsage;
  if (usage === undefined || !verifyDeviceCsr(csr, signing)) return undefined;
  if (csr.deviceId === undefined || !csr.deviceId.equals(deviceId)) return undefined;
  return smki.certifyDeviceKey({ eui: deviceId, usage, subjectPublicKeyInfo: csr.subjectPublicKeyInfo });
}
