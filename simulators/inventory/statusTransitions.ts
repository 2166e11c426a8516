import type { DeviceStatus, DeviceType } from './enumerations.ts';

/**
 * Device status changes the Smart Metering Inventory allows, from → to. The status names are the
 * DUIS 5.4 schema's; the transitions are the harness's reading of DUIS / SEC inventory practice
 * and are **assumed** (the project's sources give no table):
 * - Pending: in the inventory, not yet on a Communications Hub's device log (12.2 pre-notification).
 * - Whitelisted: on a CHF's device log, so it may join the HAN and be commissioned.
 * - InstalledNotCommissioned: installed, not (yet) commissioned; set by Users with 8.4.
 * - Commissioned: commissioned (8.1.1; a CHF when it connects to the WAN).
 * - Decommissioned / Withdrawn: final; nothing leaves them.
 * - Suspended: DCC-side (e.g. firmware withdrawn from the CPL); may return to any earlier state.
 * - Recovery / Recovered: DCC-side, during and after a compromise recovery.
 */
export const STATUS_TRANSITIONS: Readonly<Record<DeviceStatus, readonly DeviceStatus[]>> = Object.freeze({
  Pending: ['Whitelisted', 'InstalledNotCommissioned', 'Commissioned', 'Withdrawn', 'Suspended'],
  Whitelisted: ['Pending', 'InstalledNotCommissioned', 'Commissioned', 'Withdrawn', 'Suspended'],
  InstalledNotCommissioned: [
    'Pending',
    'Whitelisted',
    'Commissioned',
    'Decommissioned',
    'Withdrawn',
    'Suspended',
  ],
  Commissioned: ['Decommissioned', 'Suspended', 'Recovery'],
  Decommissioned: [],
  Withdrawn: [],
  Suspended: ['Pending', 'Whitelisted', 'InstalledNotCommissioned', 'Commissioned', 'Decommissioned'],
  Recovery: ['Recovered', 'Decommissioned'],
  Recovered: ['Commissioned', 'Decommissioned', 'Suspended'],
});

/** The statuses from which a move to `to` is allowed. */
export function statusesLeadingTo(to: DeviceStatus): DeviceStatus[] {
  return (Object.keys(STATUS_TRANSITIONS) as DeviceStatus[]).filter((from) =>
    STATUS_TRANSITIONS[from].includes(to),
  );
}

export function canTransition(from: DeviceStatus, to: DeviceStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}

/**
 * 8.3 Decommission Device: only a device that is (or was) installed. Pending and Whitelisted devices
 * were never installed – a User deletes (8.4 DeleteDevice) or withdraws them instead; a device in
 * Recovery is mid-procedure and is decommissioned by the DCC, not a User; Decommissioned and
 * Withdrawn are final. Every status here may move to Decommissioned in the table above.
 */
export const DECOMMISSION_FROM: readonly DeviceStatus[] = [
  'InstalledNotCommissioned',
  'Commissioned',
  'Suspended',
  'Recovered',
];

/** 8.4 DeleteDevice: only a device that never got past pre-notification. */
export const DELETE_FROM: readonly DeviceStatus[] = ['Pending'];

/** 8.4 status values a User may set, by schema element: UpdateDeviceStatusExceptCH and UpdateDeviceStatusCH. */
export const USER_SETTABLE_STATUSES = {
  exceptCH: ['Pending', 'InstalledNotCommissioned'],
  CH: ['Commissioned', 'Withdrawn', 'InstalledNotCommissioned'],
} as const satisfies Record<string, readonly DeviceStatus[]>;

export type UserStatusExceptCH = (typeof USER_SETTABLE_STATUSES.exceptCH)[number];
export type UserStatusCH = (typeof USER_SETTABLE_STATUSES.CH)[number];

/** Device types whose status 8.4 sets with each element. */
export const USER_STATUS_DEVICE_TYPES: Readonly<
  Record<keyof typeof USER_SETTABLE_STATUSES, readonly DeviceType[]>
> = {
  exceptCH: ['ESME', 'GSME', 'HCALCS', 'PPMID', 'IHD', 'CAD', 'other'],
  CH: ['CHF', 'GPF'],
};
