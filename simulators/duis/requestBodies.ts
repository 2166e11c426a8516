import type { Eui } from '../core/Eui.ts';
import type { KeyUsage } from '../core/roles.ts';
import type { DuisRemotePartyRole, Replacement, TrustAnchorCellRef } from './trustAnchorCells.ts';

/**
 * The typed content of `sr:Body` for each SRV in scope, discriminated by `kind` = the DUIS body
 * element. Optional elements absent from the XML are absent (not `undefined`) in parsed bodies.
 */

interface FutureDatable {
  /** sr:ExecutionDateTime: absent = execute now; 3000-12-31T00:00:00Z cancels a future-dated command. */
  readonly executionDateTime?: Date;
}

interface CredentialReplacement extends FutureDatable {
  readonly replacements: readonly Replacement[];
  /** sr:CertificationPathCertificates/sr:Certificate: 1 to 3 DER certificates (issuers of the replacements). */
  readonly certificationPathCertificates: readonly Buffer[];
  readonly applyTimeBasedCpvChecks: boolean;
  /**
   * Derived, not in the XML: the cell whose current holder must sign (see authorisingCellFor).
   * Filled by the parser; the builder does not need it and ignores it.
   */
  readonly authorisingCell?: TrustAnchorCellRef;
}

/** 6.15.1 Update Security Credentials (KRP). */
export interface UpdateSecurityCredentialsKrpBody extends CredentialReplacement {
  readonly kind: 'UpdateSecurityCredentialsKRP';
  /** The role whose cells the replacements go into. */
  readonly remotePartyRole: DuisRemotePartyRole;
  readonly remotePartyFloorSeqNumber?: bigint;
  readonly remotePartyPrepaymentTopUpFloorSeqNumber?: bigint;
}

/** 6.21 Request Handover of DCC Controlled Device: same shape, the DS certificate is mandatory. */
export interface RequestHandoverBody extends CredentialReplacement {
  readonly kind: 'RequestHandoverOfDCCControlledDevice';
  readonly remotePartyRole: DuisRemotePartyRole;
  readonly remotePartyFloorSeqNumber?: bigint;
  readonly remotePartyPrepaymentTopUpFloorSeqNumber?: bigint;
}

/** 6.23 Update Security Credentials (CoS): the new supplier's certificates, placed by the TransCoS party. */
export interface UpdateSecurityCredentialsCosBody extends CredentialReplacement {
  readonly kind: 'UpdateSecurityCredentialsCoS';
  readonly supplierFloorSeqNumber: bigint;
  readonly supplierPrepaymentTopUpFloorSeqNumber?: bigint;
  /** sr:ImportMPxN: the MPAN or MPRN (1–13 characters, as written). */
  readonly importMpxn: string;
}

/** 6.15.2 Update Security Credentials (Device). */
export interface UpdateSecurityCredentialsDeviceBody {
  readonly kind: 'UpdateSecurityCredentialsDevice';
  readonly deviceCertificate: Buffer;
}

/** 6.17 Issue Security Credentials: sr:CredentialType "Digital Signature" = DS, "Key Agreement" = KA. */
export interface IssueSecurityCredentialsBody {
  readonly kind: 'IssueSecurityCredentials';
  readonly credentialType: KeyUsage;
}

/** 6.24.1 Retrieve Device Security Credentials (KRP): 1 to 7 roles. */
export interface RetrieveDeviceSecurityCredentialsKrpBody {
  readonly kind: 'RetrieveDeviceSecurityCredentialsKRP';
  readonly remotePartyRoles: readonly DuisRemotePartyRole[];
}

/** 6.24.2 Retrieve Device Security Credentials (Device). */
export interface RetrieveDeviceSecurityCredentialsDeviceBody {
  readonly kind: 'RetrieveDeviceSecurityCredentialsDevice';
  readonly credentialType: KeyUsage;
}

/** 8.1.1 Commission Device (sr:CommissionDeviceSynchroniseClock). */
export interface CommissionDeviceBody {
  readonly kind: 'CommissionDeviceSynchroniseClock';
  readonly currentDateTime: Date;
  /** Seconds, 0 to 86400. */
  readonly tolerancePeriod: number;
}

export interface PropertyFilter {
  /** 6 to 8 characters. */
  readonly postCode: string;
  /** Up to 30 characters. */
  readonly addressIdentifier: string;
}

/** 8.2 Read Inventory: exactly one selector. */
export interface ReadInventoryBody {
  readonly kind: 'ReadInventory';
  readonly selector:
    | { readonly by: 'DeviceID'; readonly deviceId: Eui }
    | { readonly by: 'UPRN'; readonly uprn: string }
    | { readonly by: 'MPxN'; readonly mpxn: string }
    | { readonly by: 'PropertyFilter'; readonly propertyFilter: PropertyFilter };
}

/** 8.3 Decommission Device. */
export interface DecommissionDeviceBody {
  readonly kind: 'DecommissionDevice';
  readonly deviceId: Eui;
}

import type { EsmeVariant } from './enumerations.ts';
export { ESME_VARIANTS, type EsmeVariant } from './enumerations.ts';

import type { DUIS_DEVICE_TYPES } from './enumerations.ts';
export { DUIS_DEVICE_TYPES as DEVICE_TYPES } from './enumerations.ts';
export type DeviceType = (typeof DUIS_DEVICE_TYPES)[number];

/** Descriptive device details (sr:UpdateDeviceDetails; also the optional part of a pre-notification). */
export interface DeviceDetails {
  readonly deviceManufacturer?: string;
  readonly deviceModel?: string;
  readonly smetsChtsVersion?: string;
  readonly firmwareVersion?: string;
  readonly esmeVariant?: EsmeVariant;
}

/** 8.4 Update Inventory: the device and one change. */
export interface UpdateInventoryBody {
  readonly kind: 'UpdateInventory';
  readonly deviceId: Eui;
  readonly update:
    | { readonly kind: 'UpdateDeviceStatusExceptCH'; readonly status: 'Pending' | 'InstalledNotCommissioned' }
    | {
        readonly kind: 'UpdateDeviceStatusCH';
        readonly status: 'Commissioned' | 'Withdrawn' | 'InstalledNotCommissioned';
      }
    | { readonly kind: 'UpdateDeviceDetails'; readonly details: DeviceDetails }
    | { readonly kind: 'DeleteDevice' }
    | {
        readonly kind: 'UpdateMPxN';
        readonly field: 'ImportMPxN' | 'SecondaryImportMPAN' | 'ExportMPAN';
        readonly value: string;
      };
}

/** 12.2 Device Pre-notification. */
export interface DevicePrenotificationBody {
  readonly kind: 'DevicePrenotification';
  readonly deviceId: Eui;
  readonly deviceManufacturer: string;
  readonly deviceModel: string;
  readonly deviceType: DeviceType;
  readonly smetsChtsVersion?: string;
  readonly firmwareVersion?: string;
  readonly esmeVariant?: EsmeVariant;
  readonly associatedGpfDeviceId?: Eui;
}

/** CV 5/6/7: the GBCS command the User signed (the CV 4 PreCommand plus its signature). */
export interface SignedPreCommandBody {
  readonly kind: 'SignedPreCommand';
  readonly executionDateTime?: Date;
  readonly gbcsPayload: Buffer;
}

export type RequestBody =
  | UpdateSecurityCredentialsKrpBody
  | UpdateSecurityCredentialsDeviceBody
  | IssueSecurityCredentialsBody
  | RequestHandoverBody
  | UpdateSecurityCredentialsCosBody
  | RetrieveDeviceSecurityCredentialsKrpBody
  | RetrieveDeviceSecurityCredentialsDeviceBody
  | CommissionDeviceBody
  | ReadInventoryBody
  | DecommissionDeviceBody
  | UpdateInventoryBody
  | DevicePrenotificationBody
  | SignedPreCommandBody;

export type RequestBodyKind = RequestBody['kind'];
