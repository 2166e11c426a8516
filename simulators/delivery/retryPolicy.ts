/**
 * When the delivery client tries again and when it gives up: exponential back-off with jitter,
 * `Retry-After`, and which HTTP statuses a User means as "no" rather than "not now".
 */
export interface RetryPolicy {
  /** Attempts per delivery round, the first included. */
  readonly maxAttempts: number;
  /** Wait before the first retry. */
  readonly baseDelayMs: number;
  /** Each further retry waits this many times longer. */
  readonly factor: number;
  /** No wait is longer than this, `Retry-After` included. */
  readonly maxDelayMs: number;
  /** Spread of the random jitter around the nominal wait: 0.2 means ±20 %. */
  readonly jitter: number;
  /** One POST (body read included) is abandoned after this long. */
  readonly attemptTimeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  maxAttempts: 6,
  baseDelayMs: 200,
  factor: 2,
  maxDelayMs: 30_000,
  jitter: 0.2,
  attemptTimeoutMs: 10_000,
});

/** The defaults overridden by `overrides`, checked: a bad value throws a RangeError at once. */
export function resolveRetryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY, ...overrides };
  const check = (name: keyof RetryPolicy, ok: boolean, expected: string) => {
    if (!ok) throw new RangeError(`retry policy: ${name} must be ${expected}, got ${policy[name]}`);
  };
  check('maxAttempts', Number.isInteger(policy.maxAttempts) && policy.maxAttempts >= 1, 'an integer ≥ 1');
  check('baseDelayMs', Number.isFinite(policy.baseDelayMs) && policy.baseDelayMs >= 0, 'a number ≥ 0');
  check('factor', Number.isFinite(policy.factor) && policy.factor >= 1, 'a number ≥ 1');
  check('maxDelayMs', Number.isFinite(policy.maxDelayMs) && policy.maxDelayMs >= 0, 'a number ≥ 0');
  check('jitter', policy.jitter >= 0 && policy.jitter <= 1, 'between 0 and 1');
  check(
    'attemptTimeoutMs',
    Number.isFinite(policy.attemptTimeoutMs) && policy.attemptTimeoutMs > 0,
    'a number > 0',
  );
  return Object.freeze(policy);
}

/**
 * How long to wait before retry number `retry` (1 for the wait after the first attempt).
 * A `Retry-After` the User sent wins over the back-off; either way the wait is capped.
 * `random` returns [0, 1); 0.5 gives the nominal wait exactly.
 */
export function retryDelayMs(
  retry: number,
  policy: RetryPolicy,
  random: () => number,
  retryAfterMs?: number,
): number {
  if (retryAfterMs !== undefined) return Math.min(policy.maxDelayMs, Math.max(0, retryAfterMs));
  const nominal = Math.min(policy.maxDelayMs, policy.baseDelayMs * policy.factor ** (retry - 1));
  const spread = 1 + policy.jitter * (2 * random() - 1);
  return Math.min(policy.maxDelayMs, Math.max(0, Math.round(nominal * spread)));
}

export type StatusClass = 'delivered' | 'retry' | 'refused';

/** 2xx delivered; 408, 429 and 5xx are worth another go; anything else is the User saying no. */
export function classifyStatus(status: number): StatusClass {
  if (status >= 200 && status < 300) return 'delivered';
  if (status === 408 || status === 429 || (status >= 500 && status < 600)) return 'retry';
  return 'refused';
}

/** Statuses whose `Retry-After` is honoured. */
export const RETRY_AFTER_STATUSES: ReadonlySet<number> = new Set([429, 503]);

/**
 * `Retry-After` in milliseconds: the delay-seconds form, or an HTTP-date measured against the
 * response's own `Date` header (never against our clock, which may be simulated). Undefined when
 * absent or unusable.
 */
export function parseRetryAfter(headers: Headers): number | undefined {
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  const sent = Date.parse(headers.get('date') ?? '');
  if (Number.isNaN(at) || Number.isNaN(sent)) return undefined;
  return Math.max(0, at - sent);
}
