import type { WebSocket } from 'ws';
import type { Eui } from '../core/Eui.ts';
import type { DeviceEmission, DeviceReply, DeviceSide } from './DeviceSide.ts';
import { decodeEndBody, decodeEnvelope, type Envelope, encodeEnvelope } from './envelope.ts';

interface Waiting {
  readonly frames: Envelope[];
  readonly resolve: (frames: Envelope[], end: Envelope) => void;
  readonly reject: (error: Error) => void;
}

/**
 * A device host at the other end of one WebSocket, as a DeviceSide: a command or a tick goes out as
 * one envelope; the host answers with response and alert envelopes carrying the same correlation id,
 * then an `end` envelope. A closed socket fails what is still waiting (the CSP reports `unreachable`).
 */
export class WebSocketDeviceSide implements DeviceSide {
  readonly #waiting = new Map<bigint, Waiting>();
  #next = 1n;
  #closedBecause: string | undefined;

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data, isBinary) => {
      if (isBinary) this.#receive(toBuffer(data));
    });
    socket.on('close', () => this.#fail('the device host disconnected'));
    socket.on('error', (error) => this.#fail(`the device host connection failed: ${error.message}`));
  }

  async command(deviceId: Eui, bytes: Buffer, now: Date): Promise<DeviceReply> {
    const { frames, end } = await this.#exchange({ type: 'command', deviceId, time: now, body: bytes });
    const info = decodeEndBody(end.body);
    const response = frames.find((f) => f.type === 'response')?.body;
    return {
      disposition: info.disposition,
      alerts: frames.filter((f) => f.type === 'alert').map((f) => f.body),
      ...(response && { response }),
      ...(info.wakeAt && { wakeAt: info.wakeAt }),
      ...(info.reason && { reason: info.reason }),
    };
  }

  async tick(now: Date): Promise<readonly DeviceEmission[]> {
    const { frames } = await this.#exchange({ type: 'tick', time: now });
    const byDevice = new Map<string, { deviceId: Eui; responses: Buffer[]; alerts: Buffer[] }>();
    for (const f of frames) {
      const e = byDevice.get(f.deviceId.hex) ?? { deviceId: f.deviceId, responses: [], alerts: [] };
      byDevice.set(f.deviceId.hex, e);
      (f.type === 'response' ? e.responses : e.alerts).push(f.body);
    }
    return [...byDevice.values()];
  }

  #exchange(out: { type: 'command' | 'tick'; deviceId?: Eui; time: Date; body?: Buffer }): Promise<{ frames: Envelope[]; end: Envelope }> {
    if (this.#closedBecause !== undefined) return Promise.reject(new Error(this.#closedBecause));
    const correlationId = this.#next++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(correlationId, { frames: [], resolve: (frames, end) => resolve({ frames, end }), reject });
      this.socket.send(encodeEnvelope({ ...out, correlationId }), { binary: true }, (error) => {
        if (error) this.#settleWith(correlationId, error);
      });
    });
  }

  #receive(bytes: Buffer): void {
    let envelope: Envelope;
    try {
      envelope = decodeEnvelope(bytes);
    } catch {
      return; // not ours to answer; a host speaking nonsense gets its commands timed out
    }
    const waiting = this.#waiting.get(envelope.correlationId);
    if (waiting === undefined) return;
    if (envelope.type === 'response' || envelope.type === 'alert') waiting.frames.push(envelope);
    else if (envelope.type === 'end') {
      this.#waiting.delete(envelope.correlationId);
      try {
        decodeEndBody(envelope.body);
        waiting.resolve(waiting.frames, envelope);
      } catch (error) {
        waiting.reject(error as Error);
      }
    }
  }

  #settleWith(correlationId: bigint, error: Error): void {
    const waiting = this.#waiting.get(correlationId);
    this.#waiting.delete(correlationId);
    waiting?.reject(error);
  }

  #fail(reason: string): void {
    this.#closedBecause ??= reason;
    for (const [id] of this.#waiting) this.#settleWith(id, new Error(reason));
  }
}

export function toBuffer(data: Buffer | ArrayBuffer | Buffer[]): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}
