import type { Eui } from '../core/Eui.ts';
import type { PartyDirectory } from '../estate/PartyDirectory.ts';
import type { Credential, KeyStore } from '../keystore/index.ts';
import { verifyDuisDocument } from '../xmldsig/verifyDuis.ts';

export type Authentication =
  | { readonly ok: true; readonly signer: Credential }
  | { readonly ok: false; readonly reason: string };

/**
 * Checks the enveloped signature of a request and that it was made with the XML-signing
 * credential of the RequestID's originator. The signer is found by X509IssuerSerial in the key
 * store, which holds every party's credentials. A refusal says what to fix.
 */
export async function authenticate(
  doc: Document,
  originator: Eui,
  keyStore: KeyStore,
  parties: PartyDirectory,
): Promise<Authentication> {
  let signer: Credential | undefined;
  let lookupProblem: string | undefined;
  const verdict = await verifyDuisDocument(doc, async (issuer, serial) => {
    try {
      signer = await keyStore.findBySerial(issuer, serial);
    } catch (error) {
      lookupProblem = error instanceof Error ? error.message : String(error);
    }
    return signer?.certificate;
  });
  if (!verdict.ok) {
    const reasons = verdict.reasons.map((r) => r.message).join('; ');
    return refuse(`signature refused: ${reasons}${lookupProblem ? ` (${lookupProblem})` : ''}`);
  }
  const who = (eui: Eui) => {
    const party = parties.byEui(eui);
    return party === undefined ? eui.toString() : `${eui} (${party.name})`;
  };
  if (signer === undefined) return refuse('signature refused: the signer could not be resolved');
  if (!signer.eui.equals(originator)) {
    return refuse(
      `the request is signed by ${who(signer.eui)} (certificate serial ${signer.serial}), ` +
        `but the RequestID's originator is ${who(originator)}: a DUIS request must be signed with ` +
        "its originator's XML-signing credential",
    );
  }
  if (signer.usage !== 'XML') {
    return refuse(
      `the request is signed with ${who(originator)}'s ${signer.usage} credential (serial ` +
        `${signer.serial}); DUIS requests are signed with the XML-signing credential`,
    );
  }
  return { ok: true, signer };
}

function refuse(reason: string): Authentication {
  return { ok: false, reason };
}
