import type { Eui } from '../core/Eui.ts';
import type { DuisResponseCode } from '../core/errors.ts';
import type { RequestId } from '../core/RequestId.ts';
import type { InventoryDevice } from './inventory.ts';
import type { DuisRemotePartyRole } from './trustAnchorCells.ts';

/** The `sr:Header` of an `sr:Response`; the schema makes both ids optional. */
export interface DuisResponseHeader {
  /** sr:RequestID: the request answered (absent in alerts). */
  readonly requestId?: RequestId;
  /** sr:ResponseID: for a device response `device:originator:counter` (the request's ids swapped). */
  readonly responseId?: RequestId;
  readonly responseCode: DuisResponseCode;
  readonly responseDateTime: Date;
}

/** An element the harness does not model, kept as XML text (parse only; the builder refuses it). */
export interface UnmodelledElement {
  readonly kind: 'Unmodelled';
  /** Its local name, e.g. `DSPScheduleID`. */
  readonly name: string;
  readonly xml: string;
}

/** The optional content of sr:ResponseMessage after ServiceReference and ServiceReferenceVariant. */
export type ResponseContent =
  /** A device response (or a command sent on, CV 1/5) as the GBCS message. */
  | { readonly kind: 'GBCSPayload'; readonly gbcsPayload: Buffer }
  /** The CV 4 transform answer: the GBCS command for the User to sign. */
  | { readonly kind: 'PreCommand'; readonly gbcsVersion: string; readonly gbcsPayload: Buffer }
  /** A command for local delivery (CV 2/3/6/7). */
  | { readonly kind: 'LocalCommand'; readonly gbcsPayload: Buffer }
  /** The 8.2 Read Inventory answer: 1 to 17 devices. */
  | { readonly kind: 'DSPInventory'; readonly devices: readonly InventoryDevice[] }
  /** A future-dated command's outcome (alert 8F66 success / 8F67 failure). */
  | {
      readonly kind: 'FutureDatedDeviceAlertMessage';
      readonly futureDatedAlertCode: '8F66' | '8F67';
      readonly gbcsPayload: Buffer;
      readonly instructionNumber: number;
      readonly totalCommandInstructions: number;
    }
  | UnmodelledElement;

export interface ResponseMessageBody {
  readonly kind: 'ResponseMessage';
  /** e.g. `6.15`. */
  readonly serviceReference: string;
  /** e.g. `6.15.1`. */
  readonly serviceReferenceVariant: string;
  /** Absent for acknowledgements (I99), errors and non-device answers without data (8.3, 8.4, 12.2). */
  readonly content?: ResponseContent;
}

export interface DeviceAlertMessageBody {
  readonly kind: 'DeviceAlertMessage';
  /** Two bytes as upper-case hex, e.g. `8F70`. */
  readonly alertCode: string;
  readonly throttledAlertSequenceId?: number;
  readonly throttledAlertCount?: number;
  /** The GBCS alert message. */
  readonly gbcsPayload: Buffer;
}

export type CertificateType = 'DigitalSigning' | 'KeyAgreement' | 'KeyAgreementTopUp';

/** DCC alert body: certificates on a device were replaced (e.g. after 6.21 or 6.23, or by another party). */
export interface SecurityCredentialsUpdatedAlert {
  readonly kind: 'SecurityCredentialsUpdated';
  readonly deviceId: Eui;
  readonly remotePartyRole: DuisRemotePartyRole;
  readonly remotePartySeqNumberChange?: {
    readonly remotePartyFloorSeqNumber: bigint;
    readonly remotePartyPrepaymentTopUpFloorSeqNumber?: bigint;
  };
  /** 1 to 3: which certificates now sit in the cells, by SHA-1 hash (sr:SHA1, base64 in the XML). */
  readonly certificates: readonly {
    readonly certificateType: CertificateType;
    readonly certificateHash: Buffer;
  }[];
}

/** DCC alert body: a command could not be delivered. */
export interface CommandFailureAlert {
  readonly kind: 'CommandFailure';
  readonly commandRequestId: RequestId;
  readonly dspScheduleId?: bigint;
  readonly deviceId: Eui;
}

export type DccAlert = SecurityCredentialsUpdatedAlert | CommandFailureAlert | UnmodelledElement;

export interface DccAlertMessageBody {
  readonly kind: 'DCCAlertMessage';
  /** e.g. `N42`; the schema enumerates AD1, N1–N65 (no N32) and N999. */
  readonly dccAlertCode: string;
  readonly throttledAlertSequenceId?: number;
  readonly throttledAlertCount?: number;
  readonly alert: DccAlert;
}

export type ResponseBody = ResponseMessageBody | DeviceAlertMessageBody | DccAlertMessageBody;

/**
 * A DUIS `sr:Response` as a value: the DSP's synchronous answers (I99 acknowledgement, errors,
 * the CV 4 PreCommand, 8.2 inventory…) and what it POSTs to the User later (device responses,
 * device and DCC alerts).
 */
export interface DuisResponse {
  readonly schemaVersion: string;
  readonly header: DuisResponseHeader;
  readonly body: ResponseBody;
}

/** parseDuisResponse's result: the value plus non-enumerable DOM handles (see ParsedServiceRequest). */
export interface ParsedDuisResponse extends DuisResponse {
  readonly element: Element;
  readonly signatureElement: Element | undefined;
}

/** What buildDuisResponse takes: a DuisResponse, with the schema version optional. */
export interface DuisResponseInput {
  /** Default DEFAULT_SCHEMA_VERSION (5.4). */
  readonly schemaVersion?: string;
  readonly header: DuisResponseHeader;
  readonly body: ResponseBody;
}
