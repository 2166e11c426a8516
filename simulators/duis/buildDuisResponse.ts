import { InvalidInputError } from '../core/errors.ts';
import { RequestId } from '../core/RequestId.ts';
import type { DuisBuildOptions } from './buildDuisRequest.ts';
import { dateTimeCodec, hexCodec, intCodec } from './codecs.ts';
import type { DuisResponseInput, ResponseBody } from './DuisResponse.ts';
import { dccAlertElement } from './dccAlerts.ts';
import { LazyXml } from './LazyXml.ts';
import * as t from './duisTypes.ts';
import { DEFAULT_SCHEMA_VERSION, parseSchemaVersion, SR_NS } from './namespaces.ts';
import { isSchemaResponseCode, SCHEMA_DCC_ALERT_CODES } from './responseCodes.ts';
import { responseContentElement } from './responseContent.ts';
import { serialiseXml, srElement, srOptional, srText, srValue, type XmlElement } from './xmlWriter.ts';

export interface DuisResponseBuildOptions extends DuisBuildOptions {
  /**
   * Write a ResponseCode or DCCAlertCode the DUIS 5.4 schema does not list (e.g. a harness-defined
   * code for a new check). The result will NOT validate against the schema. Default false.
   */
  readonly allowCodesOutsideSchema?: boolean;
}

const unsignedInt = intCodec(0, 4_294_967_295);
const SERVICE_REFERENCE = /^[0-9]+(\.[0-9]+){0,2}$/;

/**
 * Writes a DUIS `sr:Response`: header (RequestID?, ResponseID?, ResponseCode, ResponseDateTime)
 * and one body (ResponseMessage, DeviceAlertMessage or DCCAlertMessage), unsigned unless
 * `options.sign` is given – the DSP signs every response it sends with its XML-signing key, and
 * the signature goes last in the root. Output validates against the DUIS 5.4 schema; values
 * it would refuse are refused here, naming the element path. See responses.ts for one-line
 * constructors of the usual kinds.
 */
export function buildDuisResponse(input: DuisResponseInput, options: DuisResponseBuildOptions = {}): string {
  const xml = serialiseXml(checkedResponse(input, options));
  return options.sign ? options.sign(xml) : xml;
}

/**
 * As buildDuisResponse, unsigned, written only when first read (LazyXml). The response code is
 * checked now; the other values when the text is written – in process, where the reader takes the
 * value the text is written from, most answers never are (dsp/responseValue.test.ts writes and
 * reads every kind a batch sends).
 */
export function buildLazyDuisResponse(input: DuisResponseInput, options: Omit<DuisResponseBuildOptions, 'sign'> = {}): LazyXml {
  checkResponseCode(input.header.responseCode, options);
  return new LazyXml(() => buildDuisResponse(input, options));
}

function checkResponseCode(code: unknown, options: DuisResponseBuildOptions): void {
  const path = 'sr:Response/sr:Header/sr:ResponseCode';
  if (typeof code !== 'string' || !/^[IEW][0-9]+$/.test(code)) {
    throw new InvalidInputError(path, 'a DUIS response code such as I0, I99 or E12', code);
  }
  if (!options.allowCodesOutsideSchema && !isSchemaResponseCode(code)) {
    throw new InvalidInputError(path, 'a response code the DUIS 5.4 schema lists (pass allowCodesOutsideSchema to write another)', code);
  }
}

/** The `sr:Response` to write, each value checked and formatted. */
function checkedResponse(input: DuisResponseInput, options: DuisResponseBuildOptions): XmlElement {
  const { header, body } = input;
  const schemaVersion = parseSchemaVersion(
    input.schemaVersion ?? DEFAULT_SCHEMA_VERSION,
    'sr:Response/@schemaVersion',
    ['5.0', '5.1', '5.2', '5.3', '5.4'],
  );
  const hp = 'sr:Response/sr:Header';
  checkResponseCode(header.responseCode, options);
  const root: XmlElement = {
    name: 'sr:Response',
    attributes: { 'xmlns:sr': SR_NS, schemaVersion },
    children: [
      srElement('Header', [
        idElement('RequestID', header.requestId, hp),
        idElement('ResponseID', header.responseId, hp),
        srText('ResponseCode', header.responseCode),
        srValue('ResponseDateTime', dateTimeCodec, header.responseDateTime, hp),
      ]),
      srElement('Body', [bodyElement(body, 'sr:Response/sr:Body', options)]),
    ],
  };
  return root;
}

function idElement(name: string, id: RequestId | undefined, hp: string): XmlElement | undefined {
  if (id === undefined) return undefined;
  if (!(id instanceof RequestId)) throw new InvalidInputError(`${hp}/sr:${name}`, 'a RequestId', id);
  return srText(name, id.toString());
}

function bodyElement(body: ResponseBody, path: string, options: DuisResponseBuildOptions): XmlElement {
  const p = `${path}/sr:${body.kind}`;
  switch (body.kind) {
    case 'ResponseMessage':
      for (const [name, value] of [
        ['ServiceReference', body.serviceReference],
        ['ServiceReferenceVariant', body.serviceReferenceVariant],
      ] as const) {
        if (typeof value !== 'string' || !SERVICE_REFERENCE.test(value)) {
          throw new InvalidInputError(`${p}/sr:${name}`, 'a service reference such as 6.15 or 6.15.1', value);
        }
      }
      return srElement('ResponseMessage', [
        srText('ServiceReference', body.serviceReference),
        srText('ServiceReferenceVariant', body.serviceReferenceVariant),
        body.content === undefined ? undefined : responseContentElement(body.content, p),
      ]);
    case 'DeviceAlertMessage':
      return srElement('DeviceAlertMessage', [
        srValue('AlertCode', hexCodec(2), body.alertCode, p),
        srOptional('ThrottledAlertSequenceId', unsignedInt, body.throttledAlertSequenceId, p),
        srOptional('ThrottledAlertCount', unsignedInt, body.throttledAlertCount, p),
        srValue('GBCSPayload', t.gbcsPayload, body.gbcsPayload, p),
      ]);
    case 'DCCAlertMessage':
      if (!options.allowCodesOutsideSchema && !SCHEMA_DCC_ALERT_CODES.includes(body.dccAlertCode)) {
        throw new InvalidInputError(
          `${p}/sr:DCCAlertCode`,
          'a DCC alert code the DUIS 5.4 schema lists',
          body.dccAlertCode,
        );
      }
      return srElement('DCCAlertMessage', [
        srText('DCCAlertCode', body.dccAlertCode),
        srOptional('ThrottledAlertSequenceId', unsignedInt, body.throttledAlertSequenceId, p),
        srOptional('ThrottledAlertCount', unsignedInt, body.throttledAlertCount, p),
        dccAlertElement(body.alert, p),
      ]);
    default:
      throw new InvalidInputError(
        path,
        'a ResponseMessage, DeviceAlertMessage or DCCAlertMessage body',
        (body as { kind?: unknown }).kind,
      );
  }
}
