import { InvalidInputError } from '../core/errors.ts';
import { RequestId } from '../core/RequestId.ts';
import { Srv } from '../core/Srv.ts';
import { buildRequestBody } from './buildRequestBody.ts';
import { booleanCodec, intCodec } from './codecs.ts';
import { DEFAULT_SCHEMA_VERSION, parseSchemaVersion, SR_NS } from './namespaces.ts';
import type { ServiceRequestInput } from './ServiceRequest.ts';
import { serialiseXml, srElement, srOptional, srText, srValue } from './xmlWriter.ts';

/**
 * Signs built XML: receives the unsigned document and returns it with an enveloped ds:Signature
 * appended as the last child of the root (exclusive C14N, ecdsa-sha256, KeyInfo X509IssuerSerial;
 * see simulators/xmldsig). The builders never sign by themselves.
 */
export type DuisSigner = (unsignedXml: string) => string;

export interface DuisBuildOptions {
  /** Applied to the finished XML; without it the document is returned unsigned. */
  readonly sign?: DuisSigner;
}

const ANY_5X = ['5.0', '5.1', '5.2', '5.3', '5.4'];

/**
 * Writes a DUIS `sr:Request` for the harness's own User client (and Gherkin steps). Output
 * validates against the DUIS 5.4 schema; values the schema would refuse are refused here with an
 * InvalidInputError naming the element path. Coherence between SRV, CommandVariant and body is
 * NOT enforced, so a step can send a deliberately inconsistent request to see the DSP refuse it.
 */
export function buildDuisRequest(input: ServiceRequestInput, options: DuisBuildOptions = {}): string {
  const { header, body } = input;
  const schemaVersion = parseSchemaVersion(
    input.schemaVersion ?? DEFAULT_SCHEMA_VERSION,
    'sr:Request/@schemaVersion',
    ANY_5X,
  );
  const hp = 'sr:Request/sr:Header';
  const requestId = toRequestId(header.requestId, `${hp}/sr:RequestID`);
  const preceding =
    header.precedingServiceRequestId === undefined
      ? undefined
      : toRequestId(header.precedingServiceRequestId, `${hp}/sr:PrecedingServiceRequestID`);
  const srv =
    header.srv instanceof Srv ? header.srv : Srv.parse(header.srv, `${hp}/sr:ServiceReferenceVariant`);
  const serviceReference = header.serviceReference ?? srv.serviceReference;
  if (!/^[0-9]+(\.[0-9]+){0,2}$/.test(serviceReference)) {
    throw new InvalidInputError(
      `${hp}/sr:ServiceReference`,
      'a service reference such as 6.15',
      serviceReference,
    );
  }
  const root = {
    name: 'sr:Request',
    attributes: { 'xmlns:sr': SR_NS, schemaVersion },
    children: [
      srElement('Header', [
        srText('RequestID', requestId.toString()),
        srOptional('FirstInSequence', booleanCodec, header.firstInSequence, hp),
        preceding === undefined ? undefined : srText('PrecedingServiceRequestID', preceding.toString()),
        srValue('CommandVariant', intCodec(1, 9), header.commandVariant, hp),
        srText('ServiceReference', serviceReference),
        srText('ServiceReferenceVariant', srv.id),
      ]),
      srElement('Body', [buildRequestBody(body, 'sr:Request/sr:Body')]),
    ],
  };
  const xml = serialiseXml(root);
  return options.sign ? options.sign(xml) : xml;
}

function toRequestId(value: RequestId | string, path: string): RequestId {
  return value instanceof RequestId ? value : RequestId.parse(value, path);
}
