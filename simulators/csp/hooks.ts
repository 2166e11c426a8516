import type { Eui } from '../core/Eui.ts';
import type { RequestId } from '../core/RequestId.ts';
import type { DeviceAlert } from '../dsp/ports.ts';

/**
 * A device alert the CSP carried that is not part of a command's outcome: raised on a device timer
 * (a future-dated CS02b's 0x00CB with 0x8F66/0x8F67, then 0x8F70), or raised while handling a
 * command whose outcome was already reported (a command that timed out – `about` names it).
 *
 * The DSP subscribes once (`gateway.onAlert(hook)`) and, per alert, sends the User a DUIS
 * DeviceAlertMessage: to the alert header's recipient when that is a User (0x00CB goes to the
 * command's originator), otherwise to whoever DUIS alert routing names for the device (the
 * registered supplier for alerts addressed to the ACB). The hook must not throw; if it does, the
 * CSP journals the error and carries on.
 */
export type CspAlertHook = (deviceId: Eui, alert: DeviceAlert, about?: RequestId) => void;

/** A device response that arrived after the CSP had reported `timeout` (E21) for its command. */
export interface LateResponse {
  readonly deviceId: Eui;
  /** The GBCS response frame. */
  readonly response: Buffer;
  /** The command it answers, when the CSP still remembers it. */
  readonly requestId?: RequestId;
  readonly sentAt?: Date;
  readonly timedOutAt?: Date;
  readonly arrivedAt: Date;
}

/**
 * Told about every late response. The CSP has already journalled it (`late-response`) and dropped
 * it, which is all DUIS asks for (the User has had E21); a DSP may use the hook to journal it on
 * its own lane or to count them.
 */
export type LateResponseHook = (late: LateResponse) => void;
