import type { Eui } from '../core/Eui.ts';
import type { DuisRemotePartyRole } from '../duis/index.ts';

/**
 * The content of a SMETS1 response in the MMC (ResponseAndAlert) format, as values. Only what the
 * S1SP simulator answers is modelled: 6.15.1 (UpdateSecurityCredentialsKRPRsp), 6.24.1
 * (RetrieveDeviceSecurityCredentialsKRPRsp), and a bare debug answer for everything refused
 * before an SRV-specific element makes sense.
 */

/** StatusASN1 values the S1SP uses, with the GBCS numbers written as `@ResponseCode` (domain.md). */
export const ASN1_STATUS_NUMBERS = {
  success: 0,
  badCertificate: 5,
  noTrustAnchor: 10,
  insufficientMemory: 17,
  trustAnchorNotFound: 25,
  resourcesBusy: 30,
  other: 127,
} as const;
export type Asn1Status = keyof typeof ASN1_STATUS_NUMBERS;

export type MmcCertificateType = 'DigitalSigning' | 'KeyAgreement';

/** ra:ReplacementOutcome: one slot of a 6.15.1 request. */
export interface ReplacementOutcomeContent {
  readonly status: Asn1Status;
  readonly certificateType: MmcCertificateType;
  readonly remotePartyRole: DuisRemotePartyRole;
  readonly existingRemotePartyId?: Eui;
  readonly newRemotePartyId?: Eui;
  /** SHA-1 of the certificates' DER (ra:SHA1, written in base64). */
  readonly existingCertificateHash?: Buffer;
  readonly newCertificateHash?: Buffer;
}

/** ra:RemotePartyDetails: one slot (or one role without slots) of a 6.24.1 answer. */
export interface RemotePartyDetailsContent {
  readonly remotePartyRole: DuisRemotePartyRole;
  readonly status: Asn1Status;
  readonly certificateUsage?: MmcCertificateType;
  readonly existingRemotePartyId?: Eui;
  readonly existingCertificateHash?: Buffer;
}

export type CredentialsReplacementMode = 'SupplierBySupplier' | 'NetworkOperatorByNetworkOperator';

export type SmetsDataContent =
  | {
      readonly kind: 'UpdateSecurityCredentialsKRPRsp';
      readonly messageSuccess: boolean;
      /** Absent when the S1SP refused before looking at the certificates. */
      readonly executionOutcome?: {
        readonly credentialsReplacementMode: CredentialsReplacementMode;
        /** At most 3 (the schema's limit); a SMETS1 role has 2 slots. */
        readonly replacements: readonly ReplacementOutcomeContent[];
      };
    }
  | {
      readonly kind: 'RetrieveDeviceSecurityCredentialsKRPRsp';
      readonly messageSuccess: boolean;
      readonly remotePartyDetails: readonly RemotePartyDetailsContent[];
    };

/** ra:SMETS1Debug/ra:SMETS1Response: an S1SP error number and its text (at most 250 characters). */
export interface Smets1DebugContent {
  readonly responseCode: number;
  readonly error: string;
}

export interface Smets1ResponseContent {
  /** ra:BusinessOriginatorID: the device. */
  readonly deviceId: Eui;
  /** ra:BusinessTargetID: the User who sent the request. */
  readonly userId: Eui;
  /** ra:OriginatorCounter: the request's counter. */
  readonly counter: bigint;
  /** e.g. `6.15.1`; ServiceReference is derived from it. */
  readonly serviceReferenceVariant: string;
  readonly timestamp: Date;
  readonly smetsData?: SmetsDataContent;
  readonly debug?: Smets1DebugContent;
}
