import { InvalidInputError } from '../core/errors.ts';
import { RequestId } from '../core/RequestId.ts';
import { dateTimeCodec, hexCodec, intCodec, textCodec } from './codecs.ts';
import type { ParsedDuisResponse, ResponseBody } from './DuisResponse.ts';
import { readDccAlert } from './dccAlerts.ts';
import * as t from './duisTypes.ts';
import { compact } from './duisTypes.ts';
import type { ElementReader } from './ElementReader.ts';
import { parseSchemaVersion } from './namespaces.ts';
import { type DuisParseOptions, openRoot } from './parseDuisRequest.ts';
import { readResponseContent } from './responseContent.ts';
import { withDom } from './ServiceRequest.ts';

const unsignedInt = intCodec(0, 4_294_967_295);
const responseCode = textCodec({ min: 2 });
const serviceReference = textCodec({ min: 1 });

/**
 * Parses a DUIS `sr:Response` (what the DSP answers or POSTs to a User: acknowledgements, errors,
 * PreCommands, device responses, inventory lists, device and DCC alerts) into a value, for the
 * harness's User side. Refuses what the schema refuses for the modelled parts, naming the element
 * path; content it does not model (other ResponseMessage payloads, other DCC alerts) is kept as
 * XML text. Response codes and service references are read as text: the User side should be able
 * to see whatever the DSP sent.
 */
export function parseDuisResponse(
  xml: string | Document,
  options: DuisParseOptions = {},
): ParsedDuisResponse {
  const root = openRoot(xml, 'Response');
  const schemaVersion = parseSchemaVersion(
    root.element.getAttribute('schemaVersion'),
    'sr:Response/@schemaVersion',
    options.acceptedSchemaVersions,
  );
  const top = root.children();
  const h = top.required('Header').children();
  const requestIdEl = h.optional('RequestID');
  const responseIdEl = h.optional('ResponseID');
  const header = compact({
    requestId: requestIdEl ? RequestId.parse(requestIdEl.text(), requestIdEl.path) : undefined,
    responseId: responseIdEl ? RequestId.parse(responseIdEl.text(), responseIdEl.path) : undefined,
    responseCode: h.requiredValue('ResponseCode', responseCode).trim(),
    responseDateTime: h.requiredValue('ResponseDateTime', dateTimeCodec),
  });
  h.end();
  const b = top.required('Body').children();
  const body = readBody(
    b.choice(['ResponseMessage', 'DeviceAlertMessage', 'DCCAlertMessage', 'SMETS1ResponseMessage']),
  );
  b.end();
  const signatureElement = top.signature();
  top.end();
  return withDom({ schemaVersion, header, body }, root.element, signatureElement);
}

function readBody(el: ElementReader): ResponseBody {
  const c = el.children();
  let body: ResponseBody;
  switch (el.name) {
    case 'ResponseMessage':
      body = compact({
        kind: 'ResponseMessage',
        serviceReference: c.requiredValue('ServiceReference', serviceReference).trim(),
        serviceReferenceVariant: c.requiredValue('ServiceReferenceVariant', serviceReference).trim(),
        content: readResponseContent(c),
      });
      break;
    case 'DeviceAlertMessage':
      body = compact({
        kind: 'DeviceAlertMessage',
        alertCode: c.requiredValue('AlertCode', hexCodec()),
        throttledAlertSequenceId: c.optionalValue('ThrottledAlertSequenceId', unsignedInt),
        throttledAlertCount: c.optionalValue('ThrottledAlertCount', unsignedInt),
        gbcsPayload: c.requiredValue('GBCSPayload', t.gbcsPayload),
      });
      break;
    case 'DCCAlertMessage':
      body = compact({
        kind: 'DCCAlertMessage',
        dccAlertCode: c.requiredValue('DCCAlertCode', textCodec({ min: 1 })).trim(),
        throttledAlertSequenceId: c.optionalValue('ThrottledAlertSequenceId', unsignedInt),
        throttledAlertCount: c.optionalValue('ThrottledAlertCount', unsignedInt),
        alert: readDccAlert(c.required('DCCAlert')),
      });
      break;
    default:
      throw new InvalidInputError(
        el.path,
        'a SMETS2 response (SMETS1 responses are not modelled)',
        `element sr:${el.name}`,
      );
  }
  c.end();
  return body;
}
