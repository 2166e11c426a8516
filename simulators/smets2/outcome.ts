import type { Eui } from '../core/Eui.ts';
import type { Reason } from '../core/verdict.ts';
import type { CertificateUpdateOutcome, CredentialsReplacementMode, UseCase } from '../gbcs/index.ts';

/**
 * What became of one message, decoded, for tests and the journal. The bytes a real device would send
 * are in HandleResult; this is the harness's own account of why.
 *
 * - `executed`: accepted and acted on (a CS02b may still have failed cells – see certificateOutcomes);
 * - `futureDated`: accepted, answered with commandAccepted only, waiting for its execution time;
 * - `refused`: failed authentication or authority – discarded with an alert, no response;
 * - `dropped`: not acted on and not answered (offline, malformed, not addressed here, replayed …).
 */
export interface CommandOutcome {
  readonly status: 'executed' | 'futureDated' | 'refused' | 'dropped';
  readonly useCase?: UseCase;
  readonly mode?: CredentialsReplacementMode;
  readonly originator?: Eui;
  readonly originatorCounter?: bigint;
  readonly reasons: readonly Reason[];
  /** Alert codes raised, in the order of `alerts`. */
  readonly alertCodes: readonly number[];
  readonly certificateOutcomes?: readonly CertificateUpdateOutcome[];
  /** delayedResponse fault: when `tick` releases the response. */
  readonly responseDueAt?: Date;
  /** futureDated: when `tick` executes it. */
  readonly executionDateTime?: Date;
}

/** A device's answer to one message. */
export interface HandleResult {
  /** The response frame, if the device answers now. */
  readonly response?: Buffer;
  /** Alert frames raised while handling it (signed, CRA flag 03). */
  readonly alerts: readonly Buffer[];
  readonly outcome: CommandOutcome;
}

/** What a device does when the clock moves on: delayed responses released, future-dated commands run. */
export interface TickResult {
  readonly responses: readonly Buffer[];
  readonly alerts: readonly Buffer[];
  readonly executed: readonly CommandOutcome[];
}

export const NOTHING_DUE: TickResult = {
  responses: [],
  alerts: [],
  executed: [],
};
