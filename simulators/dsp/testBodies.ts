/** DUIS request bodies for the DSP tests, with the estate's real certificates. */
import type { Eui } from '../core/Eui.ts';
import { type DuisRemotePartyRole, type RequestBody, replacementsFor } from '../duis/index.ts';
import { certificatesOf as certificatesFromKeyStore, updateSecurityCredentialsBody } from '../client/requestBodies.ts';
import type { Estate } from '../estate/Estate.ts';

export function readInventoryBody(deviceId: Eui): RequestBody {
  return { kind: 'ReadInventory', selector: { by: 'DeviceID', deviceId } };
}

export function retrieveKrpBody(): RequestBody {
  return { kind: 'RetrieveDeviceSecurityCredentialsKRP', remotePartyRoles: ['Supplier', 'NetworkOperator'] };
}

/** The DS and KA certificates of `owner`, as DER. */
export function certificatesOf(estate: Estate, owner: Eui): Promise<{ digitalSigning: Buffer; keyAgreement: Buffer }> {
  return certificatesFromKeyStore(estate.keyStore, owner);
}

/** 6.15.1 replacing `role`'s DS and KA cells with `owner`'s certificates. */
export function krpBody(estate: Estate, role: DuisRemotePartyRole, owner: Eui): Promise<RequestBody> {
  return updateSecurityCredentialsBody(estate.keyStore, estate.smki.organisationCa.der, role, owner);
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
