/** What the journal says about one Service Request to a device, and about the device's own frames. */
import type { KeyUsage, RemotePartyRole } from '../core/roles.ts';

/**
 * How a Service Request ended, as the DSP journalled it:
 * - `success`: an I0 device response with a non-empty, successful execution outcome;
 * - `pending`: accepted, nothing back yet;
 * - `refused`: the DSP answered an E… code (validation or dispatch);
 * - `timeout`: E21 – the device heard the command and no response came in time;
 * - `unreachable`: E20;
 * - `emptyExecutionOutcome`: an I0 device response with no execution outcome (the future-dated shape);
 * - `deviceFailure`: a device response whose outcome is a failure (a cell not replaced, CS02d status ≠ 0);
 * - `deviceRefused`: the device answered with alerts only (e.g. 0x8F30 no authority);
 * - `unreadable`: the journal kept no payload, or it does not decode.
 */
export type OutcomeKind =
  | 'success'
  | 'pending'
  | 'refused'
  | 'timeout'
  | 'unreachable'
  | 'emptyExecutionOutcome'
  | 'deviceFailure'
  | 'deviceRefused'
  | 'unreadable';

export interface AttemptOutcome {
  readonly kind: OutcomeKind;
  /** One line: the response code and why. */
  readonly detail: string;
  readonly at?: Date;
}

/** What the GBCS command carried, read from the journal's payload. */
export interface CommandDetail {
  /** 6.17 (CS02c) and 6.15.2 (CS02d): which device key. */
  readonly keyUsage?: KeyUsage;
  /** CS02b (6.15.1, 6.21, 6.23): the remote party roles of the target cells. */
  readonly targetRoles?: readonly RemotePartyRole[];
  /** CS02b: the Entity IDs of the certificates placed. */
  readonly placed?: readonly string[];
}

export interface SrAttempt extends CommandDetail {
  readonly requestId: string;
  readonly srv: string;
  readonly deviceId: string;
  /** The RequestID's originator (the DUIS request's `from`). */
  readonly user: string;
  readonly sentAt: Date;
  readonly outcome: AttemptOutcome;
  /** Device alert codes that came back with this request (`8F30`, `8F70` …). */
  readonly alerts: readonly string[];
}

/** Frames the device itself sent: responses, alerts, a response after the time-out. */
export type FrameKind = 'response' | 'alert' | 'lateResponse';

export interface DeviceFrame {
  readonly kind: FrameKind;
  readonly at: Date;
}

/** Everything the journal says about one device. */
export interface DeviceHistory {
  readonly attempts: readonly SrAttempt[];
  readonly frames: readonly DeviceFrame[];
  /** The first successful SRV 8.1.1 Commission Device, if the journal has one. */
  readonly commissionedAt?: Date;
}

export const EMPTY_HISTORY: DeviceHistory = Object.freeze({ attempts: Object.freeze([]), frames: Object.freeze([]) });

/** The outcome to judge: an attempt left pending after the device answered with alerts only was refused by it. */
export function finalOutcome(a: SrAttempt): AttemptOutcome {
  if (a.outcome.kind !== 'pending' || a.alerts.length === 0) return a.outcome;
  return { kind: 'deviceRefused', detail: `the device answered with alert ${a.alerts.join(', ')} only, no response` };
}
