import type { Eui } from '../core/Eui.ts';
import type { DeliveryMeta } from './UserOutbox.ts';

/** Where a pending message is: waiting its turn, on the wire, or waiting to try again. */
export type DeliveryState = 'queued' | 'in-flight' | 'waiting-to-retry';

/** Why a message was kept as undeliverable. */
export type UndeliverableCause = 'no-response-url' | 'refused' | 'retries-exhausted' | 'closed' | 'internal-error';

/** What the client knows about a message; shared by the pending and undeliverable views. */
export interface MessageRecord {
  /** Unique within one client, e.g. `delivery-7`. */
  readonly id: string;
  /** The order the DSP handed messages over in; per-User FIFO follows it. */
  readonly seq: number;
  readonly userEui: Eui;
  readonly xml: string;
  readonly meta: DeliveryMeta;
  readonly queuedAt: Date;
  /** POSTs made so far, over all delivery rounds. */
  readonly attempts: number;
  /** Redeliveries asked for (0 for the first round). */
  readonly redeliveries: number;
  readonly url?: string;
  readonly lastStatus?: number;
  readonly lastError?: string;
  readonly bodyExcerpt?: string;
  readonly firstAttemptAt?: Date;
  readonly lastAttemptAt?: Date;
}

export interface PendingMessage extends MessageRecord {
  readonly state: DeliveryState;
  readonly nextAttemptAt?: Date;
}

export interface UndeliverableMessage extends MessageRecord {
  readonly cause: UndeliverableCause;
  /** One line a tester reads, e.g. `HTTP 400 refused by the User: "unknown RequestID"`. */
  readonly reason: string;
  readonly deadLetteredAt: Date;
}

/** The client's own, mutable copy of a message while it is pending. */
export type OutboundMessage = { -readonly [K in keyof PendingMessage]: PendingMessage[K] } & {
  /** Attempts in the current round; the retry budget counts these. */
  roundAttempts: number;
};

export function newMessage(
  seq: number,
  userEui: Eui,
  xml: string,
  meta: DeliveryMeta,
  at: Date,
): OutboundMessage {
  return {
    id: `delivery-${seq}`,
    seq,
    userEui,
    xml,
    meta: Object.freeze({ ...meta }),
    queuedAt: at,
    attempts: 0,
    redeliveries: 0,
    roundAttempts: 0,
    state: 'queued',
  };
}

export function pendingView(message: OutboundMessage): PendingMessage {
  const { roundAttempts: _round, ...view } = message;
  return Object.freeze(view);
}

export function undeliverableView(
  message: OutboundMessage,
  cause: UndeliverableCause,
  reason: string,
  at: Date,
): UndeliverableMessage {
  const { roundAttempts: _round, state: _state, nextAttemptAt: _next, ...record } = message;
  return Object.freeze({ ...record, cause, reason, deadLetteredAt: at });
}

/** A kept message back in the queue for a new round, its history (attempts, last status) kept. */
export function redeliveryOf(kept: UndeliverableMessage): OutboundMessage {
  const { cause: _cause, reason: _reason, deadLetteredAt: _at, ...record } = kept;
  return { ...record, redeliveries: kept.redeliveries + 1, roundAttempts: 0, state: 'queued' };
}
