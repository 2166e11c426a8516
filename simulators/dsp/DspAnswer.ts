import type { InProcessSignature } from '../duis/InProcessSigning.ts';
import type { DuisText, LazyXml } from '../duis/LazyXml.ts';
import type { DuisResponseCode } from '../core/errors.ts';

/**
 * The DUIS web services as DCC Boxed serves them: `POST /api/v1/serviceS` (Send Command Service),
 * `/serviceT` (Transform Service), `/serviceD` (Non-Device Service).
 */
export type DuisService = 'S' | 'D' | 'T';

export const DUIS_SERVICES: Readonly<Record<DuisService, string>> = {
  S: 'serviceS (Send Command Service)',
  T: 'serviceT (Transform Service)',
  D: 'serviceD (Non-Device Service)',
};

/**
 * What the DSP answers on the synchronous HTTP exchange (decision 0003): 200 with a signed
 * `sr:Response` for a request it could read and authenticate, whatever the DUIS response code;
 * a plain-text HTTP error otherwise. `responseCode` and `reason` repeat, for adapters and tests,
 * what the answer means: an adapter may put `reason` in a response header, since a DUIS
 * response has no field for it.
 */
export interface DspAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  /** The DUIS response code of a 200 answer. */
  readonly responseCode?: DuisResponseCode;
  /** Why the request was refused, in a tester's words (HTTP errors and E-codes). */
  readonly reason?: string;
  /** With in-process signing (decision 0009): the DSP's signature over `body`, which then has no XML-DSig one. */
  readonly inProcessSignature?: InProcessSignature;
  /** In process: the answer as a document still to be written (the signature seals it); `body` writes it when read. */
  readonly document?: LazyXml;
}

export const XML_CONTENT_TYPE = 'application/xml';
export const TEXT_CONTENT_TYPE = 'text/plain; charset=utf-8';

export function xmlAnswer(body: DuisText, responseCode: DuisResponseCode, reason?: string, inProcessSignature?: InProcessSignature): DspAnswer {
  const fields = {
    status: 200,
    contentType: XML_CONTENT_TYPE,
    responseCode,
    ...(reason !== undefined && { reason }),
    ...(inProcessSignature !== undefined && { inProcessSignature }),
  };
  if (typeof body === 'string') return { ...fields, body };
  return {
    ...fields,
    document: body,
    get body() {
      return body.text;
    },
  };
}

export function httpError(status: number, reason: string): DspAnswer {
  return { status, contentType: TEXT_CONTENT_TYPE, body: `${reason}\n`, reason };
}
