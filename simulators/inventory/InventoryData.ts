import type { Eui } from '../core/Eui.ts';
import { Mpan } from '../core/Mpan.ts';
import type { Mpxn } from '../rdp/mpxn.ts';
import type { DeviceRecord } from './DeviceRecord.ts';
import type { CspRegion } from './enumerations.ts';
import { UnknownDeviceError } from './inventoryErrors.ts';

/** SRV 8.2 Read Inventory asks by one device or by one meter point. */
export type InventoryQuery = { readonly deviceId: Eui } | { readonly mpxn: Mpxn };

/**
 * The Smart Metering Inventory read-only: what the DSP asks. `SmartMeteringInventory` is one (it
 * changes); its `snapshot()` is another that never does.
 */
export class InventoryData {
  constructor(
    protected readonly records: Map<string, DeviceRecord>,
    protected currentVersion = 0,
  ) {}

  /** Increases with every change; a snapshot keeps the version it was taken at. */
  get version(): number {
    return this.currentVersion;
  }

  get(deviceId: Eui): DeviceRecord | undefined {
    return this.records.get(deviceId.hex);
  }

  /** The record, or UnknownDeviceError (E19). */
  require(deviceId: Eui): DeviceRecord {
    const record = this.get(deviceId);
    if (record === undefined) throw new UnknownDeviceError(deviceId);
    return record;
  }

  devices(): readonly DeviceRecord[] {
    return [...this.records.values()];
  }

  /** Devices whose import, secondary import or export MPxN is `mpxn` (no HAN expansion). */
  devicesForMpxn(mpxn: Mpxn): readonly DeviceRecord[] {
    return this.devices().filter((r) => ownMpxns(r).some((m) => m.value === mpxn.value));
  }

  /** The devices on a CHF's device log (not the CHF itself). */
  devicesOnChf(chfId: Eui): readonly DeviceRecord[] {
    return this.devices().filter((r) => r.chfId?.equals(chfId));
  }

  /**
   * The meter points a device serves – the "relationship between the Device IDs and the MPRNs or
   * MPANs" the SRPD's Eligible User check uses. A meter: its own MPxNs. A GPF without its own MPRN:
   * the MPRNs of the gas meters on its CHF. A CHF, or any other device without MPxNs: the MPxNs of
   * the meters on its HAN.
   */
  mpxnsOf(deviceId: Eui): readonly Mpxn[] {
    const record = this.require(deviceId);
    const own = ownMpxns(record);
    if (own.length > 0) return own;
    const chfId = record.deviceType === 'CHF' ? record.deviceId : record.chfId;
    if (chfId === undefined) return [];
    const found = this.devicesOnChf(chfId).flatMap(ownMpxns);
    const wanted = record.deviceType === 'GPF' ? found.filter((m) => !(m instanceof Mpan)) : found;
    return [...new Map(wanted.map((m) => [m.value, m])).values()];
  }

  /** SMETS2: the device's own CSP region, else its CHF's. SMETS1: `SMETS1`, as DUIS reports it. */
  cspRegionOf(deviceId: Eui): CspRegion | undefined {
    const record = this.require(deviceId);
    if (record.smetsVersion === 'SMETS1') return 'SMETS1';
    if (record.cspRegion !== undefined || record.chfId === undefined) return record.cspRegion;
    return this.get(record.chfId)?.cspRegion;
  }

  /**
   * SRV 8.2 Read Inventory (an **assumed** reading: DUIS returns up to 17 devices). By device ID: the
   * device, then the rest of its HAN (its CHF and the CHF's other devices). By MPxN: the devices of
   * that meter point and the rest of their HANs. CSP regions are filled in from the CHF. Unknown
   * device, or no device for the MPxN: UnknownDeviceError (E19).
   */
  readInventory(query: InventoryQuery): readonly DeviceRecord[] {
    const first = 'deviceId' in query ? [this.require(query.deviceId)] : [...this.devicesForMpxn(query.mpxn)];
    if (first.length === 0 && 'mpxn' in query) {
      throw new UnknownDeviceError(
        query.mpxn.value,
        `no device in the Smart Metering Inventory has MPxN ${query.mpxn.value}`,
      );
    }
    const found = new Map<string, DeviceRecord>();
    for (const record of first) {
      found.set(record.deviceId.hex, record);
      const chfId = record.deviceType === 'CHF' ? record.deviceId : record.chfId;
      if (chfId === undefined) continue;
      for (const r of [this.get(chfId), ...this.devicesOnChf(chfId)])
        if (r !== undefined && !found.has(r.deviceId.hex)) found.set(r.deviceId.hex, r);
    }
    return [...found.values()].map((r) => this.#withRegion(r));
  }

  #withRegion(record: DeviceRecord): DeviceRecord {
    const region = this.cspRegionOf(record.deviceId);
    return region === record.cspRegion ? record : Object.freeze({ ...record, cspRegion: region });
  }
}

function ownMpxns(record: DeviceRecord): Mpxn[] {
  return [record.importMpxn, record.secondaryImportMpan, record.exportMpan].filter((m) => m !== undefined);
}
