/** DUIS XML codec: Service Requests and Responses as values, parsed from and built to DUIS 5.4 XML. */
export { buildDuisRequest, type DuisBuildOptions, type DuisSigner } from './buildDuisRequest.ts';
export { buildDuisResponse, buildLazyDuisResponse, type DuisResponseBuildOptions } from './buildDuisResponse.ts';
export { type DuisText, LazyXml, textOf } from './LazyXml.ts';
export type * from './DuisResponse.ts';
export type { CspRegion, DeviceStatus, InventoryDevice } from './inventory.ts';
export { MAX_INVENTORY_DEVICES } from './inventory.ts';
export {
  ACCEPTED_SCHEMA_VERSIONS,
  DEFAULT_SCHEMA_VERSION,
  DS_NS,
  SR_NS,
} from './namespaces.ts';
export { type DuisParseOptions, parseDuisRequest } from './parseDuisRequest.ts';
export { parseDuisResponse } from './parseDuisResponse.ts';
export type * from './requestBodies.ts';
export { DEVICE_TYPES, ESME_VARIANTS } from './requestBodies.ts';
export {
  isSchemaResponseCode,
  SCHEMA_DCC_ALERT_CODES,
  SCHEMA_RESPONSE_CODES,
  SECURITY_CREDENTIALS_UPDATED_ALERT_CODE,
} from './responseCodes.ts';
export {
  acknowledgement,
  dccAlert,
  deviceAlert,
  deviceResponse,
  errorResponse,
  inventoryResponse,
  preCommandResponse,
  type ResponseSrv,
  responseMessage,
  securityCredentialsUpdatedAlert,
  swappedRequestId,
} from './responses.ts';
export {
  expectedBodyElement,
  type ParsedServiceRequest,
  type ServiceRequest,
  type ServiceRequestHeader,
  type ServiceRequestInput,
  SIGNED_PRE_COMMAND_VARIANTS,
} from './ServiceRequest.ts';
export {
  authorisingCellFor,
  type CellUsage,
  coreRemotePartyRole,
  DUIS_REMOTE_PARTY_ROLES,
  type DuisRemotePartyRole,
  type Replacement,
  replacementsFor,
  type TrustAnchorCellRef,
} from './trustAnchorCells.ts';
