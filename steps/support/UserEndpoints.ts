import type { Clock } from '../../simulators/core/clock.ts';
import type { Eui } from '../../simulators/core/Eui.ts';
import { ResponseReceiver } from '../../simulators/client/index.ts';
import type { Harness } from '../../simulators/harness/index.ts';
import { type RunningServer, startHttpServer } from '../../simulators/http/httpServer.ts';

/**
 * Every DCC User's response endpoint, as its own `ResponseReceiver`, on one HTTP server of the
 * scenario's (a port each would cost a listener per User): `/users/{EUI}/duis`. Each is registered
 * with the harness as that User's response URL, so whatever the DSP POSTs – responses, device
 * alerts, DCC alerts to a network operator that sent nothing – lands at the User it was sent to and
 * is verified there (the DSP's XML signature) as the User's system would.
 */
export class UserEndpoints {
  readonly #receivers: ReadonlyMap<string, ResponseReceiver>;
  readonly #server: RunningServer;

  private constructor(receivers: ReadonlyMap<string, ResponseReceiver>, server: RunningServer) {
    this.#receivers = receivers;
    this.#server = server;
  }

  static async start(harness: Harness, clock: Clock): Promise<UserEndpoints> {
    const receivers = new Map<string, ResponseReceiver>();
    for (const user of harness.users()) {
      const path = `/users/${user.eui.hex}/duis`;
      receivers.set(user.eui.hex, new ResponseReceiver({ keyStore: harness.estate.keyStore, path, clock }));
    }
    const server = await startHttpServer([...receivers.values()].map((r) => r.route));
    const endpoints = new UserEndpoints(receivers, server);
    for (const user of harness.users()) harness.setResponseUrl(user.eui, endpoints.urlOf(user.eui));
    return endpoints;
  }

  /** The receiver behind `user`'s response URL. */
  of(user: Eui): ResponseReceiver {
    const receiver = this.#receivers.get(user.hex);
    if (receiver === undefined) throw new Error(`${user} is not a DCC User of this estate: it has no response endpoint`);
    return receiver;
  }

  urlOf(user: Eui): string {
    return `${this.#server.url}${this.of(user).path}`;
  }

  async close(): Promise<void> {
    await Promise.all([...this.#receivers.values()].map((r) => r.close()));
    await this.#server.close();
  }
}
