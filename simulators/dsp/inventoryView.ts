import { Mpan } from '../core/Mpan.ts';
import { DEVICE_TYPES, type InventoryDevice, MAX_INVENTORY_DEVICES, type UpdateInventoryBody } from '../duis/index.ts';
import type { DeviceRecord } from '../inventory/DeviceRecord.ts';
import type { InventoryUpdate } from '../inventory/InventoryUpdate.ts';
import { parseMpxn } from '../rdp/mpxn.ts';

/**
 * DCC test data (RTDS) uses MPANs that fail the check digit; the DSP takes an MPxN in a request as
 * written and leaves check-digit policy to the estate that loads the inventory.
 */
export const AS_WRITTEN = { validateCheckDigit: false } as const;

const DUIS_DEVICE_TYPES: readonly string[] = DEVICE_TYPES;

/**
 * Inventory records as 8.2 Read Inventory lists them (at most 17). The harness's own device type
 * `other` has no DUIS name and is left out; an unknown manufacturer or model is written empty (the
 * schema requires both elements and allows an empty string).
 */
export function inventoryDevices(records: readonly DeviceRecord[]): InventoryDevice[] {
  return records
    .filter((r) => DUIS_DEVICE_TYPES.includes(r.deviceType))
    .slice(0, MAX_INVENTORY_DEVICES)
    .map((r) => {
      const device: Record<string, unknown> = {
        deviceId: r.deviceId,
        deviceType: r.deviceType,
        deviceStatus: r.status,
        deviceManufacturer: r.manufacturer ?? '',
        deviceModel: r.model ?? '',
        smetsChtsVersion: r.smetsChtsVersion,
        deviceFirmwareVersion: r.firmwareVersion,
        dateCommissioned: r.dateCommissioned?.toISOString().slice(0, 10),
        importMpxn: r.importMpxn?.value,
        secondaryImportMpan: r.secondaryImportMpan?.value,
        exportMpan: r.exportMpan?.value,
        esmeVariant: r.esmeVariant,
        cspRegion: r.cspRegion,
        s1sp: r.s1spId,
      };
      return Object.fromEntries(Object.entries(device).filter(([, v]) => v !== undefined)) as unknown as InventoryDevice;
    });
}

/** An 8.4 Update Inventory body as the inventory's update. */
export function inventoryUpdateOf(body: UpdateInventoryBody): InventoryUpdate {
  const u = body.update;
  switch (u.kind) {
    case 'UpdateDeviceStatusExceptCH':
      return { kind: 'statusExceptCH', status: u.status };
    case 'UpdateDeviceStatusCH':
      return { kind: 'statusCH', status: u.status };
    case 'DeleteDevice':
      return { kind: 'delete' };
    case 'UpdateDeviceDetails': {
      const d = u.details;
      const details = {
        manufacturer: d.deviceManufacturer,
        model: d.deviceModel,
        smetsChtsVersion: d.smetsChtsVersion,
        firmwareVersion: d.firmwareVersion,
        esmeVariant: d.esmeVariant,
      };
      return {
        kind: 'details',
        details: Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined)),
      };
    }
    case 'UpdateMPxN':
      if (u.field === 'ImportMPxN') return { kind: 'mpxn', mpxn: { importMpxn: parseMpxn(u.value, AS_WRITTEN, u.field) } };
      if (u.field === 'SecondaryImportMPAN') {
        return { kind: 'mpxn', mpxn: { secondaryImportMpan: Mpan.parse(u.value, AS_WRITTEN, u.field) } };
      }
      return { kind: 'mpxn', mpxn: { exportMpan: Mpan.parse(u.value, AS_WRITTEN, u.field) } };
  }
}
