import { acknowledgement, inventoryResponse } from '../duis/index.ts';
import type { InventoryQuery } from '../inventory/InventoryData.ts';
import type { SmartMeteringInventory } from '../inventory/SmartMeteringInventory.ts';
import { parseMpxn } from '../rdp/mpxn.ts';
import { type Accepted, type Dispatched, refusal, refusalOf } from './Dispatched.ts';
import { AS_WRITTEN, inventoryDevices, inventoryUpdateOf } from './inventoryView.ts';

/**
 * The Non-Device Services (CV 8 on serviceD), answered by the DSP itself from the Smart Metering
 * Inventory: 8.2 Read Inventory → I0 with the devices; 8.3 Decommission, 8.4 Update Inventory and
 * 12.2 Pre-notification → I99 (DUIS's answer to a successful Non-Device request with no data).
 * The inventory's own errors carry their codes (E19 unknown device, E5 status, E11 device type,
 * E12 invalid value) and change nothing.
 *
 * The inventory is changed here, before the Dsp's commit: each of its operations is all-or-nothing
 * and this is the last check that can refuse, so a refusal still changes nothing.
 */
export function dispatchNonDevice(a: Accepted, inventory: SmartMeteringInventory): Dispatched {
  const body = a.request.body;
  const common = { requestId: a.header.requestId, responseDateTime: a.now, schemaVersion: a.request.schemaVersion };
  const done = (summary: string): Dispatched => ({
    refused: false,
    response: acknowledgement({ ...common, srv: a.header.srv }),
    summary,
  });
  try {
    switch (body.kind) {
      case 'ReadInventory': {
        const s = body.selector;
        if (s.by === 'UPRN' || s.by === 'PropertyFilter') {
          return refusal('E12', `Read Inventory by ${s.by} is not supported: the harness's inventory records no ${s.by}; ask by DeviceID or MPxN`);
        }
        const query: InventoryQuery = s.by === 'DeviceID' ? { deviceId: s.deviceId } : { mpxn: parseMpxn(s.mpxn, AS_WRITTEN, 'MPxN') };
        const devices = inventoryDevices(inventory.readInventory(query));
        if (devices.length === 0) return refusal('E19', 'no device the DUIS inventory can describe was found');
        return {
          refused: false,
          response: inventoryResponse({ ...common, devices }),
          summary: `I0: ${devices.length} device(s) from the Smart Metering Inventory`,
        };
      }
      case 'DecommissionDevice':
        inventory.decommission(body.deviceId);
        return done(`I99: device ${body.deviceId} decommissioned`);
      case 'UpdateInventory': {
        const update = inventoryUpdateOf(body);
        inventory.updateInventory(body.deviceId, update);
        return done(`I99: device ${body.deviceId} updated (${body.update.kind})`);
      }
      case 'DevicePrenotification':
        inventory.prenotify({
          deviceId: body.deviceId,
          manufacturer: body.deviceManufacturer,
          model: body.deviceModel,
          deviceType: body.deviceType,
          ...(body.smetsChtsVersion !== undefined && { smetsChtsVersion: body.smetsChtsVersion }),
          ...(body.firmwareVersion !== undefined && { firmwareVersion: body.firmwareVersion }),
          ...(body.esmeVariant !== undefined && { esmeVariant: body.esmeVariant }),
          ...(body.associatedGpfDeviceId !== undefined && { associatedGpfId: body.associatedGpfDeviceId }),
        });
        return done(`I99: device ${body.deviceId} pre-notified (status Pending)`);
      default:
        return refusal('E12', `SRV ${a.header.srv.id} is not a Non-Device Service the DSP answers`);
    }
  } catch (error) {
    return refusalOf(error);
  }
}
