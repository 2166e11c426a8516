/** The CSP: the WAN between the DSP and SMETS2 devices, per region, in process or over WebSocket. */
export { CspDeviceGateway } from './CspDeviceGateway.ts';
export { CspNetwork, type CspNetworkOptions } from './CspNetwork.ts';
export { DISPOSITIONS, type DeviceEmission, type DeviceReply, type DeviceSide, type Disposition } from './DeviceSide.ts';
export {
  decodeEndBody,
  decodeEnvelope,
  type EndBody,
  type Envelope,
  EnvelopeError,
  type EnvelopeType,
  ENVELOPE_TYPES,
  encodeEndBody,
  encodeEnvelope,
  HEADER_LENGTH,
} from './envelope.ts';
export { answerCommand, FleetDeviceSide, replyOf, tickFleet } from './FleetDeviceSide.ts';
export { FleetHost } from './FleetHost.ts';
export type { CspAlertHook, LateResponse, LateResponseHook } from './hooks.ts';
export { type InProcessCsp, type InProcessCspOptions, inProcessCsp } from './inProcess.ts';
export { type Random, seededRandom } from './random.ts';
export {
  DEFAULT_REGION_SETTINGS,
  type LatencySettings,
  type OutageWindow,
  parseRegionSettings,
  parseWanRegion,
  type RegionSettings,
  type RegionSettingsData,
  WAN_REGIONS,
  type WanRegion,
  wanRegionOf,
} from './regions.ts';
export { type Cancel, type Scheduler, SystemScheduler, type SystemSchedulerOptions, type Task } from './Scheduler.ts';
export { SimulatedScheduler } from './SimulatedScheduler.ts';
export { regionOfPath, WebSocketCspLink, type WebSocketCspLinkOptions } from './WebSocketCspLink.ts';
export { WebSocketDeviceSide } from './WebSocketDeviceSide.ts';
