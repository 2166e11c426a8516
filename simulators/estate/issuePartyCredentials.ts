import { REMOTE_PARTY_ROLES } from '../core/roles.ts';
import { Credential } from '../keystore/index.ts';
import { type Smki, type SmkiCredential, XML_SIGNING_ROLE_NUMBERS } from '../smki/index.ts';
import type { Party, PartyCredential } from './Party.ts';

/**
 * Issues a party's credentials from the test SMKI, as key-store entries. Names follow DCC Boxed's
 * keystore (`<role>-ds`, `<role>PP-ka`, `xml-sign-<EUI>-ds`) so an exported keystore.json reads
 * like DCC Boxed's own.
 */
export function issuePartyCredentials(smki: Smki, party: Party): Credential[] {
  return party.credentials.map((wanted) => issuePartyCredential(smki, party, wanted));
}

export function issuePartyCredential(smki: Smki, party: Party, wanted: PartyCredential): Credential {
  return toCredential(party, wanted, issue(smki, party, wanted));
}

function issue(smki: Smki, party: Party, wanted: PartyCredential): SmkiCredential {
  if (wanted.usage === 'XML') {
    return smki.issueXmlSigningCertificate({
      eui: party.eui,
      role: party.remotePartyRole,
      signer: xmlSignerOf(party),
    });
  }
  return smki.issueOrganisationCertificate({
    eui: party.eui,
    role: party.remotePartyRole,
    usage: wanted.usage,
    cellUsage: wanted.cellUsage,
  });
}

function toCredential(party: Party, wanted: PartyCredential, issued: SmkiCredential): Credential {
  const xmlSigner = xmlSignerOf(party);
  const role =
    wanted.usage === 'XML' ? XML_SIGNING_ROLE_NUMBERS[xmlSigner] : REMOTE_PARTY_ROLES[party.remotePartyRole];
  return new Credential({
    eui: party.eui,
    usage: wanted.usage,
    serial: BigInt(`0x${issued.serial}`),
    role,
    name: credentialName(party, wanted),
    certificatePem: issued.pem,
    privateKeyPem: issued.privateKeyPem,
    ...(wanted.usage === 'KA' ? { cellUsage: wanted.cellUsage } : {}),
  });
}

/** DCC service providers (the DSP, the S1SPs) sign XML as the DCC; Users as Users. */
function xmlSignerOf(party: Party): 'dsp' | 'user' {
  return party.signsDspResponses || party.kind === 's1sp' ? 'dsp' : 'user';
}

function credentialName(party: Party, wanted: PartyCredential): string {
  if (wanted.usage === 'XML') return `${xmlSignerOf(party) === 'dsp' ? 'dsp-' : ''}xml-sign-${party.eui.hex}-ds`;
  const topUp = wanted.cellUsage === 'prePaymentTopUp' ? 'PP' : '';
  return `${party.name}${topUp}-${wanted.usage.toLowerCase()}`;
}
