import type { Eui } from '../core/Eui.ts';
import type { Fleet, HandleResult } from '../smets2/index.ts';
import type { DeviceEmission, DeviceReply, DeviceSide } from './DeviceSide.ts';

/**
 * A Fleet as the device side of the WAN, in process. The CSP routes by the device ID it was given
 * (as the real CSP routes by the DSP's device ID); the device then judges the frame itself – a frame
 * not addressed to it is dropped, a malformed one raises 0x8F1E.
 */
export class FleetDeviceSide implements DeviceSide {
  constructor(readonly fleet: Fleet) {}

  async command(deviceId: Eui, bytes: Buffer, now: Date): Promise<DeviceReply> {
    return answerCommand(this.fleet, deviceId, bytes, now);
  }

  async tick(now: Date): Promise<readonly DeviceEmission[]> {
    return tickFleet(this.fleet, now);
  }
}

/** One command through a fleet, as a DeviceReply (shared by the in-process side and FleetHost). */
export function answerCommand(fleet: Fleet, deviceId: Eui, bytes: Buffer, now: Date): DeviceReply {
  const device = fleet.find(deviceId);
  if (device === undefined) return { disposition: 'unreachable', alerts: [], reason: `no device ${deviceId} behind the CSP` };
  return replyOf(device.handle(bytes, now));
}

/** Runs the fleet's due timers: what each device emitted. */
export function tickFleet(fleet: Fleet, now: Date): DeviceEmission[] {
  return fleet
    .tick(now)
    .filter((e) => e.responses.length > 0 || e.alerts.length > 0)
    .map((e) => ({ deviceId: e.device, responses: e.responses, alerts: e.alerts }));
}

/**
 * How the CSP reads a device's answer. An `offline` device is one the CSP cannot reach
 * (`unreachable`, E20) – a decision: the comms hub knows its meter is not there. A device that
 * refused or dropped a command with alerts will not answer otherwise (`refused`). Anything else
 * without a response – noResponse, a delayed response, a silently dropped replay – is `awaiting`,
 * and turns into `timeout` (E21) unless a response comes within the time-out.
 */
export function replyOf(result: HandleResult): DeviceReply {
  const { response, alerts, outcome } = result;
  const wakeAt = outcome.responseDueAt ?? (outcome.status === 'futureDated' ? outcome.executionDateTime : undefined);
  const reason = outcome.reasons.map((r) => `${r.code}: ${r.message}`).join('; ');
  const common = { alerts, ...(wakeAt && { wakeAt }), ...(reason && { reason }) };
  if (response !== undefined) return { disposition: 'answered', response, ...common };
  if (outcome.reasons.some((r) => r.code === 'offline')) return { disposition: 'unreachable', ...common };
  if ((outcome.status === 'refused' || outcome.status === 'dropped') && alerts.length > 0)
    return { disposition: 'refused', ...common };
  return { disposition: 'awaiting', ...common };
}
