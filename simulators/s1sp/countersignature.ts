import type { X509Certificate } from 'node:crypto';
import { HarnessError } from '../core/errors.ts';
import type { RequestId } from '../core/RequestId.ts';
import type { UserRole } from '../core/roles.ts';
import type { Srv } from '../core/Srv.ts';
import type { Reason } from '../core/verdict.ts';
import {
  buildDuisRequest,
  type ParsedServiceRequest,
  parseDuisRequest,
  type RequestBody,
  type ServiceRequestInput,
} from '../duis/index.ts';
import { issuerSerialResolver } from '../xmldsig/issuerSerialResolver.ts';
import { parseXmlStrict } from '../xmldsig/parseXmlStrict.ts';
import { type DuisSigningCredential, signDuis } from '../xmldsig/signDuis.ts';
import { verifyDuisDocument } from '../xmldsig/verifyDuis.ts';

/**
 * What the DSP forwards to the S1SP once its own checks (SRPD validation, the User's XML signature,
 * for SMETS1 critical requests the Registration Data check) have passed: the Service Request as a
 * DUIS `sr:Request`, countersigned – enveloped-signed with the DSP's own XML-signing key, which
 * replaces the User's signature (the DSP has verified that one). The countersignature is the S1SP's
 * only evidence that the DSP authenticated the originator in the RequestID, so everything the S1SP
 * decides on (SRV, RequestID = sender + device + counter, body) is read from the signed XML.
 *
 * The body must be the SRV's own element (e.g. UpdateSecurityCredentialsKRP): for a critical SRV
 * the DSP forwards the CV 4 form of the request, whatever CV the User completed it with.
 */
export interface CountersignedRequest {
  readonly xml: string;
  /**
   * The sender's User Role as the DSP established it. Not covered by the countersignature, so the
   * S1SP journals it and decides nothing on it: its rule is ownership of the slot's certificate.
   */
  readonly userRole?: UserRole;
}

/**
 * The DSP side: countersigns a request – XML the User sent (its signature is replaced), or a
 * request value built here – with the DSP's XML-signing credential.
 */
export function countersign(
  request: string | ServiceRequestInput,
  dspSigner: DuisSigningCredential,
  userRole?: UserRole,
): CountersignedRequest {
  const sign = (xml: string) => signDuis(xml, dspSigner);
  const xml = typeof request === 'string' ? sign(request) : buildDuisRequest(request, { sign });
  return userRole === undefined ? { xml } : { xml, userRole };
}

/** What the DSP knows of a request it routes to an S1SP (the fields of its own S1spRequest). */
export interface ForwardedRequest {
  readonly requestId: RequestId;
  readonly srv: Srv;
  /** The SRV's own body: for a CV 5 request, the body of the CV 4 request it completes. */
  readonly body: RequestBody;
}

/**
 * The DSP side, from a request already parsed: writes it in the form the S1SP reads – the SRV's
 * own body under CommandVariant 4 (critical SRVs) or 1 – and countersigns it.
 */
export function countersignForS1sp(
  request: ForwardedRequest,
  dspSigner: DuisSigningCredential,
  userRole?: UserRole,
): CountersignedRequest {
  const { requestId, srv, body } = request;
  return countersign({ header: { requestId, srv, commandVariant: srv.critical ? 4 : 1 }, body }, dspSigner, userRole);
}

export type CountersignatureCheck =
  | { readonly ok: true; readonly request: ParsedServiceRequest }
  | {
      readonly ok: false;
      readonly code: 'not-countersigned' | 'unreadable-request';
      readonly reasons: Reason[];
    };

/** The S1SP side: verifies the DSP's countersignature, then parses the request it covers. */
export class CountersignatureVerifier {
  readonly #resolve;

  constructor(dspCertificate: X509Certificate) {
    this.#resolve = issuerSerialResolver([dspCertificate]);
  }

  async check(request: CountersignedRequest): Promise<CountersignatureCheck> {
    let doc: Document;
    try {
      doc = parseXmlStrict(request.xml);
    } catch (error) {
      return refuse('unreadable-request', 'unreadable-xml', error);
    }
    const verdict = await verifyDuisDocument(doc, this.#resolve);
    if (!verdict.ok) {
      const reasons = verdict.reasons.map((r) => ({
        code: r.code,
        message: `not countersigned by the DSP: ${r.message}`,
      }));
      return { ok: false, code: 'not-countersigned', reasons };
    }
    try {
      return { ok: true, request: parseDuisRequest(doc) };
    } catch (error) {
      return refuse('unreadable-request', 'unreadable-request', error);
    }
  }
}

function refuse(
  code: 'unreadable-request',
  reasonCode: string,
  error: unknown,
): CountersignatureCheck & { ok: false } {
  if (!(error instanceof HarnessError)) throw error;
  return { ok: false, code, reasons: [{ code: reasonCode, message: error.message }] };
}
