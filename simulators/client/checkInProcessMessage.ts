import type { Eui } from '../core/Eui.ts';
import type { Reason } from '../core/verdict.ts';
import type { InProcessSignature, InProcessSigning } from '../duis/InProcessSigning.ts';
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
 * instead of an XML-DSig one, then the same strict parse; never throws.
 */
export function checkInProcessMessage(xml: string, signature: InProcessSignature | undefined, trust: InProcessTrust): DspMessageCheck {
  const reasons: Reason[] = [];
  if (!trust.signing.verify(trust.dspEui, xml, signature)) {
    reasons.push({
      code: signature === undefined ? 'no-signature' : 'signature-mismatch',
      message: signature === undefined ? 'no in-process signature came with the message' : "the in-process signature is not the DSP's over this text",
    });
  }
  let doc: Document;
  try {
    doc = parseXmlStrict(xml, { dom: 'lite' });
  } catch (error) {
    const message = describe(error);
    return { signatureOk: false, reasons: [...reasons, { code: 'not-well-formed', message }], parseError: message };
  }
  return { signatureOk: reasons.length === 0, reasons, ...readDspResponse(doc) };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
