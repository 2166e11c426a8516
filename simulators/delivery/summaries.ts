/**
 * The delivery client's journal entries and their one-line summaries, e.g.
 * `POST https://supplier.example/duis → 503, retry 2 in 400 ms (attempt 2/6, response delivery-1)`.
 */
import type { JournalInput } from '../core/Journal.ts';
import type { MessageRecord, OutboundMessage } from './messages.ts';
import type { AttemptResult } from './postXml.ts';

/** What happened next after an attempt that did not deliver. */
export type NextStep = { readonly retry: number; readonly delayMs: number; readonly retryAfter: boolean } | 'give-up';

export function attemptSummary(
  url: string,
  message: OutboundMessage,
  result: AttemptResult,
  maxAttempts: number,
  next?: NextStep,
): string {
  const which = `(attempt ${message.roundAttempts}/${maxAttempts}, ${label(message)})`;
  return `POST ${url} → ${outcome(result, next)} ${which}`;
}

function outcome(result: AttemptResult, next?: NextStep): string {
  switch (result.outcome) {
    case 'delivered':
      return `${result.status}, delivered`;
    case 'refused':
      return `${result.status}, ${result.detail}${result.bodyExcerpt ? `: "${result.bodyExcerpt}"` : ''}`;
    case 'stopped':
      return 'abandoned: the delivery client closed';
    case 'retry': {
      const got = statusOrError(result);
      if (next === undefined || next === 'give-up') return `${got}, no attempts left`;
      const asked = next.retryAfter ? ' as Retry-After asked' : '';
      return `${got}, retry ${next.retry} in ${next.delayMs} ms${asked}`;
    }
  }
}

/** `response delivery-3`, `deviceAlert 8F3D delivery-4`: what a journal line is about. */
export function label(message: Pick<MessageRecord, 'id' | 'meta'>): string {
  const { kind, alertCode } = message.meta;
  return `${kind}${alertCode ? ` ${alertCode}` : ''} ${message.id}`;
}

/** `503`, or the network error, e.g. `timed out: no answer within 10000 ms`. */
export function statusOrError(result: { readonly status?: number; readonly error?: string }): string {
  return result.status !== undefined ? String(result.status) : (result.error ?? 'no answer');
}

export function refusalReason(result: Extract<AttemptResult, { outcome: 'refused' }>): string {
  return `HTTP ${result.status} ${result.detail}${result.bodyExcerpt ? `: "${result.bodyExcerpt}"` : ''}`;
}

export function exhaustedReason(attempts: number, result: Extract<AttemptResult, { outcome: 'retry' }>): string {
  const last = result.status !== undefined ? `HTTP ${result.status}` : (result.error ?? 'no answer');
  const body = result.bodyExcerpt ? `: "${result.bodyExcerpt}"` : '';
  return `not delivered after ${attempts} attempt${attempts === 1 ? '' : 's'}; last: ${last}${body}`;
}

/** A DELIVERY journal entry from the DSP to the User, with the ids the DSP handed over. */
export function journalEntry(at: Date, message: Pick<MessageRecord, 'userEui' | 'meta'>, summary: string): JournalInput {
  const { requestId, srv, deviceId, responseCode } = message.meta;
  return {
    at,
    via: 'DELIVERY',
    from: 'DSP',
    to: message.userEui.toString(),
    kind: 'delivery',
    summary,
    ...(requestId !== undefined && { requestId: requestId.toString() }),
    ...(srv !== undefined && { srv }),
    ...(deviceId !== undefined && { deviceId: deviceId.toString() }),
    ...(responseCode !== undefined && { responseCode }),
  };
}
