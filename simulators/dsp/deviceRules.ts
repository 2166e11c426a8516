import type { DeviceStatus, DeviceType } from '../inventory/enumerations.ts';

/** Which devices a device SRV applies to: by type (E11 otherwise) and by status (E5 otherwise). */
export interface DeviceRule {
  readonly deviceTypes: readonly DeviceType[];
  readonly statuses: readonly DeviceStatus[];
}

/**
 * Devices that hold SMKI trust anchors (GBCS "Type 1" devices): the security-credential SRVs apply
 * to them only. **[assumed]** from GBCS; DUIS's own SRV/device-type matrix is not in the project's
 * sources.
 */
const TRUST_ANCHOR_DEVICES: readonly DeviceType[] = ['ESME', 'GSME', 'CHF', 'GPF', 'HCALCS'];

/**
 * Statuses in which a device can be sent a command: on a Communications Hub's device log and not
 * withdrawn, decommissioned, suspended or in recovery. **[assumed]**: the project's sources give no
 * SRV/status matrix.
 */
const ON_THE_HAN: readonly DeviceStatus[] = [
  'Whitelisted',
  'InstalledNotCommissioned',
  'Commissioned',
  'Recovered',
];

const CREDENTIALS: DeviceRule = { deviceTypes: TRUST_ANCHOR_DEVICES, statuses: ON_THE_HAN };

/**
 * The device rules of the baseline rule set, by ServiceReferenceVariant. Non-device SRVs have none
 * (their device is in the body and the inventory checks it). A rule set may replace this table.
 */
export const DEFAULT_DEVICE_RULES: Readonly<Record<string, DeviceRule>> = Object.freeze({
  '6.15.1': CREDENTIALS,
  '6.15.2': CREDENTIALS,
  '6.17': CREDENTIALS,
  '6.21': CREDENTIALS,
  '6.23': CREDENTIALS,
  '6.24.1': CREDENTIALS,
  '6.24.2': CREDENTIALS,
  // Commission Device: ECS70 (ESME) or GCS28 (GSME) – the only two the GBCS codec builds.
  '8.1.1': { deviceTypes: ['ESME', 'GSME'], statuses: ON_THE_HAN },
});
