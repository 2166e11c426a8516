import type { Eui } from '../core/Eui.ts';
import type { UndeliverableMessage } from './messages.ts';

/**
 * The messages the client could not deliver, kept in memory per User in the order the DSP
 * produced them, until they are taken or redelivered. Nothing leaves it any other way.
 */
export class DeadLetterStore {
  readonly #byUser = new Map<string, UndeliverableMessage[]>();

  add(message: UndeliverableMessage): void {
    const list = this.#byUser.get(message.userEui.hex) ?? [];
    const at = list.findIndex((kept) => kept.seq > message.seq);
    list.splice(at < 0 ? list.length : at, 0, message);
    this.#byUser.set(message.userEui.hex, list);
  }

  /** One User's messages, or everyone's, oldest first. */
  list(userEui?: Eui): UndeliverableMessage[] {
    if (userEui) return [...(this.#byUser.get(userEui.hex) ?? [])];
    return [...this.#byUser.values()].flat().sort((a, b) => a.seq - b.seq);
  }

  get size(): number {
    let size = 0;
    for (const list of this.#byUser.values()) size += list.length;
    return size;
  }

  /** Removes and returns one message, or undefined if this User has no message with that id. */
  take(userEui: Eui, id: string): UndeliverableMessage | undefined {
    return this.takeAll(userEui, (message) => message.id === id)[0];
  }

  /** Removes and returns a User's messages (those matching `which`, or all), oldest first. */
  takeAll(userEui: Eui, which: (message: UndeliverableMessage) => boolean = () => true): UndeliverableMessage[] {
    const list = this.#byUser.get(userEui.hex) ?? [];
    const taken = list.filter(which);
    const kept = list.filter((message) => !which(message));
    if (kept.length > 0) this.#byUser.set(userEui.hex, kept);
    else this.#byUser.delete(userEui.hex);
    return taken;
  }
}
