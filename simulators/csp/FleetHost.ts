import { WebSocket } from 'ws';
import type { Fleet } from '../smets2/index.ts';
import type { DeviceReply } from './DeviceSide.ts';
import { decodeEnvelope, type Envelope, encodeEndBody, encodeEnvelope } from './envelope.ts';
import { answerCommand, tickFleet } from './FleetDeviceSide.ts';
import { toBuffer } from './WebSocketDeviceSide.ts';

/**
 * The device end of a CSP region over WebSocket: connects to `ws://…/csp/{region}`, owns a Fleet
 * and answers what the CSP sends. A `command` is handled by the device its envelope names, at the
 * envelope's time; the host sends the alerts, then the response if any, then `end` with the
 * disposition and when the device next has a timer due. A `tick` runs the fleet's timers due at
 * its time; the host sends what they emitted (each envelope naming its device), then `end`.
 * The host keeps no clock of its own: time is the CSP's, so simulated time crosses processes.
 */
export class FleetHost {
  private constructor(
    readonly fleet: Fleet,
    readonly socket: WebSocket,
  ) {
    socket.on('message', (data, isBinary) => {
      if (isBinary) this.#answer(toBuffer(data));
    });
  }

  /** Connects to a CSP region endpoint; resolves once connected. */
  static connect(url: string, fleet: Fleet): Promise<FleetHost> {
    const socket = new WebSocket(url);
    return new Promise((resolve, reject) => {
      socket.once('open', () => {
        socket.off('error', reject);
        resolve(new FleetHost(fleet, socket));
      });
      socket.once('error', reject);
    });
  }

  /** Closes the connection; resolves once closed. */
  close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.close(1000, 'device host closing');
    });
  }

  #answer(bytes: Buffer): void {
    let envelope: Envelope;
    try {
      envelope = decodeEnvelope(bytes);
    } catch {
      return;
    }
    const { correlationId, time } = envelope;
    const send = (type: 'response' | 'alert' | 'end', body: Buffer, deviceId = envelope.deviceId) =>
      this.socket.send(encodeEnvelope({ type, deviceId, correlationId, time, body }), { binary: true });
    if (envelope.type === 'command') {
      let reply: DeviceReply;
      try {
        reply = answerCommand(this.fleet, envelope.deviceId, envelope.body, time);
      } catch (error) {
        reply = { disposition: 'unreachable', alerts: [], reason: `the device host failed: ${error instanceof Error ? error.message : String(error)}` };
      }
      for (const alert of reply.alerts) send('alert', alert);
      if (reply.response) send('response', reply.response);
      send('end', encodeEndBody(reply));
    } else if (envelope.type === 'tick') {
      for (const e of tickFleet(this.fleet, time)) {
        for (const alert of e.alerts) send('alert', alert, e.deviceId);
        for (const response of e.responses) send('response', response, e.deviceId);
      }
      send('end', encodeEndBody({ disposition: 'answered' }));
    }
  }
}
