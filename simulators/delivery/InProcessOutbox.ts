import type { Eui } from '../core/Eui.ts';
import { type DuisText, textOf } from '../duis/LazyXml.ts';
import type { DeliveryMeta, UserOutbox } from './UserOutbox.ts';

/** What an in-process User does with a message the DSP hands it (its text written only if read). */
export type InProcessInbox = (xml: DuisText, meta: DeliveryMeta) => void | Promise<void>;

/** A message no in-process User took: nobody was registered for it, or its inbox threw. */
export interface UndeliveredMessage {
  readonly userEui: Eui;
  readonly xml: string;
  readonly meta: DeliveryMeta;
  readonly reason: string;
}

/**
 * The outbox of an estate with in-process signing (decision 0009): no response URLs and no HTTP,
 * each message handed to the inbox registered for its User, after the DSP's call returns (as a
 * POST would be). What no inbox takes is kept (`undelivered`), never lost and never thrown at the DSP.
 */
export class InProcessOutbox implements UserOutbox {
  readonly #inboxes = new Map<string, InProcessInbox>();
  readonly #undelivered: UndeliveredMessage[] = [];
  readonly #inflight = new Set<Promise<void>>();
  #delivered = 0;

  /** `inbox` takes `user`'s messages from now on (replacing any before); returns the way to stop. */
  register(user: Eui, inbox: InProcessInbox): () => void {
    this.#inboxes.set(user.hex, inbox);
    return () => {
      if (this.#inboxes.get(user.hex) === inbox) this.#inboxes.delete(user.hex);
    };
  }

  deliver(userEui: Eui, xml: DuisText, meta: DeliveryMeta): void {
    const run = Promise.resolve().then(async () => {
      const inbox = this.#inboxes.get(userEui.hex);
      if (inbox === undefined) return this.#keep(userEui, xml, meta, 'no in-process inbox is registered for this User');
      try {
        await inbox(xml, meta);
        this.#delivered++;
      } catch (error) {
        this.#keep(userEui, xml, meta, `the User's inbox threw: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
    this.#inflight.add(run);
    void run.finally(() => this.#inflight.delete(run));
  }

  /** Messages handed to an inbox so far. */
  get delivered(): number {
    return this.#delivered;
  }

  /** What no inbox took, oldest first (optionally one User's). */
  undelivered(userEui?: Eui): UndeliveredMessage[] {
    return this.#undelivered.filter((m) => userEui === undefined || m.userEui.equals(userEui));
  }

  /** Resolves when every message handed over so far has been taken or kept. */
  async idle(): Promise<void> {
    while (this.#inflight.size > 0) await Promise.all([...this.#inflight]);
  }

  /** Nothing to stop: kept for the same shape as the HTTP delivery client. */
  async close(): Promise<void> {
    await this.idle();
  }

  #keep(userEui: Eui, xml: DuisText, meta: DeliveryMeta, reason: string): void {
    this.#undelivered.push({ userEui, xml: textOf(xml), meta, reason });
  }
}
