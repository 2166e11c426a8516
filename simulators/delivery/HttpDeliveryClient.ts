import { setMaxListeners } from 'node:events';
import { type Clock, SystemClock } from '../core/clock.ts';
import type { Eui } from '../core/Eui.ts';
import type { Journal } from '../core/Journal.ts';
import { type DuisText, textOf } from '../duis/LazyXml.ts';
import { DeadLetterStore } from './DeadLetterStore.ts';
import {
  newMessage, type OutboundMessage, type PendingMessage, pendingView, redeliveryOf,
  type UndeliverableCause, type UndeliverableMessage, undeliverableView,
} from './messages.ts';
import { type AttemptResult, type FetchLike, postXml } from './postXml.ts';
import { describeError, resolveResponseUrl, type ResponseUrlLookup } from './responseUrls.ts';
import { resolveRetryPolicy, retryDelayMs, type RetryPolicy } from './retryPolicy.ts';
import { Semaphore } from './Semaphore.ts';
import { realSleep, type Sleep, untilAborted } from './sleep.ts';
import { attemptSummary, exhaustedReason, journalEntry, label, refusalReason } from './summaries.ts';
import type { DeliveryMeta, UserOutbox } from './UserOutbox.ts';
import { UserQueues } from './UserQueues.ts';

export interface HttpDeliveryClientOptions {
  /**
   * Each User's registered response URL; asked at hand-over and before every attempt. When it has
   * none for a User (or is not given), the URL in the message's meta is used.
   */
  readonly responseUrl?: ResponseUrlLookup;
  readonly journal: Journal;
  /** Timestamps of attempts and kept messages (default: the wall clock). */
  readonly clock?: Clock;
  /** Overrides of DEFAULT_RETRY_POLICY (6 attempts, 200 ms ×2 ±20 %, capped 30 s, 10 s per attempt). */
  readonly retry?: Partial<RetryPolicy>;
  /** Jitter source, [0, 1) (default Math.random; 0.5 gives the nominal back-off exactly). */
  readonly random?: () => number;
  /** Waits between retries (default: a real timer; `instantSleep` for tests and simulated time). */
  readonly sleep?: Sleep;
  /** POSTs on the wire at once, across all Users (default 16). Waiting to retry holds none. */
  readonly maxConcurrentPosts?: number;
  /** Messages in delivery at once per User (default 1, which is what keeps per-User FIFO). */
  readonly perUserInFlight?: number;
  /** Characters of a refusing or failing response body kept (default 200). */
  readonly bodyExcerptChars?: number;
  readonly fetch?: FetchLike;
}

const CLOSED = 'the delivery client closed before the message was delivered';

/**
 * The UserOutbox adapter: POSTs the DSP's asynchronous responses and alerts to each User's
 * response URL, one User's messages in the order the DSP produced them, retrying with back-off,
 * and keeps whatever it cannot deliver for a tester (or the User) to take or redeliver.
 */
export class HttpDeliveryClient implements UserOutbox {
  readonly #lookup: ResponseUrlLookup;
  readonly #journal: Journal;
  readonly #clock: Clock;
  readonly #policy: RetryPolicy;
  readonly #random: () => number;
  readonly #sleep: Sleep;
  readonly #excerptChars: number;
  readonly #fetch: FetchLike;
  readonly #posts: Semaphore;
  readonly #queues: UserQueues;
  readonly #store = new DeadLetterStore();
  readonly #stopRetries = new AbortController();
  readonly #abortPosts = new AbortController();
  #closed = false;
  #seq = 0;

  constructor(options: HttpDeliveryClientOptions) {
    this.#lookup = options.responseUrl ?? (() => undefined);
    this.#journal = options.journal;
    this.#clock = options.clock ?? new SystemClock();
    this.#policy = resolveRetryPolicy(options.retry);
    this.#random = options.random ?? Math.random;
    this.#sleep = options.sleep ?? realSleep;
    this.#posts = new Semaphore(options.maxConcurrentPosts ?? 16);
    this.#queues = new UserQueues(
      options.perUserInFlight ?? 1,
      (message) => this.#deliverOne(message),
      (message, error) => this.#keep(message, 'internal-error', `delivery failed unexpectedly: ${describeError(error)}`),
    );
    this.#excerptChars = options.bodyExcerptChars ?? 200;
    this.#fetch = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
    // Every POST in flight and every sleeping retry listens on these two (and stops listening when
    // done): up to maxConcurrentPosts plus the queued retries at once, which is not a leak.
    setMaxListeners(0, this.#stopRetries.signal, this.#abortPosts.signal);
  }

  get closed(): boolean {
    return this.#closed;
  }

  get retryPolicy(): RetryPolicy {
    return this.#policy;
  }

  deliver(userEui: Eui, xml: DuisText, meta: DeliveryMeta): void {
    const message = newMessage(++this.#seq, userEui, textOf(xml), meta, this.#clock.now());
    if (this.#closed) return this.#keep(message, 'closed', 'the delivery client is closed');
    const target = resolveResponseUrl(this.#lookup, userEui, meta.responseUrl);
    if (!target.ok) return this.#keep(message, 'no-response-url', target.reason);
    this.#queues.enqueue([message]);
  }

  /** Messages not yet delivered nor kept: one User's, or everyone's, oldest first. */
  pending(userEui?: Eui): PendingMessage[] {
    return this.#queues.pending(userEui).map(pendingView);
  }

  /** Messages kept as undeliverable: one User's, or everyone's, oldest first. */
  undeliverable(userEui?: Eui): UndeliverableMessage[] {
    return this.#store.list(userEui);
  }

  /** Hands over a kept message and forgets it; undefined if this User has none with that id. */
  take(userEui: Eui, id: string): UndeliverableMessage | undefined {
    const taken = this.#store.take(userEui, id);
    if (taken) this.#log(taken, `${label(taken)} taken from the undeliverable messages`);
    return taken;
  }

  /**
   * Puts a User's kept messages (or just the one with `id`) back in its queue for a new round of
   * attempts, in the order the DSP produced them. Returns how many.
   */
  redeliver(userEui: Eui, id?: string): number {
    if (this.#closed) throw new Error('HttpDeliveryClient: closed, so it cannot redeliver');
    const kept = this.#store.takeAll(userEui, id === undefined ? undefined : (message) => message.id === id);
    const again = kept.map(redeliveryOf);
    for (const message of again)
      this.#log(message, `${label(message)} redelivery ${message.redeliveries} requested`);
    this.#queues.enqueue(again);
    return again.length;
  }

  /** Resolves when no message is queued, in flight or waiting to retry. */
  idle(): Promise<void> {
    return this.#queues.idle();
  }

  /**
   * Stops all retries and keeps every pending message as undeliverable; resolves once nothing is in
   * flight. POSTs on the wire are aborted unless `abortInFlight` is false, in which case their
   * outcome is awaited (a POST that succeeds then counts as delivered).
   */
  async close(options: { readonly abortInFlight?: boolean } = {}): Promise<void> {
    if (options.abortInFlight ?? true) this.#abortPosts.abort(new Error(CLOSED));
    if (!this.#closed) {
      this.#closed = true;
      this.#stopRetries.abort(new Error(CLOSED));
      for (const message of this.#queues.drain()) this.#keep(message, 'closed', CLOSED);
    }
    await this.idle();
  }

  /** Attempts until delivered, refused, out of attempts or closed. */
  async #deliverOne(message: OutboundMessage): Promise<void> {
    for (;;) {
      if (this.#closed) return this.#keep(message, 'closed', CLOSED);
      const target = resolveResponseUrl(this.#lookup, message.userEui, message.meta.responseUrl);
      if (!target.ok) return this.#keep(message, 'no-response-url', target.reason);
      message.url = target.url;
      try {
        await this.#posts.acquire(this.#stopRetries.signal);
      } catch {
        return this.#keep(message, 'closed', CLOSED);
      }
      let result: AttemptResult;
      try {
        this.#startAttempt(message);
        result = await postXml(target.url, message.xml, {
          fetch: this.#fetch,
          timeoutMs: this.#policy.attemptTimeoutMs,
          stop: this.#abortPosts.signal,
          excerptChars: this.#excerptChars,
        });
      } finally {
        this.#posts.release();
      }
      const max = this.#policy.maxAttempts;
      const summary = (next?: Parameters<typeof attemptSummary>[4]) =>
        attemptSummary(target.url, message, result, max, next);
      if (result.outcome === 'stopped') {
        this.#log(message, summary());
        const reason = `the delivery client closed during attempt ${message.attempts}; the User may have received it`;
        return this.#keep(message, 'closed', reason);
      }
      message.lastStatus = result.status;
      message.lastError = result.outcome === 'retry' ? result.error : undefined;
      message.bodyExcerpt = result.outcome === 'delivered' ? undefined : result.bodyExcerpt;
      if (result.outcome === 'delivered') return void this.#log(message, summary());
      if (result.outcome === 'refused') {
        this.#log(message, summary());
        return this.#keep(message, 'refused', refusalReason(result));
      }
      if (message.roundAttempts >= max) {
        this.#log(message, summary('give-up'));
        return this.#keep(message, 'retries-exhausted', exhaustedReason(message.roundAttempts, result));
      }
      const delayMs = retryDelayMs(message.roundAttempts, this.#policy, this.#random, result.retryAfterMs);
      this.#log(message, summary({ retry: message.roundAttempts, delayMs, retryAfter: result.retryAfterMs !== undefined }));
      message.state = 'waiting-to-retry';
      message.nextAttemptAt = new Date(this.#clock.now().getTime() + delayMs);
      try {
        await untilAborted(this.#sleep(delayMs, this.#stopRetries.signal), this.#stopRetries.signal);
      } catch (error) {
        if (this.#closed) return this.#keep(message, 'closed', CLOSED);
        throw error;
      }
    }
  }

  #startAttempt(message: OutboundMessage): void {
    const at = this.#clock.now();
    message.state = 'in-flight';
    message.nextAttemptAt = undefined;
    message.attempts++;
    message.roundAttempts++;
    message.firstAttemptAt ??= at;
    message.lastAttemptAt = at;
  }

  /** Into the dead-letter store first, then the journal. */
  #keep(message: OutboundMessage, cause: UndeliverableCause, reason: string): void {
    const kept = undeliverableView(message, cause, reason, this.#clock.now());
    this.#store.add(kept);
    this.#log(kept, `${label(message)} kept as undeliverable (${cause}): ${reason}`);
  }

  /**
   * Never throws: the journal stores an entry before it tells its listeners, so a listener that
   * throws has lost nothing, and must not turn a delivered message into an undeliverable one.
   */
  #log(message: Pick<OutboundMessage, 'userEui' | 'meta'>, summary: string): void {
    try {
      this.#journal.append(journalEntry(this.#clock.now(), message, summary));
    } catch {
      // See above: the entry is in the journal already.
    }
  }
}
