/** GBCS codec: framing, signatures, MACs and the CS02 / commissioning payloads. */
export { ByteReader, berLength } from './ByteReader.ts';
export {
  COMMAND_WRAPPER_TAG,
  decodeCommandWrapper,
  encodeCommandWrapper,
  MAC_LENGTH,
  SECURITY_HEADER,
  type WrappedMessage,
} from './CommandWrapper.ts';
export { CERTIFICATE_UPDATE_STATUS, type CertificateUpdateStatus } from './certificateStatus.ts';
export * from './cs02a.ts';
export * from './cs02bCommand.ts';
export * from './cs02bResponse.ts';
export * from './cs02c.ts';
export * from './cs02d.ts';
export * from './cs02e.ts';
export { DlmsDateTime, type DlmsDateTimeFields } from './DlmsDateTime.ts';
export * from './deviceCsr.ts';
export * from './dlmsAccess.ts';
export { type DlmsData, dlms, dlmsDateTimeOf, encodeDlmsData, readDlmsData } from './dlmsData.ts';
export * from './ecs70.ts';
export { euiNode, readEui } from './euiDer.ts';
export { GbcsDecodeError } from './GbcsDecodeError.ts';
export * from './GroupingHeader.ts';
export type { GbcsSigning } from './GbcsSigning.ts';
export { IN_PROCESS_SEAL_TAG, InProcessGbcsSigning } from './InProcessGbcsSigning.ts';
export * from './gcs28.ts';
export * from './mac.ts';
export * from './message.ts';
export * from './messageCodes.ts';
export * from './payload.ts';
export * from './replacementModes.ts';
export * from './signature.ts';
export * from './TrustAnchorCell.ts';
export { type CertificateSummary, type DeviceExtensions, summariseCertificate } from './x509.ts';
