/** DUIS request bodies for the DSP tests, with the estate's real certificates. */
import type { Eui } from '../core/Eui.ts';
import { type DuisRemotePartyRole, type RequestBody, replacementsFor } from '../duis/index.ts';
import type { Estate } from '../estate/Estate.ts';

export function readInventoryBody(deviceId: Eui): RequestBody {
  return { kind: 'ReadInventory', selector: { by: 'DeviceID', deviceId } };
}

export function retrieveKrpBody(): RequestBody {
  return { kind: 'RetrieveDeviceSecurityCredentialsKRP', remotePartyRoles: ['Supplier', 'NetworkOperator'] };
}

/** The DS and KA certificates of `owner`, as DER. */
export async function certificatesOf(estate: Estate, owner: Eui): Promise<{ digitalSigning: Buffer; keyAgreement: Buffer }> {
  const ds = await estate.keyStore.lookup(owner, 'DS');
  const ka = await estate.keyStore.lookup(owner, 'KA');
  return { digitalSigning: Buffer.from(ds.certificate.raw), keyAgreement: Buffer.from(ka.certificate.raw) };
}

/** 6.15.1 replacing `role`'s DS and KA cells with `owner`'s certificates. */
export async function krpBody(estate: Estate, role: DuisRemotePartyRole, owner: Eui): Promise<RequestBody> {
  return {
    kind: 'UpdateSecurityCredentialsKRP',
    remotePartyRole: role,
    remotePartyFloorSeqNumber: 0n,
    replacements: replacementsFor(role, await certificatesOf(estate, owner)),
    certificationPathCertificates: [estate.smki.organisationCa.der],
    applyTimeBasedCpvChecks: true,
  };
}

/** 6.21 handing `role`'s cells over from the DCC to `owner`'s certificates. */
export async function handoverBody(estate: Estate, role: DuisRemotePartyRole, owner: Eui): Promise<RequestBody> {
  return {
    kind: 'RequestHandoverOfDCCControlledDevice',
    remotePartyRole: role,
    remotePartyFloorSeqNumber: 0n,
    replacements: replacementsFor(role, await certificatesOf(estate, owner)),
    certificationPathCertificates: [estate.smki.organisationCa.der],
    applyTimeBasedCpvChecks: false,
  };
}

/** 6.23 placing the new supplier's certificates. */
export async function cosBody(estate: Estate, newSupplier: Eui, mpxn: string): Promise<RequestBody> {
  return {
    kind: 'UpdateSecurityCredentialsCoS',
    supplierFloorSeqNumber: 0n,
    supplierPrepaymentTopUpFloorSeqNumber: 0n,
    importMpxn: mpxn,
    replacements: replacementsFor('Supplier', await certificatesOf(estate, newSupplier)),
    certificationPathCertificates: [estate.smki.organisationCa.der],
    applyTimeBasedCpvChecks: false,
  };
}

export function signedPreCommandBody(gbcsPayload: Buffer): RequestBody {
  return { kind: 'SignedPreCommand', gbcsPayload };
}
