import type { Clock } from '../core/clock.ts';
import type { Journal } from '../core/Journal.ts';
import { type ParsedServiceRequest, parseDuisRequest } from '../duis/index.ts';
import type { PartyDirectory } from '../estate/PartyDirectory.ts';
import type { InProcessSignature, InProcessSigning } from '../duis/InProcessSigning.ts';
import type { Credential, KeyStore } from '../keystore/index.ts';
import { parseXmlStrict } from '../xmldsig/parseXmlStrict.ts';
import type { AdmissionWorkers, PreRead } from './admissionWorkers.ts';
import { authenticate } from './authenticate.ts';
import { DUIS_SERVICES, type DspAnswer, type DuisService, httpError } from './DspAnswer.ts';
import { type RequestHeader, readHeader } from './readHeader.ts';

/** A request the DSP could read and authenticate: from here on every answer is a signed DUIS response. */
export interface Admitted {
  readonly header: RequestHeader;
  /** Undefined when the body does not conform to DUIS (`parseError` says why): refused with a signed E12. */
  readonly request: ParsedServiceRequest | undefined;
  readonly parseError: Error | undefined;
}

export interface AdmissionOptions {
  readonly clock: Clock;
  readonly journal: Journal;
  readonly keyStore: KeyStore;
  readonly parties: PartyDirectory;
  readonly maxBodyBytes: number;
  /** The pool that read `early`; see {@link admit}. */
  readonly admissionWorkers?: AdmissionWorkers;
  /**
   * In-process signing (decision 0009): requests carry the originator's in-process signature beside
   * the text (`inProcessSignature`) instead of an XML-DSig signature in it; nothing else changes.
   */
  readonly inProcessSigning?: InProcessSigning;
}

const XML_MEDIA_TYPES = ['application/xml', 'text/xml'];

/**
 * The HTTP-level checks of decision 0003, in order: known service (404), XML content type (415),
 * size (413), strict XML – no DOCTYPE or entities (400), a readable header naming an SRV in scope
 * (400), a valid signature by the originator's XML-signing credential (400). Each refusal is
 * journalled with its reason. Then the full DUIS parse: its failure is kept, not answered here.
 *
 * `early` is the same body as an admission worker read it ahead of the queue (AdmissionWorkers):
 * when it read cleanly, and the key store still gives, for its X509IssuerSerial, the very
 * certificate that verified it, belonging to the originator and for XML signing, it stands for the
 * parse, header, signature check and DUIS parse below. Anything else goes the usual way here.
 */
export async function admit(
  service: DuisService,
  body: string,
  contentType: string | undefined,
  o: AdmissionOptions,
  early?: Promise<PreRead | undefined>,
  inProcessSignature?: InProcessSignature,
): Promise<Admitted | DspAnswer> {
  let from = 'unknown';
  if (!Object.hasOwn(DUIS_SERVICES, service)) {
    return refusal(o, from, body, 404, `no DUIS web service "${String(service)}": use serviceS, serviceT or serviceD`);
  }
  if (contentType !== undefined) {
    const media = contentType.split(';')[0]!.trim().toLowerCase();
    if (!XML_MEDIA_TYPES.includes(media)) {
      return refusal(o, from, body, 415, `Content-Type ${contentType} refused: DUIS requests are sent as application/xml`);
    }
  }
  if (typeof body !== 'string') return refusal(o, from, body, 400, 'the request has no XML body');
  const size = Buffer.byteLength(body, 'utf8');
  if (size > o.maxBodyBytes) {
    return refusal(o, from, body, 413, `the request is ${size} bytes; this DSP takes at most ${o.maxBodyBytes}`);
  }
  const read = early === undefined ? undefined : await early;
  if (read !== undefined && (await stillSigned(read, o))) {
    journalRequest(service, body, read.header, o);
    return { header: read.header, request: read.request, parseError: undefined };
  }
  let doc: Document;
  let header: RequestHeader;
  try {
    // In process nothing verifies an XML signature, so the DUIS readers' lighter DOM will do.
    doc = parseXmlStrict(body, { dom: o.inProcessSigning === undefined ? 'xmldom' : 'lite' });
    header = readHeader(doc);
  } catch (error) {
    return refusal(o, from, body, 400, `not a DUIS request the DSP can read: ${messageOf(error)}`);
  }
  from = header.requestId.originator.toString();
  if (o.inProcessSigning !== undefined) {
    if (!o.inProcessSigning.verify(header.requestId.originator, body, inProcessSignature)) {
      return refusal(o, from, body, 400, `signature refused: the in-process signature does not verify for the RequestID's originator ${from} (this DSP takes requests only from in-process Users of its own estate)`);
    }
  } else {
    const auth = await authenticate(doc, header.requestId.originator, o.keyStore, o.parties);
    if (!auth.ok) return refusal(o, from, body, 400, auth.reason);
  }
  journalRequest(service, body, header, o);
  try {
    return { header, request: parseDuisRequest(doc), parseError: undefined };
  } catch (error) {
    return { header, request: undefined, parseError: error instanceof Error ? error : new Error(String(error)) };
  }
}

function journalRequest(service: DuisService, body: string, header: RequestHeader, o: AdmissionOptions): void {
  o.journal.append({
    at: o.clock.now(),
    via: 'DUIS',
    from: header.requestId.originator.toString(),
    to: 'DSP',
    kind: 'request',
    summary: `SRV ${header.srv.id} CV ${header.commandVariant} on ${DUIS_SERVICES[service]}`,
    requestId: header.requestId.toString(),
    srv: header.srv.id,
    ...(!header.srv.nonDevice && { deviceId: header.requestId.target.toString() }),
    payload: body,
  });
}

/**
 * Whether what a worker verified still holds now, in the queue: the key store gives the same
 * certificate for the X509IssuerSerial, and it is the originator's XML-signing credential (what
 * authenticate() checks after the signature). If the certificate changed, the workers forget it.
 */
async function stillSigned(read: PreRead, o: AdmissionOptions): Promise<boolean> {
  let signer: Credential | undefined;
  try {
    signer = await o.keyStore.findBySerial(read.issuerName, read.serial);
  } catch {
    return false;
  }
  if (signer === undefined || o.admissionWorkers?.certificateId(signer.certificate) !== read.certificateId) {
    o.admissionWorkers?.forget(read.issuerName, read.serial);
    return false;
  }
  return signer.eui.equals(read.header.requestId.originator) && signer.usage === 'XML';
}

export function isAnswer(x: Admitted | DspAnswer): x is DspAnswer {
  return 'status' in x;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** An HTTP refusal, journalled with the request's text (`from`: the originator as far as it was read). */
function refusal(o: AdmissionOptions, from: string, body: string, status: number, reason: string): DspAnswer {
  o.journal.append({
    at: o.clock.now(),
    via: 'DUIS',
    from,
    to: 'DSP',
    kind: 'refusal',
    summary: `HTTP ${status}: ${reason}`,
    payload: typeof body === 'string' ? body : String(body),
  });
  return httpError(status, reason);
}
