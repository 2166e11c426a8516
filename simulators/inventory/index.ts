/** The DCC's Smart Metering Inventory: device records, DUIS 8.2/8.3/8.4/12.2 and the status table. */

export { type DeviceInput, type DeviceRecord, makeDeviceRecord } from './DeviceRecord.ts';
export {
  COMMS_HUB_TYPES,
  CSP_REGIONS,
  type CspRegion,
  DEVICE_STATUSES,
  DEVICE_TYPES,
  type DeviceStatus,
  type DeviceType,
  ESME_VARIANTS,
  type EsmeVariant,
  parseCspRegion,
  parseDeviceStatus,
  parseDeviceType,
  parseEsmeVariant,
  parseSmetsVersion,
  SMETS_VERSIONS,
  type SmetsVersion,
} from './enumerations.ts';
export { InventoryData, type InventoryQuery } from './InventoryData.ts';
export {
  applyInventoryUpdate,
  type DeviceDetails,
  FROZEN_STATUSES,
  type InventoryUpdate,
  type MpxnUpdate,
} from './InventoryUpdate.ts';
export {
  DeviceStatusError,
  DeviceTypeError,
  DuplicateDeviceError,
  UnknownDeviceError,
} from './inventoryErrors.ts';
export {
  DeviceBatchError,
  type InventoryChange,
  type InventoryListener,
  type PrenotificationInput,
  SmartMeteringInventory,
} from './SmartMeteringInventory.ts';
export {
  canTransition,
  DECOMMISSION_FROM,
  DELETE_FROM,
  STATUS_TRANSITIONS,
  statusesLeadingTo,
  USER_SETTABLE_STATUSES,
  USER_STATUS_DEVICE_TYPES,
  type UserStatusCH,
  type UserStatusExceptCH,
} from './statusTransitions.ts';
