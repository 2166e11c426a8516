import { classifyStatus, parseRetryAfter, RETRY_AFTER_STATUSES } from './retryPolicy.ts';
import { describeError } from './responseUrls.ts';

/** The part of `fetch` the client uses; the default reads `globalThis.fetch` at call time. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** What one POST came to. */
export type AttemptResult =
  | { readonly outcome: 'delivered'; readonly status: number }
  | { readonly outcome: 'refused'; readonly status: number; readonly bodyExcerpt: string; readonly detail: string }
  | {
      readonly outcome: 'retry';
      readonly status?: number;
      readonly bodyExcerpt?: string;
      readonly error?: string;
      readonly retryAfterMs?: number;
    }
  /** The client was closed during the attempt: whether the User got the message is unknown. */
  | { readonly outcome: 'stopped' };

export interface PostOptions {
  readonly fetch: FetchLike;
  readonly timeoutMs: number;
  /** Aborts the attempt when the client closes. */
  readonly stop: AbortSignal;
  readonly excerptChars: number;
}

/**
 * One POST of a DUIS message to a User: `Content-Type: application/xml`, redirects not followed
 * (a fetch would turn a 301/302 POST into a GET), the whole exchange bounded by the time-out.
 * Never throws: every failure becomes an AttemptResult.
 */
export async function postXml(url: string, xml: string, options: PostOptions): Promise<AttemptResult> {
  if (options.stop.aborted) return { outcome: 'stopped' };
  const attempt = new AbortController();
  const onStop = () => attempt.abort(options.stop.reason);
  options.stop.addEventListener('abort', onStop, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    attempt.abort(new DOMException(`no answer within ${options.timeoutMs} ms`, 'TimeoutError'));
  }, options.timeoutMs);
  try {
    const response = await options.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: xml,
      redirect: 'manual',
      signal: attempt.signal,
    });
    const { status } = response;
    const verdict = classifyStatus(status);
    if (verdict === 'delivered') {
      // Not awaited: some streams (msw's among them) never settle a cancel.
      response.body?.cancel().catch(() => undefined);
      return { outcome: 'delivered', status };
    }
    const bodyExcerpt = await readExcerpt(response, options.excerptChars);
    if (verdict === 'refused') return { outcome: 'refused', status, bodyExcerpt, detail: refusalDetail(response) };
    const retryAfterMs = RETRY_AFTER_STATUSES.has(status) ? parseRetryAfter(response.headers) : undefined;
    return { outcome: 'retry', status, bodyExcerpt, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  } catch (error) {
    if (timedOut) return { outcome: 'retry', error: `timed out: no answer within ${options.timeoutMs} ms` };
    if (options.stop.aborted) return { outcome: 'stopped' };
    return { outcome: 'retry', error: describeError(error) };
  } finally {
    clearTimeout(timer);
    options.stop.removeEventListener('abort', onStop);
  }
}

function refusalDetail(response: Response): string {
  const location = response.headers.get('location');
  if (response.status >= 300 && response.status < 400)
    return `redirect${location ? ` to ${location}` : ''} not followed`;
  return 'refused by the User';
}

/** The start of a response body, whitespace folded; whatever arrived if reading fails. */
async function readExcerpt(response: Response, maxChars: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length <= maxChars) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    // What arrived before the failure is excerpt enough.
  } finally {
    reader.cancel().catch(() => undefined);
  }
  return excerpt(text, maxChars);
}

export function excerpt(text: string, maxChars: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > maxChars ? `${flat.slice(0, maxChars - 1)}…` : flat;
}
