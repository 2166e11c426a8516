import { readDer } from './derReader.ts';
import { encodeDer, generalizedTime, integer, seq } from './derWriter.ts';

/**
 * GCS28 Set Time on GSME: SEQUENCE { GeneralizedTime, GeneralizedTime } – the window in which the GSME
 * should take the time (RTDS: 2014-12-31T23:30Z to 2015-01-01T00:30Z). Names follow that reading.
 */
export interface Gcs28Request {
  readonly validityIntervalStart: Date;
  readonly validityIntervalEnd: Date;
}

/**
 * GCS28 response: SEQUENCE { GeneralizedTime, INTEGER }. RTDS: the request's start time and 0, read as
 * the time the device reports and a status (0 = success).
 */
export interface Gcs28Response {
  readonly reportedTime: Date;
  readonly status: number;
}

export function decodeGcs28Request(content: Buffer, base = 0): Gcs28Request {
  return readDer(content, base, 'GCS28 request', (top) => {
    const r = top.sequence('GCS28 request');
    const out = {
      validityIntervalStart: r.generalizedTime('validityIntervalStart'),
      validityIntervalEnd: r.generalizedTime('validityIntervalEnd'),
    };
    r.end('GCS28 request');
    return out;
  });
}

export function encodeGcs28Request(request: Gcs28Request): Buffer {
  return encodeDer(
    seq(generalizedTime(request.validityIntervalStart), generalizedTime(request.validityIntervalEnd)),
  );
}

export function decodeGcs28Response(content: Buffer, base = 0): Gcs28Response {
  return readDer(content, base, 'GCS28 response', (top) => {
    const r = top.sequence('GCS28 response');
    const out = { reportedTime: r.generalizedTime('reportedTime'), status: r.smallInteger('status') };
    r.end('GCS28 response');
    return out;
  });
}

export function encodeGcs28Response(response: Gcs28Response): Buffer {
  return encodeDer(seq(generalizedTime(response.reportedTime), integer(response.status)));
}
