import type { InProcessSignature } from '../duis/InProcessSigning.ts';
import type { KeyObject } from 'node:crypto';
import type { Eui } from '../core/Eui.ts';
import type { DuisResponseCode } from '../core/errors.ts';
import type { RequestId } from '../core/RequestId.ts';
import type { UserRole } from '../core/roles.ts';
import type { CommandVariant, Srv } from '../core/Srv.ts';
import type { DuisText, RequestBody } from '../duis/index.ts';
import type { RegistrationData } from '../rdp/RegistrationData.ts';

/**
 * The DSP's ports: everything outside the DSP it talks to, injected at construction (decision
 * 0003). Adapters (CSP over WebSocket, the S1SP, the HTTP delivery client) implement them; tests
 * use in-process fakes.
 */

/** A GBCS alert a device raised while handling a command (e.g. 0x8F3D authentication failure). */
export interface DeviceAlert {
  /** Two bytes as four hex digits, e.g. `8F3D`. */
  readonly alertCode: string;
  /** The GBCS alert message (a general-signing grouping header with CRA flag 3). */
  readonly bytes: Buffer;
}

/**
 * What came back for a command, once: the device's GBCS response (perhaps with alerts), only
 * alerts (the device refused the command and said so with an alert), the S1SP's answer for a
 * SMETS1 device, or a failure the DSP answers with a DUIS error – `unreachable` → E20 (the DCC
 * could not reach the device), `timeout` → E21 (the device did not answer within the gateway's
 * time-out; the gateway owns the time-out, in simulated time).
 */
export type DeviceOutcome =
  | { readonly kind: 'response'; readonly response: Buffer; readonly alerts?: readonly DeviceAlert[] }
  | { readonly kind: 'alerts'; readonly alerts: readonly DeviceAlert[] }
  | Smets1Outcome
  | { readonly kind: 'unreachable'; readonly reason: string }
  | { readonly kind: 'timeout'; readonly reason: string };

/**
 * An S1SP's answer: the DUIS response code to give the User and, where the S1SP answered with one,
 * its signed `sr:SMETS1SignedResponse` document, which the DSP carries to the User unchanged inside
 * `sr:SMETS1ResponseMessage`. Without one, the User gets a DSP-signed response with the code alone.
 */
export interface Smets1Outcome {
  readonly kind: 'smets1Response';
  readonly responseCode: DuisResponseCode;
  readonly signedResponse?: string;
  /** Why, in a tester's words (journalled). */
  readonly reason?: string;
}

/** A GBCS command on its way to a SMETS2 device: DD command wrapper, signed and MAC'd. */
export interface DeviceCommand {
  readonly deviceId: Eui;
  readonly bytes: Buffer;
  /** The DUIS request that caused it, for correlation in the journal and the CSP. */
  readonly requestId: RequestId;
}

/** Sends GBCS commands to SMETS2 devices (CSP over WebSocket, or in process). */
export interface DeviceGateway {
  /** Resolves once with the outcome; a rejection is treated as `unreachable` (E20). */
  send(command: DeviceCommand): Promise<DeviceOutcome>;
}

/**
 * A Service Request passed to the S1SP for a SMETS1 device. The S1SP holds the device's
 * certificates by proxy in virtual anchor slots and checks the sender owns the authorising one.
 */
export interface S1spRequest {
  /** The inventory's S1SP of the device. */
  readonly s1spId: string;
  readonly deviceId: Eui;
  readonly requestId: RequestId;
  readonly srv: Srv;
  readonly commandVariant: CommandVariant;
  /** What the User asked for: the request body (for CV 5 the body of the CV 4 request it completes). */
  readonly body: RequestBody;
  /**
   * The request as a DUIS `sr:Request`, countersigned: signed with the DSP's XML-signing key
   * (which stands for the User's signature the DSP verified). Critical SRVs in their CV 4 form,
   * whatever CV completed them; Non-Critical ones as sent (CV 1).
   */
  readonly countersigned: string;
  /** The User Role the DSP established for the sender (eligible for the SRV, fitting the device's fuel). */
  readonly userRole?: UserRole;
  /** CV 5: the User-signed GBCS command (the pre-command plus the User's signature). */
  readonly signedPreCommand?: Buffer;
}

/** The S1SP as the DSP sees it; a colleague builds it. */
export interface S1spGateway {
  send(request: S1spRequest): Promise<DeviceOutcome>;
}

export type DeliveryKind = 'response' | 'deviceAlert' | 'dccAlert';

/** What the outbox may want besides the XML: where to POST it and what it is, for its journal. */
export interface DeliveryMeta {
  readonly kind: DeliveryKind;
  readonly responseCode: DuisResponseCode;
  /** The User's response endpoint as the DSP knows it (UserDirectory); absent when none is set. */
  readonly responseUrl?: string;
  readonly requestId?: RequestId;
  readonly srv?: string;
  readonly deviceId?: Eui;
  /** `N42` etc. for DCC alerts, `8F3D` etc. for device alerts. */
  readonly alertCode?: string;
  /** With in-process signing (decision 0009): the DSP's signature over the XML. */
  readonly inProcessSignature?: InProcessSignature;
}

/**
 * Delivers asynchronous DUIS responses and alerts (already signed) to a User. Fire-and-forget from
 * the DSP's view: retries, and keeping what cannot be delivered, are the outbox's business.
 */
export interface UserOutbox {
  /** `xml`: in process (decision 0009), a document whose text is written only if read. */
  deliver(userEui: Eui, xml: DuisText, meta: DeliveryMeta): void;
}

/** Device key-agreement keys: the DSP MACs every command with the ACB KA key and the device's KA key. */
export interface DeviceCredentials {
  /** The public key of the device's KA certificate; rejects when the device has none. */
  kaCertificate(deviceId: Eui): Promise<KeyObject>;
}

/** Where the DSP's copy of Registration Data comes from: `RegistrationStore` is one. */
export interface RegistrationSource {
  /** An immutable copy as of now. */
  snapshot(): RegistrationData;
}
