import type { Eui } from '../core/Eui.ts';
import type { Reason } from '../core/verdict.ts';
import { type DuisResponse, type ParsedDuisResponse, parseDuisResponse } from '../duis/index.ts';
import type { InProcessSignature, InProcessSigning } from '../duis/InProcessSigning.ts';
import { type DuisText, textOf } from '../duis/LazyXml.ts';
import { parseXmlStrict } from '../xmldsig/parseXmlStrict.ts';
import { type DspMessageCheck, readDspResponse } from './checkDspMessage.ts';

/** Where in-process answers come from (decision 0009): the signing of the estate and the DSP's EUI. */
export interface InProcessTrust {
  readonly signing: InProcessSigning;
  /** The EUI the DSP signs as (its XML-signing party). */
  readonly dspEui: Eui;
}

/**
 * `checkDspMessage` for in-process signing: the DSP's in-process signature over the exact text
 * instead of an XML-DSig one, then the same strict parse; never throws. When the signature holds and
 * seals the DSP's own response value (decision 0009), that value is the response, its DOM parsed
 * only if asked for: the text is the DSP's, unchanged, and the value is what it was written from.
 */
export function checkInProcessMessage(xml: DuisText, signature: InProcessSignature | undefined, trust: InProcessTrust): DspMessageCheck {
  const reading = trust.signing.reading(trust.dspEui, xml, signature) as DuisResponse | undefined;
  if (reading !== undefined) return { signatureOk: true, reasons: [], response: new InProcessResponse(reading, xml) };
  const reasons: Reason[] = [];
  if (!trust.signing.verify(trust.dspEui, xml, signature)) {
    reasons.push({
      code: signature === undefined ? 'no-signature' : 'signature-mismatch',
      message: signature === undefined ? 'no in-process signature came with the message' : "the in-process signature is not the DSP's over this text",
    });
  }
  let doc: Document;
  try {
    doc = parseXmlStrict(textOf(xml), { dom: 'lite' });
  } catch (error) {
    const message = describe(error);
    return { signatureOk: false, reasons: [...reasons, { code: 'not-well-formed', message }], parseError: message };
  }
  return { signatureOk: reasons.length === 0, reasons, ...readDspResponse(doc) };
}

/** A response as parseDuisResponse would give it, from the DSP's own value; its DOM handles parsed from the text when first read. */
class InProcessResponse implements ParsedDuisResponse {
  readonly schemaVersion: string;
  readonly header: DuisResponse['header'];
  readonly body: DuisResponse['body'];
  readonly #xml: DuisText;
  #parsed: ParsedDuisResponse | undefined;

  constructor(value: DuisResponse, xml: DuisText) {
    this.schemaVersion = value.schemaVersion;
    this.header = value.header;
    this.body = value.body;
    this.#xml = xml;
  }

  get element(): Element {
    return this.#dom().element;
  }

  get signatureElement(): Element | undefined {
    return this.#dom().signatureElement;
  }

  #dom(): ParsedDuisResponse {
    this.#parsed ??= parseDuisResponse(parseXmlStrict(textOf(this.#xml), { dom: 'lite' }));
    return this.#parsed;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
