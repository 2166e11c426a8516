/** SMETS2 device simulators (ESME, GSME, CHF, GPF) speaking GBCS: a Fleet of state machines, no transport. */
export {
  ALERT_CODES,
  ALERT_MESSAGE_CODES,
  type DeviceAlertPayload,
  decodeAlertPayload,
  encodeAlertPayload,
} from './alertCodec.ts';
export { type DecodedDeviceAlert, decodeDeviceAlert } from './alerts.ts';
export {
  CertificateEntry,
  CertificateTable,
  EMPTY_ENTITY_ID,
} from './CertificateTable.ts';
export {
  CELL_COUNT,
  CELL_NAMES,
  CELLS,
  type CellDefinition,
  type CellName,
  cellIndexOf,
} from './cells.ts';
export { type SecurityRequirement, securityFor } from './commandSecurity.ts';
export { CS02D_STATUS } from './credentialUseCases.ts';
export { type CellView, Device } from './Device.ts';
export {
  type CredentialOverride,
  DeviceCredentials,
  type DeviceKeyMaterial,
} from './DeviceCredentials.ts';
export {
  DEVICE_TYPES,
  type DeviceType,
  parseDeviceType,
  TRUST_ANCHOR_CELLS_BY_TYPE,
} from './deviceTypes.ts';
export { estateCertificateSource } from './estateCertificates.ts';
export { Fleet, type FleetEmission, type FleetOptions } from './Fleet.ts';
export {
  FAULT_KINDS,
  type Fault,
  type FaultKind,
  parseFault,
} from './faults.ts';
export {
  type CertificateSource,
  type DccRole,
  type InstallationSpec,
  installationCells,
  parseInstallationSpec,
} from './installation.ts';
export type { CommandOutcome, HandleResult, TickResult } from './outcome.ts';
export { MODE_RULES, type ModeRule, modeRule } from './replacementRules.ts';
