import type { DuisResponseCode } from '../core/errors.ts';
import type { RequestId } from '../core/RequestId.ts';
import type { Reason } from '../core/verdict.ts';
import type { DuisService } from '../dsp/DspAnswer.ts';
import type { ParsedDuisResponse } from '../duis/index.ts';
import type { Credential } from '../keystore/index.ts';

/** One request POSTed to the DSP and its synchronous answer. */
export interface DspExchange {
  readonly service: DuisService;
  /** The request's RequestID: as built by `send`; for `sendRaw`, the one the DSP's response names, if any. */
  readonly requestId?: RequestId;
  /** The HTTP status: 200 for any DUIS response (I0, I99, E…), 4xx for what the DSP could not read or authenticate. */
  readonly status: number;
  /** The DUIS response code of a 200 answer. */
  readonly responseCode?: DuisResponseCode;
  /** The harness's reason for a refusal (`x-smets-harness-reason`), for E-codes and HTTP errors. */
  readonly reason?: string;
  /** The request body as sent (signed XML for `send`). */
  readonly xml: string;
  /** The answer's body as received. */
  readonly responseXml: string;
  readonly contentType?: string;
  /** The parsed, verified `sr:Response` of a 200 answer. */
  readonly response?: ParsedDuisResponse;
  /** Whose credential signed the response (the DSP's XML-signing credential). */
  readonly signer?: Credential;
}

/** What `send` returns: always with the RequestID it sent. */
export interface SentRequest extends DspExchange {
  readonly requestId: RequestId;
}

/** A critical request's two steps: CV 4 on serviceT, then (if it got a PreCommand) CV 5 on serviceS. */
export interface CriticalExchange {
  readonly requestId: RequestId;
  readonly cv4: SentRequest;
  /** The GBCS pre-command the DSP returned, when CV 4 was answered I0 with one. */
  readonly preCommand?: Buffer;
  /** The pre-command signed with the User's DS key, as sent in CV 5. */
  readonly signedPreCommand?: Buffer;
  /** Absent when CV 4 was refused. */
  readonly cv5?: SentRequest;
}

/**
 * The DSP answered 200 with something a User must not trust: unsigned, badly signed, signed by a
 * party that is not the DSP, not a DUIS response, or answering another RequestID.
 */
export class DspResponseError extends Error {
  constructor(
    readonly exchange: DspExchange,
    readonly reasons: readonly Reason[],
  ) {
    const id = exchange.requestId ? ` for ${exchange.requestId}` : '';
    super(`the DSP's answer on service${exchange.service}${id} cannot be trusted: ${reasons.map((r) => r.message).join('; ')}`);
    this.name = 'DspResponseError';
  }
}
