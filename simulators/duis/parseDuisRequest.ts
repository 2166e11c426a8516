import { InvalidInputError } from '../core/errors.ts';
import { RequestId } from '../core/RequestId.ts';
import { type CommandVariant, Srv } from '../core/Srv.ts';
import { booleanCodec, intCodec } from './codecs.ts';
import { compact } from './duisTypes.ts';
import { displayName, ElementReader } from './ElementReader.ts';
import { parseSchemaVersion, SR_NS } from './namespaces.ts';
import { parseRequestBody } from './parseRequestBody.ts';
import { expectedBodyElement, type ParsedServiceRequest, withDom } from './ServiceRequest.ts';
import { checkDocument, parseXmlDocument } from './xmlDocument.ts';

export interface DuisParseOptions {
  /** schemaVersion values to accept (default ACCEPTED_SCHEMA_VERSIONS: 5.0–5.4). */
  readonly acceptedSchemaVersions?: readonly string[];
}

const commandVariantCodec = intCodec(1, 9);

/** Opens the root of a DUIS document, refusing any root but `sr:<localName>`. */
export function openRoot(xml: string | Document, localName: 'Request' | 'Response'): ElementReader {
  const what = `DUIS ${localName.toLowerCase()}`;
  if (typeof xml !== 'string' && (typeof xml !== 'object' || xml === null || !('documentElement' in xml))) {
    throw new InvalidInputError(what, 'XML text or a parsed DOM Document', xml);
  }
  const doc = typeof xml === 'string' ? parseXmlDocument(xml, what) : xml;
  const root = checkDocument(doc, what);
  if (root.localName !== localName) {
    throw new InvalidInputError(
      `sr:${localName}`,
      `the root element ${localName} in namespace ${SR_NS}`,
      `element ${displayName(root)}`,
    );
  }
  if (root.namespaceURI !== SR_NS) {
    throw new InvalidInputError(
      `sr:${localName}`,
      `the root element ${localName} in namespace ${SR_NS}`,
      root.namespaceURI ? `namespace ${root.namespaceURI}` : 'no namespace',
    );
  }
  return new ElementReader(root, `sr:${localName}`);
}

/**
 * Parses a DUIS Service Request (text or an already-parsed document) into a value. Refuses,
 * with an InvalidInputError (E12) naming the element path, anything the DUIS 5.4 schema refuses
 * for the SRVs in scope, plus: a schemaVersion outside `acceptedSchemaVersions`, an SRV not in
 * the catalogue, a ServiceReference that does not belong to the variant, a CommandVariant the
 * SRV does not allow, and a body element that does not match the SRV and CommandVariant. The
 * ds:Signature is located but not checked.
 */
export function parseDuisRequest(
  xml: string | Document,
  options: DuisParseOptions = {},
): ParsedServiceRequest {
  const root = openRoot(xml, 'Request');
  const schemaVersion = parseSchemaVersion(
    root.element.getAttribute('schemaVersion'),
    'sr:Request/@schemaVersion',
    options.acceptedSchemaVersions,
  );
  const top = root.children();
  const headerEl = top.required('Header');
  const h = headerEl.children();
  const requestIdEl = h.required('RequestID', 'originatorEUI:targetEUI:counter');
  const requestId = RequestId.parse(requestIdEl.text(), requestIdEl.path);
  const firstInSequence = h.optionalValue('FirstInSequence', booleanCodec);
  const preceding = h.optional('PrecedingServiceRequestID');
  const cvEl = h.required('CommandVariant', commandVariantCodec.describe);
  const commandVariant = cvEl.value(commandVariantCodec) as CommandVariant;
  const srEl = h.required('ServiceReference', 'e.g. 6.15');
  const srvEl = h.required('ServiceReferenceVariant', 'e.g. 6.15.1');
  h.end();
  const srv = Srv.parse(srvEl.text().trim(), srvEl.path);
  const serviceReference = srEl.text().trim();
  if (serviceReference !== srv.serviceReference) {
    throw new InvalidInputError(
      srEl.path,
      `${srv.serviceReference}, the ServiceReference of variant ${srv.id}`,
      serviceReference,
    );
  }
  if (!srv.allowsCommandVariant(commandVariant)) {
    throw new InvalidInputError(
      cvEl.path,
      `a CommandVariant that SRV ${srv.id} allows (${srv.commandVariants.join(', ')})`,
      commandVariant,
    );
  }

  const bodyWrapper = top.required('Body');
  const b = bodyWrapper.children();
  const wanted = expectedBodyElement(srv, commandVariant);
  const bodyEl = b.choice([wanted], `the body of SRV ${srv.id} with CommandVariant ${commandVariant}`);
  b.end();
  const body = parseRequestBody(bodyEl, srv.id);
  const signatureElement = top.signature();
  top.end();

  const header = compact({
    requestId,
    firstInSequence,
    precedingServiceRequestId: preceding ? RequestId.parse(preceding.text(), preceding.path) : undefined,
    commandVariant,
    serviceReference,
    srv,
  });
  return withDom({ schemaVersion, header, body }, root.element, signatureElement);
}
