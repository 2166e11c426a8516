import { decodeGroupingHeader, GbcsDecodeError, type GroupingHeader } from '../gbcs/index.ts';
import { type DeviceAlertPayload, decodeAlertPayload } from './alertCodec.ts';

/** A device alert frame, decoded: the signed grouping header and its payload. */
export interface DecodedDeviceAlert {
  readonly header: GroupingHeader;
  readonly payload: DeviceAlertPayload;
  readonly alertCode: number;
}

/** Decodes an alert frame as the simulator sends them (DF, CRA flag 03, signed). */
export function decodeDeviceAlert(bytes: Buffer): DecodedDeviceAlert {
  const header = decodeGroupingHeader(bytes);
  if (header.craFlag !== 'alert') throw new GbcsDecodeError('CRA flag', 1, '0x03 (alert)', header.craFlag);
  const payload = decodeAlertPayload(header.messageCode, header.content, header.contentOffset);
  return { header, payload, alertCode: payload.alertCode };
}
