import type { Reason } from '../../simulators/core/verdict.ts';
import { SR_NS } from '../../simulators/duis/index.ts';
import type { Credential, KeyStore } from '../../simulators/keystore/index.ts';
import { RA_NS } from '../../simulators/s1sp/index.ts';
import { parseXmlStrict } from '../../simulators/xmldsig/parseXmlStrict.ts';
import { verifyDuis } from '../../simulators/xmldsig/verifyDuis.ts';

/**
 * A SMETS1 answer as the User reads it. The DSP carries the S1SP's signed `sr:SMETS1SignedResponse`
 * unchanged inside an unsigned `sr:Response/sr:Body/sr:SMETS1ResponseMessage` (decision 0008,
 * "Known gaps"); `parseDuisResponse` does not model that yet, so the `ResponseReceiver` keeps such
 * messages as `unreadable`, and this reads the XML itself – as `userFlows.test.ts` does – and
 * verifies the S1SP's signature on the inner document.
 */
export interface Smets1Answer {
  /** The outer `sr:Response` header. */
  readonly responseCode: string;
  readonly requestId: string;
  /** The `MessageSuccess` attribute of the SRV's MMC response element. */
  readonly messageSuccess: boolean | undefined;
  /** `DebugInfo/SMETS1Debug/SMETS1Response/@ResponseCode`: the S1SP's error number. */
  readonly errorNumber?: number;
  /** `…/SMETS1Response/Error`: the S1SP's reason. */
  readonly error?: string;
  /** The inner document's signature verifies with a certificate of the key store. */
  readonly signatureOk: boolean;
  readonly signer?: Credential;
  readonly reasons: readonly Reason[];
}

const SIGNED_RESPONSE = /<sr:SMETS1SignedResponse\b[\s\S]*<\/sr:SMETS1SignedResponse>/;

/** Whether a message the User received carries a SMETS1 answer. */
export function isSmets1Answer(xml: string): boolean {
  return xml.includes('SMETS1ResponseMessage') && SIGNED_RESPONSE.test(xml);
}

export async function readSmets1Answer(xml: string, keyStore: KeyStore): Promise<Smets1Answer> {
  const doc = parseXmlStrict(xml);
  const text = (ns: string, name: string) => doc.getElementsByTagNameNS(ns, name).item(0)?.textContent?.trim();
  const inner = SIGNED_RESPONSE.exec(xml)?.[0];
  if (inner === undefined) throw new Error('not a SMETS1 answer: no sr:SMETS1SignedResponse inside');
  let signer: Credential | undefined;
  const verdict = await verifyDuis(inner, async (issuer, serial) => {
    signer = await keyStore.findBySerial(issuer, serial);
    return signer?.certificate;
  });
  const withSuccess = [...elements(doc.getElementsByTagNameNS(RA_NS, '*'))].find((e) => e.hasAttribute('MessageSuccess'));
  const debug = doc.getElementsByTagNameNS(RA_NS, 'SMETS1Response').item(0);
  const errorNumber = debug?.getAttribute('ResponseCode');
  const error = text(RA_NS, 'Error');
  return {
    responseCode: text(SR_NS, 'ResponseCode') ?? '',
    requestId: text(SR_NS, 'RequestID') ?? '',
    messageSuccess: withSuccess === undefined ? undefined : withSuccess.getAttribute('MessageSuccess') === 'true',
    ...(errorNumber !== null && errorNumber !== undefined && { errorNumber: Number(errorNumber) }),
    ...(error !== undefined && { error }),
    signatureOk: verdict.ok,
    ...(signer !== undefined && { signer }),
    reasons: verdict.reasons,
  };
}

function* elements(list: { readonly length: number; item(index: number): Element | null }): Generator<Element> {
  for (let i = 0; i < list.length; i++) yield list.item(i)!;
}
