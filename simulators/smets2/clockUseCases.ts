import {
  type AccessResult,
  CLOCK,
  type DlmsAccessRequest,
  type DlmsData,
  DlmsDateTime,
  dlms,
  encodeAccessResponse,
  encodeGcs28Response,
  type Gcs28Request,
  interpretEcs70Request,
} from '../gbcs/index.ts';
import type { UseCaseResult } from './credentialUseCases.ts';

const CLOCK_TIME = 2;
const CLOCK_STATUS = 4;
const ADJUST_TO_PRESET_TIME = 4;
/** DLMS Data-Access-Result / Action-Result values used below. */
const RESULT = { success: 0, objectUndefined: 4, otherReason: 250 } as const;

/**
 * ECS70 Set Clock on ESME. The simulated device's clock *is* the injected clock, so setting it changes
 * nothing; the device answers what the RTDS response shows: null for the set and the actions, its time
 * (DLMS date-time octets, UTC, unspecified fields as RTDS) and clock status 0 for the gets. When `now`
 * lies outside the validity interval the adjust_to_preset_time action fails with other-reason (250)
 * [assumed]. Gets of anything but the clock's time and status answer object-undefined.
 */
export function setClockOnEsme(request: DlmsAccessRequest, now: Date): UseCaseResult {
  const setClock = interpretEcs70Request(request);
  const start = setClock?.validityIntervalStart.toDate()?.getTime() ?? Number.NEGATIVE_INFINITY;
  const end = setClock?.validityIntervalEnd.toDate()?.getTime() ?? Number.POSITIVE_INFINITY;
  const inWindow = now.getTime() >= start && now.getTime() <= end;
  const data: DlmsData[] = [];
  const results: AccessResult[] = [];
  for (const spec of request.specifications) {
    const d = spec.descriptor;
    const isClock = d.classId === CLOCK.classId && d.obis === CLOCK.obis;
    const kind = spec.kind === 'action' ? 'action' : spec.kind.startsWith('set') ? 'set' : 'get';
    if (kind === 'get') {
      if (isClock && d.id === CLOCK_TIME) {
        data.push(dlms.dateTimeOctets(DlmsDateTime.fromDate(now)));
        results.push({ kind, result: RESULT.success });
      } else if (isClock && d.id === CLOCK_STATUS) {
        data.push(dlms.scalar('unsigned', 0));
        results.push({ kind, result: RESULT.success });
      } else {
        data.push(dlms.null());
        results.push({ kind, result: RESULT.objectUndefined });
      }
      continue;
    }
    data.push(dlms.null());
    const failed = kind === 'action' && isClock && d.id === ADJUST_TO_PRESET_TIME && !inWindow;
    results.push({
      kind,
      result: failed ? RESULT.otherReason : RESULT.success,
    });
  }
  const content = encodeAccessResponse({
    longInvokeIdAndPriority: request.longInvokeIdAndPriority,
    dateTime: Buffer.alloc(0),
    data,
    results,
  });
  return { content, alertCodes: [] };
}

/**
 * GCS28 Set Clock on GSME: the device reports its time (whole seconds) and a time status – 0 reliable
 * when `now` is within the validity interval (RTDS), 2 unreliable otherwise [assumed].
 */
export function setClockOnGsme(request: Gcs28Request, now: Date): UseCaseResult {
  const t = now.getTime();
  const inWindow = t >= request.validityIntervalStart.getTime() && t <= request.validityIntervalEnd.getTime();
  const reportedTime = new Date(Math.floor(t / 1000) * 1000);
  return {
    content: encodeGcs28Response({ reportedTime, status: inWindow ? 0 : 2 }),
    alertCodes: [],
  };
}
