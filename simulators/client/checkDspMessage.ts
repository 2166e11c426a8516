import type { Reason } from '../core/verdict.ts';
import { type ParsedDuisResponse, parseDuisResponse } from '../duis/index.ts';
import type { Credential, KeyStore } from '../keystore/index.ts';
import { parseXmlStrict } from '../xmldsig/parseXmlStrict.ts';
import { verifyDuisDocument } from '../xmldsig/verifyDuis.ts';

/** GBCS remote party role number of DSP XML-signing certificates (135 is a User's). */
export const DSP_XML_SIGNING_ROLE = 137;

/** Whether a credential may sign what the DSP sends: by default, an XML-signing credential with role 137. */
export type DspSignerCheck = (signer: Credential) => boolean;

export const isDspXmlSigner: DspSignerCheck = (signer) => signer.usage === 'XML' && signer.role === DSP_XML_SIGNING_ROLE;

/** What a User makes of a DUIS document from the DSP: whether its signature holds, and what it says. */
export interface DspMessageCheck {
  /** The enveloped signature verifies with a DSP XML-signing certificate from the key store. */
  readonly signatureOk: boolean;
  /** Why not (xmldsig's reason codes, plus `not-well-formed`, `signer-lookup-failed`, `not-dsp-signer`); empty when it does. */
  readonly reasons: readonly Reason[];
  /** The credential whose certificate the signature named, when the key store has it. */
  readonly signer?: Credential;
  /** The `sr:Response`, when it parses (whether or not the signature holds). */
  readonly response?: ParsedDuisResponse;
  /** Why it does not parse as a DUIS response. */
  readonly parseError?: string;
}

/**
 * Verifies and parses a DUIS `sr:Response` from the DSP, never throwing: the signer is found in the
 * key store by X509IssuerSerial and must pass `isDspSigner`; the document is parsed whatever the
 * signature's verdict, so a tester can see what arrived.
 */
export async function checkDspMessage(
  xml: string,
  keyStore: KeyStore,
  isDspSigner: DspSignerCheck = isDspXmlSigner,
): Promise<DspMessageCheck> {
  let doc: Document;
  try {
    doc = parseXmlStrict(xml);
  } catch (error) {
    const message = describe(error);
    return { signatureOk: false, reasons: [{ code: 'not-well-formed', message }], parseError: message };
  }
  let signer: Credential | undefined;
  let lookupProblem: string | undefined;
  const verdict = await verifyDuisDocument(doc, async (issuer, serial) => {
    try {
      signer = await keyStore.findBySerial(issuer, serial);
    } catch (error) {
      lookupProblem = describe(error);
    }
    return signer?.certificate;
  });
  const reasons: Reason[] = [...verdict.reasons];
  if (lookupProblem !== undefined) reasons.push({ code: 'signer-lookup-failed', message: lookupProblem });
  if (verdict.ok && signer !== undefined && !isDspSigner(signer)) {
    reasons.push({
      code: 'not-dsp-signer',
      message: `signed with ${signer.label} (role ${signer.role}), which is not a DSP XML-signing credential`,
    });
  }
  return {
    signatureOk: verdict.ok && reasons.length === 0,
    reasons,
    ...(signer !== undefined && { signer }),
    ...readDspResponse(doc),
  };
}

/** The `sr:Response` of a document, or why it is not one: never throws. */
export function readDspResponse(doc: Document): { response?: ParsedDuisResponse; parseError?: string } {
  try {
    return { response: parseDuisResponse(doc) };
  } catch (error) {
    return { parseError: describe(error) };
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
