import type { Eui } from '../core/Eui.ts';
import { type DuisResponseCode, HarnessError } from '../core/errors.ts';
import type { DeviceStatus, DeviceType } from './enumerations.ts';

/** The device is not in the Smart Metering Inventory: DUIS answers E19. */
export class UnknownDeviceError extends HarnessError {
  readonly responseCode: DuisResponseCode = 'E19';

  constructor(
    readonly deviceId: Eui | string,
    what = `device ${deviceId} is not in the Smart Metering Inventory`,
  ) {
    super(what);
  }
}

/** The device's status does not allow the request (e.g. decommissioning a Pending device): E5. */
export class DeviceStatusError extends HarnessError {
  readonly responseCode: DuisResponseCode = 'E5';

  constructor(
    readonly deviceId: Eui,
    readonly status: DeviceStatus,
    readonly operation: string,
    readonly allowedFrom: readonly DeviceStatus[],
  ) {
    const allowed =
      allowedFrom.length === 0 ? 'no status allows it' : `allowed from ${allowedFrom.join(', ')}`;
    super(`${operation} refused for device ${deviceId}: its status is ${status}; ${allowed}`);
  }
}

/** The request does not apply to this type of device (e.g. UpdateDeviceStatusCH on an ESME): E11. */
export class DeviceTypeError extends HarnessError {
  readonly responseCode: DuisResponseCode = 'E11';

  constructor(
    readonly deviceId: Eui,
    readonly deviceType: DeviceType,
    readonly operation: string,
    readonly validFor: readonly DeviceType[],
  ) {
    super(
      `${operation} is not valid for device ${deviceId} of type ${deviceType}; valid for ${validFor.join(', ')}`,
    );
  }
}

/**
 * Pre-notification or enrolment of a device the inventory already holds. DUIS publishes no code for
 * this in the project's sources; the harness answers E5 (the device's existing status makes the
 * request invalid) – an adapter may map it elsewhere.
 */
export class DuplicateDeviceError extends HarnessError {
  readonly responseCode: DuisResponseCode = 'E5';

  constructor(
    readonly deviceId: Eui,
    readonly status: DeviceStatus,
  ) {
    super(`device ${deviceId} is already in the Smart Metering Inventory (status ${status})`);
  }
}
