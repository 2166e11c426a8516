import type { KeyObject } from 'node:crypto';
import type { Eui } from '../core/Eui.ts';
import type { DeviceCredentials } from '../dsp/ports.ts';
import type { Fleet } from '../smets2/index.ts';

/**
 * The DSP's DeviceCredentials port over the fleet: the public key of the device's current KA
 * certificate – the one the device would return to 6.24.2, so a device that moved to new keys
 * (CS02c/CS02d) or carries an overridden certificate is MAC'd with the right one. A device not in
 * the fleet rejects, which the DSP answers E20.
 */
export function fleetDeviceCredentials(fleet: Fleet): DeviceCredentials {
  return {
    async kaCertificate(deviceId: Eui): Promise<KeyObject> {
      const device = fleet.find(deviceId);
      if (device === undefined) throw new Error(`device ${deviceId} is not in the SMETS2 fleet, so its KA certificate is unknown`);
      return device.publicKey('KA');
    },
  };
}
