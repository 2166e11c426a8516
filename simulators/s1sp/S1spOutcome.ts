import type { Eui } from '../core/Eui.ts';
import type { DuisResponseCode } from '../core/errors.ts';
import type { RequestId } from '../core/RequestId.ts';
import type { UserRole } from '../core/roles.ts';
import type { Reason } from '../core/verdict.ts';
import type { HeldCertificate } from './CertificatePool.ts';
import type { SlotContents } from './S1Device.ts';
import type { SlotName } from './slots.ts';

/** Why the S1SP refused a request. Stable: scenarios and reports match on them. */
export const S1SP_REFUSAL_CODES = [
  /** The request does not carry a valid XML signature of the DSP. No response is built. */
  'not-countersigned',
  /** Countersigned, but not a DUIS request the codec can read. No response is built. */
  'unreadable-request',
  /** The target device is not enrolled at this S1SP. */
  'unknown-device',
  /** A device-credential SRV (6.15.2, 6.17, 6.24.2): SMETS1 meters hold no device certificates. */
  'not-applicable-to-smets1',
  /** An SRV this S1SP simulator does not handle (everything but 6.15.1 and 6.24.1). */
  'srv-not-supported',
  /** 6.15.1 with an ExecutionDateTime: future-dated replacement is not modelled. */
  'future-dated-not-supported',
  /** A replacement names a cell SMETS1 has no virtual slot for (ACB, Root, top-up KA …). */
  'no-such-slot',
  /** The authorising slot is empty: nobody can authorise replacing it. */
  'empty-authorising-slot',
  /** The sender does not own the certificate in the authorising slot. */
  'not-certificate-owner',
  /** A replacement certificate fails the profile, role or key usage check: nothing was replaced. */
  'bad-certificate',
] as const;
export type S1spRefusalCode = (typeof S1SP_REFUSAL_CODES)[number];

/**
 * The integer the S1SP writes in the MMC `SMETS1Debug/SMETS1Response/@ResponseCode` for each
 * refusal. **[assumed]** DCC does not publish S1SP error numbers; override per S1SP with the
 * `smets1ErrorCodes` option.
 */
export const DEFAULT_SMETS1_ERROR_CODES: Readonly<Record<S1spRefusalCode, number>> = {
  'not-countersigned': 1,
  'unreadable-request': 2,
  'unknown-device': 3,
  'not-applicable-to-smets1': 4,
  'srv-not-supported': 5,
  'future-dated-not-supported': 6,
  'no-such-slot': 7,
  'empty-authorising-slot': 8,
  'not-certificate-owner': 9,
  'bad-certificate': 10,
};

/**
 * The DUIS ResponseCode the DSP would put on the sr:Response that carries (or stands for) the
 * S1SP's answer. **[assumed]** I0 where the S1SP returns a signed SMETS1 response (the failure is
 * inside it, `MessageSuccess="false"`, as a SMETS2 device reports a failed replacement); E19/E11
 * where the DSP would normally have refused first; E20 where the S1SP could not act on the
 * request at all. Override with the `responseCodes` option.
 */
export const DEFAULT_RESPONSE_CODES: Readonly<Record<S1spRefusalCode, DuisResponseCode>> = {
  'not-countersigned': 'E20',
  'unreadable-request': 'E20',
  'unknown-device': 'E19',
  'not-applicable-to-smets1': 'E11',
  'srv-not-supported': 'E11',
  'future-dated-not-supported': 'I0',
  'no-such-slot': 'I0',
  'empty-authorising-slot': 'I0',
  'not-certificate-owner': 'I0',
  'bad-certificate': 'I0',
};

/** One slot replaced (or, in a refusal or dry run, that would have been). */
export interface SlotChange {
  readonly deviceId: Eui;
  readonly slot: SlotName;
  readonly before: HeldCertificate | undefined;
  readonly after: HeldCertificate;
}

/** The S1SP's answer as it travels back: an `sr:SMETS1SignedResponse`, signed by the S1SP. */
export interface S1spResponse {
  readonly xml: string;
  /** The `MessageSuccess` attribute of the SRV's response element. */
  readonly messageSuccess: boolean;
}

interface OutcomeCommon {
  /** The S1SP that answered, e.g. `S1SP-A`. */
  readonly s1sp: string;
  /** What the DSP should answer the User with (see DEFAULT_RESPONSE_CODES). */
  readonly responseCode: DuisResponseCode;
  /** Absent only when the request could not be read (not countersigned, unreadable). */
  readonly requestId?: RequestId;
  readonly srv?: string;
  readonly deviceId?: Eui;
  /** The originator of the request: the User the DSP authenticated. */
  readonly sender?: Eui;
  /** As the DSP passed it: journalled only, no decision depends on it. */
  readonly userRole?: UserRole;
}

export interface S1spAccepted extends OutcomeCommon {
  readonly ok: true;
  /** 6.15.1 replaced slots, 6.24.1 read them. */
  readonly kind: 'credentials-updated' | 'credentials-read';
  readonly reasons: readonly [];
  readonly changes: readonly SlotChange[];
  /** The device's slots after the request. */
  readonly slots: SlotContents;
  readonly response: S1spResponse;
}

export interface S1spRefused extends OutcomeCommon {
  readonly ok: false;
  readonly code: S1spRefusalCode;
  /** Every reason that applied (all bad certificates, not just the first). */
  readonly reasons: readonly Reason[];
  readonly changes: readonly [];
  /** Absent for `not-countersigned` and `unreadable-request`: there is no request to answer. */
  readonly response?: S1spResponse;
}

export type S1spOutcome = S1spAccepted | S1spRefused;
