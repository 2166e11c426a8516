import type { Dsp } from '../dsp/Dsp.ts';
import type { DuisService } from '../dsp/DspAnswer.ts';
import { type Route, text } from './HttpAnswer.ts';

/** Header carrying the harness's reason for a refusal: DUIS responses have no field for it. */
export const REASON_HEADER = 'x-smets-harness-reason';

/**
 * DUIS over HTTP as DCC Boxed serves it: `POST /api/v1/serviceS` (send command, CV 1 and 5),
 * `/serviceD` (non-device, CV 8), `/serviceT` (transform, CV 4). The DSP decides everything else
 * (content type, signature, validation); this adapter only routes bytes.
 */
export function duisRoutes(dsp: Dsp): Route {
  return async (request) => {
    const match = /^\/api\/v1\/service([SDT])$/.exec(request.path);
    if (!match) return undefined;
    if (request.method !== 'POST') return text(405, `${request.method} is not supported on ${request.path}; DUIS requests are POSTed`);
    const contentType = request.headers['content-type'];
    const answer = await dsp.receive(match[1] as DuisService, request.body.toString('utf8'), {
      ...(typeof contentType === 'string' ? { contentType } : {}),
    });
    const reason = answer.reason?.replace(/[^\x20-\x7e]/g, '?').slice(0, 500);
    return {
      status: answer.status,
      contentType: answer.contentType,
      body: answer.body,
      ...(reason ? { headers: { [REASON_HEADER]: reason } } : {}),
    };
  };
}
