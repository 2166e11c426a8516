import { InvalidInputError } from '../core/errors.ts';
import type { Mpan } from '../core/Mpan.ts';
import type { Mpxn } from '../rdp/mpxn.ts';
import { type DeviceRecord, makeDeviceRecord } from './DeviceRecord.ts';
import { DEVICE_STATUSES, type DeviceStatus, type EsmeVariant } from './enumerations.ts';
import { DeviceStatusError, DeviceTypeError } from './inventoryErrors.ts';
import {
  canTransition,
  DELETE_FROM,
  statusesLeadingTo,
  USER_SETTABLE_STATUSES,
  USER_STATUS_DEVICE_TYPES,
  type UserStatusCH,
  type UserStatusExceptCH,
} from './statusTransitions.ts';

/**
 * SRV 8.4 Update Inventory: one change per request, as the schema's choice has it. What a User may
 * change: the status (only to the values of UpdateDeviceStatusExceptCH / UpdateDeviceStatusCH, and
 * only along STATUS_TRANSITIONS), the details of UpdateDeviceDetails, one MPxN of UpdateMPxN, or
 * delete a Pending device. Device ID, type, SMETS version, CHF association, CSP region, S1SP and
 * commissioning date are the DCC's and cannot be changed this way.
 */
export type InventoryUpdate =
  | { readonly kind: 'statusExceptCH'; readonly status: UserStatusExceptCH }
  | { readonly kind: 'statusCH'; readonly status: UserStatusCH }
  | { readonly kind: 'details'; readonly details: DeviceDetails }
  | { readonly kind: 'mpxn'; readonly mpxn: MpxnUpdate }
  | { readonly kind: 'delete' };

/** UpdateDeviceDetails: at least one field. */
export interface DeviceDetails {
  readonly manufacturer?: string;
  readonly model?: string;
  readonly smetsChtsVersion?: string;
  readonly firmwareVersion?: string;
  readonly esmeVariant?: EsmeVariant;
}

/** UpdateMPxN: exactly one field. */
export type MpxnUpdate =
  | { readonly importMpxn: Mpxn }
  | { readonly secondaryImportMpan: Mpan }
  | { readonly exportMpan: Mpan };

const DETAIL_FIELDS = [
  'manufacturer',
  'model',
  'smetsChtsVersion',
  'firmwareVersion',
  'esmeVariant',
] as const;
const MPXN_FIELDS = ['importMpxn', 'secondaryImportMpan', 'exportMpan'] as const;

/** Statuses in which details and MPxNs may no longer be changed: the final ones. */
export const FROZEN_STATUSES: readonly DeviceStatus[] = ['Decommissioned', 'Withdrawn'];

const OPERATION = 'Update Inventory (8.4)';

/** The record after `update`, or `undefined` when the update deletes it. Throws E11, E5 or E12. */
export function applyInventoryUpdate(
  record: DeviceRecord,
  update: InventoryUpdate,
): DeviceRecord | undefined {
  const id = record.deviceId;
  switch (update?.kind) {
    case 'statusExceptCH':
    case 'statusCH': {
      const variant = update.kind === 'statusCH' ? 'CH' : 'exceptCH';
      const element = update.kind === 'statusCH' ? 'UpdateDeviceStatusCH' : 'UpdateDeviceStatusExceptCH';
      const allowed: readonly DeviceStatus[] = USER_SETTABLE_STATUSES[variant];
      if (!allowed.includes(update.status))
        throw new InvalidInputError(element, `one of ${allowed.join(', ')}`, update.status);
      const types = USER_STATUS_DEVICE_TYPES[variant];
      if (!types.includes(record.deviceType))
        throw new DeviceTypeError(id, record.deviceType, `${OPERATION} ${element}`, types);
      if (!canTransition(record.status, update.status)) {
        throw new DeviceStatusError(
          id,
          record.status,
          `${OPERATION} to ${update.status}`,
          statusesLeadingTo(update.status),
        );
      }
      return makeDeviceRecord({ ...record, status: update.status });
    }
    case 'details': {
      const given = DETAIL_FIELDS.filter((f) => update.details?.[f] !== undefined);
      if (given.length === 0)
        throw new InvalidInputError(
          'UpdateDeviceDetails',
          `at least one of ${DETAIL_FIELDS.join(', ')}`,
          update.details,
        );
      checkNotFrozen(record, 'UpdateDeviceDetails');
      const changes = Object.fromEntries(given.map((f) => [f, update.details[f]]));
      return makeDeviceRecord({ ...record, ...changes });
    }
    case 'mpxn': {
      const given = MPXN_FIELDS.filter(
        (f) => update.mpxn !== null && typeof update.mpxn === 'object' && f in update.mpxn,
      );
      if (given.length !== 1)
        throw new InvalidInputError(
          'UpdateMPxN',
          `exactly one of ${MPXN_FIELDS.join(', ')}`,
          `${given.length} fields`,
        );
      checkNotFrozen(record, 'UpdateMPxN');
      return makeDeviceRecord({ ...record, ...update.mpxn });
    }
    case 'delete':
      if (!DELETE_FROM.includes(record.status))
        throw new DeviceStatusError(id, record.status, `${OPERATION} DeleteDevice`, DELETE_FROM);
      return undefined;
    default:
      throw new InvalidInputError(
        'UpdateInventory',
        'kind statusExceptCH, statusCH, details, mpxn or delete',
        update,
      );
  }
}

function checkNotFrozen(record: DeviceRecord, element: string): void {
  if (FROZEN_STATUSES.includes(record.status)) {
    const open = DEVICE_STATUSES.filter((s) => !FROZEN_STATUSES.includes(s));
    throw new DeviceStatusError(record.deviceId, record.status, `${OPERATION} ${element}`, open);
  }
}
