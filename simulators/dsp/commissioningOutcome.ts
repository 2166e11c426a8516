import { decodeGbcsMessage } from '../gbcs/index.ts';

/**
 * Whether a device's response to Commission Device (8.1.1) says it set its clock: ECS70 (ESME) with
 * every DLMS access result 0 (success), GCS28 (GSME) with status 0. Anything else – a failed
 * adjust_to_preset_time (250, the time outside its window), another use case, bytes that do not
 * decode – is not a commissioning, and the reason says why.
 */
export function commissioningOutcome(response: Buffer): { readonly ok: true } | { readonly ok: false; readonly reason: string } {
  let payload;
  try {
    payload = decodeGbcsMessage(response).payload;
  } catch (error) {
    return { ok: false, reason: `the response does not decode: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (payload.direction !== 'response') return { ok: false, reason: `a ${payload.useCase} ${payload.direction}, not a response` };
  if (payload.useCase === 'ECS70') {
    const failed = payload.value.results.filter((r) => r.result !== 0);
    if (failed.length === 0) return { ok: true };
    return { ok: false, reason: `ECS70 ${failed.map((r) => `${r.kind} result ${r.result}`).join(', ')} (the clock was not set)` };
  }
  if (payload.useCase === 'GCS28') {
    return payload.value.status === 0 ? { ok: true } : { ok: false, reason: `GCS28 status ${payload.value.status} (the time was not set)` };
  }
  return { ok: false, reason: `a ${payload.useCase} response, not ECS70 or GCS28` };
}
