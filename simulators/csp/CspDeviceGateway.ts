import type { DeviceCommand, DeviceGateway, DeviceOutcome } from '../dsp/ports.ts';
import type { CspNetwork } from './CspNetwork.ts';
import type { CspAlertHook, LateResponseHook } from './hooks.ts';

/**
 * The DSP's DeviceGateway port over the CSP: the command goes to the device's region (from the
 * network's region lookup), across its WAN (latency, loss, outages), to whatever device side that
 * region is attached to – a Fleet in process, or a FleetHost over WebSocket – and the outcome comes
 * back the same way. The gateway owns the time-out (the region's `responseTimeoutMs`, simulated).
 */
export class CspDeviceGateway implements DeviceGateway {
  constructor(readonly network: CspNetwork) {}

  send(command: DeviceCommand): Promise<DeviceOutcome> {
    return this.network.send(command);
  }

  /** Unsolicited device alerts (0x00CB on a timer, alerts of commands that timed out). */
  onAlert(hook: CspAlertHook): () => void {
    return this.network.onAlert(hook);
  }

  /** Responses that arrived after their command's time-out (already journalled and dropped). */
  onLateResponse(hook: LateResponseHook): () => void {
    return this.network.onLateResponse(hook);
  }
}
