/**
 * The SMETS1 Service Provider: SMETS1 devices' certificates held by proxy in virtual anchor slots,
 * SRV 6.15.1 / 6.24.1 from the DSP (countersigned), SMETS1 responses in the MMC format signed by
 * the S1SP, several cohorts behind one directory, and the MP107 R2 corrective job.
 */
export {
  type BuildSmets1ResponseOptions,
  buildSmets1Response,
  RA_NS,
  type Smets1Envelope,
} from './buildSmets1Response.ts';
export { CertificatePool, type HeldCertificate } from './CertificatePool.ts';
export { certificatesFromKeyStore } from './certificatesFromKeyStore.ts';
export { checkSlotCertificate, type SlotCertificateCheckOptions } from './checkSlotCertificate.ts';
export {
  type CountersignatureCheck,
  CountersignatureVerifier,
  type CountersignedRequest,
  countersign,
  countersignForS1sp,
  type ForwardedRequest,
} from './countersignature.ts';
export { DEVICE_CREDENTIAL_SRVS } from './decideRequest.ts';
export type * from './mmcContent.ts';
export { ASN1_STATUS_NUMBERS } from './mmcContent.ts';
export type {
  CertificatesOf,
  CorrectionFailure,
  CorrectionReport,
  NetworkOperatorCertificates,
  NetworkOperatorSlotMismatch,
} from './networkOperatorSlots.ts';
export type { InitialSlots, S1DeviceInput, SlotContents } from './S1Device.ts';
export { S1sp, type S1spOptions } from './S1sp.ts';
export { routeByInventory, S1spDirectory, type S1spRouting } from './S1spDirectory.ts';
export {
  DEFAULT_RESPONSE_CODES,
  DEFAULT_SMETS1_ERROR_CODES,
  type S1spAccepted,
  type S1spOutcome,
  type S1spRefusalCode,
  type S1spRefused,
  type S1spResponse,
  S1SP_REFUSAL_CODES,
  type SlotChange,
} from './S1spOutcome.ts';
export {
  NETWORK_OPERATOR_SLOTS,
  parseSlotName,
  type S1DeviceTypeSpec,
  SLOT_NAMES,
  SLOT_SPECS,
  type SlotName,
  type SlotSpec,
  SMETS1_DEVICE_TYPES,
  slotForCell,
} from './slots.ts';
export {
  type GatewayAnswer,
  type GatewayRequest,
  type S1spGatewayAdapter,
  s1spGateway,
} from './s1spGateway.ts';
