import type { DuisResponseCode } from '../core/errors.ts';
import { InvalidInputError } from '../core/errors.ts';
import type { RequestId } from '../core/RequestId.ts';
import type { Srv } from '../core/Srv.ts';
import { buildDuisResponse, isSchemaResponseCode, responseMessage, SR_NS, swappedRequestId } from '../duis/index.ts';
import { parseXmlStrict } from '../xmldsig/parseXmlStrict.ts';

export interface Smets1ResponseInput {
  readonly requestId: RequestId;
  readonly srv: Srv;
  readonly responseCode: DuisResponseCode;
  readonly responseDateTime: Date;
  readonly schemaVersion: string;
  /** The S1SP's answer: an `sr:SMETS1SignedResponse` document, signed by the S1SP. */
  readonly signedResponse: string;
}

const DECLARATION = /^\s*<\?xml[^>]*\?>\s*/;

/**
 * The `sr:Response` that carries an S1SP's signed answer to the User, as the DUIS 5.4 schema has
 * it: `sr:Body/sr:SMETS1ResponseMessage` with the service reference and the S1SP's
 * `sr:SMETS1SignedResponse` inside, unchanged, so the User verifies the S1SP's signature.
 *
 * **Not signed by the DSP** (the schema makes the outer signature optional): the harness's XML-DSig
 * profile allows one signature per document, and signing would drop the S1SP's.
 */
export function smets1ResponseXml(input: Smets1ResponseInput): string {
  const inner = input.signedResponse.replace(DECLARATION, '');
  const root = parseXmlStrict(inner).documentElement;
  if (root.localName !== 'SMETS1SignedResponse' || root.namespaceURI !== SR_NS) {
    throw new InvalidInputError('S1SP response', `an sr:SMETS1SignedResponse in namespace ${SR_NS}`, `<${root.tagName}>`);
  }
  const outer = buildDuisResponse({
    schemaVersion: input.schemaVersion,
    header: {
      requestId: input.requestId,
      responseId: swappedRequestId(input.requestId),
      responseCode: input.responseCode,
      responseDateTime: input.responseDateTime,
    },
    body: responseMessage(input.srv),
  }, { allowCodesOutsideSchema: !isSchemaResponseCode(input.responseCode) });
  const message =
    '<sr:SMETS1ResponseMessage>' +
    `<sr:ServiceReference>${input.srv.serviceReference}</sr:ServiceReference>` +
    `<sr:ServiceReferenceVariant>${input.srv.id}</sr:ServiceReferenceVariant>` +
    `${inner.trim()}</sr:SMETS1ResponseMessage>`;
  const replaced = outer.replace(/<sr:ResponseMessage>[\s\S]*<\/sr:ResponseMessage>/, () => message);
  if (replaced === outer) throw new Error('smets1ResponseXml: no sr:ResponseMessage to replace');
  return replaced;
}
