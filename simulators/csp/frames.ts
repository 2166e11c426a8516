import type { DeviceAlert } from '../dsp/ports.ts';
import { decodeCommandWrapper, decodeGroupingHeader, type GroupingHeader } from '../gbcs/index.ts';
import { decodeDeviceAlert } from '../smets2/index.ts';

/**
 * The little the CSP reads of the GBCS frames it carries: who a frame is from and to and its
 * counter (to match a late response to its command), and an alert's code. It never checks
 * signatures or MACs – that is the device's and the DSP's business.
 */

/** The grouping header of a DF frame or of a DD-wrapped (MAC'd) one; undefined when it does not parse. */
export function headerOf(bytes: Buffer): GroupingHeader | undefined {
  try {
    return bytes[0] === 0xdd ? decodeCommandWrapper(bytes).header : decodeGroupingHeader(bytes);
  } catch {
    return undefined;
  }
}

/**
 * An alert frame as the DSP's port carries it. The code is the GBCS alert code (e.g. `8F3D`; for a
 * future-dated 0x00CB alert `8F66`/`8F67`); when the payload cannot be read the header's message code
 * stands in, and `0000` when not even that can.
 */
export function alertOf(bytes: Buffer): DeviceAlert {
  let code: number;
  try {
    code = decodeDeviceAlert(bytes).alertCode;
  } catch {
    code = headerOf(bytes)?.messageCode ?? 0;
  }
  return { alertCode: code.toString(16).toUpperCase().padStart(4, '0'), bytes };
}
