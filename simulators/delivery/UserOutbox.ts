import type { InProcessSignature } from '../duis/InProcessSigning.ts';
import type { DuisText } from '../duis/LazyXml.ts';
import type { Eui } from '../core/Eui.ts';
import type { DuisResponseCode } from '../core/errors.ts';
import type { RequestId } from '../core/RequestId.ts';

/** What the DSP is sending a User: a DUIS response, a device alert or a DCC alert. */
export type DeliveryKind = 'response' | 'deviceAlert' | 'dccAlert';

/**
 * What comes with the XML. Only `kind` is required; the rest is copied into the journal and the
 * kept messages. Wide enough to take the DSP's own DeliveryMeta (simulators/dsp/ports.ts) as is.
 */
export interface DeliveryMeta {
  readonly kind: DeliveryKind;
  /** The RequestID the message answers, when it answers one. */
  readonly requestId?: string | RequestId;
  /** The message's own ResponseID, when it has one. */
  readonly responseId?: string;
  readonly responseCode?: DuisResponseCode;
  /**
   * The User's response URL as the DSP knew it at hand-over: used when the client's own lookup has
   * none for the User.
   */
  readonly responseUrl?: string;
  readonly srv?: string;
  readonly deviceId?: Eui;
  /** `N42` etc. for DCC alerts, `8F3D` etc. for device alerts. */
  readonly alertCode?: string;
  /** With in-process signing (decision 0009): the DSP's signature over the XML. */
  readonly inProcessSignature?: InProcessSignature;
}

/**
 * The DSP's port to the Users (decision 0003): hands over an asynchronous DUIS response or alert
 * for a User's registered response URL. Fire and forget: it never throws and never blocks; what
 * cannot be delivered is kept by the adapter, not reported back to the DSP.
 */
export interface UserOutbox {
  /** `xml`: in process (decision 0009), a document whose text is written only if read. */
  deliver(userEui: Eui, xml: DuisText, meta: DeliveryMeta): void;
}
