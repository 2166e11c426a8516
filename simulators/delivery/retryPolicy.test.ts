import { describe, it } from 'node:test';
import { expect } from 'chai';
import { classifyStatus, DEFAULT_RETRY_POLICY, parseRetryAfter, resolveRetryPolicy, retryDelayMs } from './retryPolicy.ts';

const policy = DEFAULT_RETRY_POLICY;
const nominal = () => 0.5;

describe('retry policy', () => {
  it('backs off exponentially from 200 ms, doubling, capped at 30 s', () => {
    const delays = [1, 2, 3, 4, 5, 8, 20].map((retry) => retryDelayMs(retry, policy, nominal));
    expect(delays).to.deep.equal([200, 400, 800, 1600, 3200, 25_600, 30_000]);
  });

  it('spreads each wait by the jitter, never beyond the cap', () => {
    expect(retryDelayMs(1, policy, () => 0)).to.equal(160);
    expect(retryDelayMs(1, policy, () => 0.999_999)).to.equal(240);
    expect(retryDelayMs(12, policy, () => 0.999_999)).to.equal(30_000);
    expect(retryDelayMs(3, resolveRetryPolicy({ jitter: 0 }), () => 0)).to.equal(800);
  });

  it('waits as long as Retry-After asks, within the cap', () => {
    expect(retryDelayMs(1, policy, nominal, 3000)).to.equal(3000);
    expect(retryDelayMs(1, policy, nominal, 120_000)).to.equal(30_000);
  });

  it('reads Retry-After in seconds, or as a date against the response Date header', () => {
    expect(parseRetryAfter(new Headers({ 'retry-after': '7' }))).to.equal(7000);
    const dated = new Headers({
      'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT',
      date: 'Thu, 01 Jan 2026 00:00:01 GMT',
    });
    expect(parseRetryAfter(dated)).to.equal(4000);
    expect(parseRetryAfter(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }))).to.equal(undefined);
    expect(parseRetryAfter(new Headers({ 'retry-after': 'soon' }))).to.equal(undefined);
    expect(parseRetryAfter(new Headers())).to.equal(undefined);
  });

  it('retries 408, 429 and 5xx; takes any other non-2xx as a refusal', () => {
    const classes = [200, 202, 204, 301, 400, 401, 403, 404, 408, 413, 429, 500, 502, 503, 504].map(classifyStatus);
    expect(classes).to.deep.equal([
      'delivered', 'delivered', 'delivered', 'refused', 'refused', 'refused', 'refused', 'refused',
      'retry', 'refused', 'retry', 'retry', 'retry', 'retry', 'retry',
    ]);
  });

  it('refuses a nonsensical policy at once', () => {
    expect(() => resolveRetryPolicy({ maxAttempts: 0 })).to.throw(RangeError, /maxAttempts/);
    expect(() => resolveRetryPolicy({ jitter: 2 })).to.throw(RangeError, /jitter/);
    expect(() => resolveRetryPolicy({ attemptTimeoutMs: 0 })).to.throw(RangeError, /attemptTimeoutMs/);
    expect(resolveRetryPolicy({ maxAttempts: 3 })).to.include({ maxAttempts: 3, baseDelayMs: 200 });
  });
});
