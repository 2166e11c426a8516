import type { Eui } from '../core/Eui.ts';

/**
 * What the device side told the CSP about one command, beyond the frames themselves:
 *
 * - `answered`: a response frame is in the reply;
 * - `refused`: no response will ever come; the alerts (e.g. 0x8F3D, 0x8F30, 0x8F1E) are the answer;
 * - `awaiting`: no response now – one may come later (delayedResponse), or never (noResponse, a
 *   dropped replay): the CSP waits for it until its time-out;
 * - `unreachable`: the device could not be reached behind the CSP (not in the fleet, offline).
 */
export type Disposition = 'answered' | 'refused' | 'awaiting' | 'unreachable';

export const DISPOSITIONS: readonly Disposition[] = ['answered', 'refused', 'awaiting', 'unreachable'];

/** The device side's immediate answer to one command. */
export interface DeviceReply {
  readonly disposition: Disposition;
  /** The GBCS response frame (`answered` only). */
  readonly response?: Buffer;
  /** GBCS alert frames the device raised while handling the command, in order. */
  readonly alerts: readonly Buffer[];
  /** When the device next has something due (a delayed response, a future-dated command). */
  readonly wakeAt?: Date;
  /** Why, for the journal (`unreachable`, `refused`). */
  readonly reason?: string;
}

/** What one device emitted when its timers ran (delayed responses, 0x00CB and other alerts). */
export interface DeviceEmission {
  readonly deviceId: Eui;
  readonly responses: readonly Buffer[];
  readonly alerts: readonly Buffer[];
}

/**
 * The device end of a region's WAN as the CSP sees it: a Fleet in process (`FleetDeviceSide`), or
 * a device host at the other end of a WebSocket (`WebSocketDeviceSide`). Times are the CSP's: the
 * device side uses `now` as its clock, so simulated time crosses process boundaries.
 */
export interface DeviceSide {
  /** Hands a command to the device `deviceId`; resolves with what it sent back at once. */
  command(deviceId: Eui, bytes: Buffer, now: Date): Promise<DeviceReply>;
  /** Runs the device timers due at `now`; resolves with what they emitted. */
  tick(now: Date): Promise<readonly DeviceEmission[]>;
}
