/**
 * The dccboxed profile against DCC's own test data: every RTDS DUIS request, re-signed as a DCC
 * Boxed client would (the originator's XML key from DCC Boxed's keystore.json – a GPL
 * devDependency, read here as test data only), POSTed to the service its CommandVariant belongs
 * to, each against a fresh harness (RTDS cases are independent: 8.3 decommissions the ESME the
 * others address). Every DUIS answer – the synchronous one and whatever the DSP sends the User
 * afterwards – must verify with DCC Boxed's DSP certificate and validate against DUIS 5.4.
 */
import type { X509Certificate } from 'node:crypto';
import { createRequire } from 'node:module';
import { after, describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import { RequestId } from '../core/RequestId.ts';
import { REASON_HEADER } from '../http/duisRoutes.ts';
import { noRtds, noSchemaValidation, rtdsRequests, validateDuis } from '../duis/testSupport.ts';
import { buildDuisRequest, parseDuisResponse } from '../duis/index.ts';
import { signPreCommand } from '../gbcs/signature.ts';
import { importDccBoxedKeyStore, type KeyStore } from '../keystore/index.ts';
import { issuerSerialResolver } from '../xmldsig/issuerSerialResolver.ts';
import { signDuis } from '../xmldsig/signDuis.ts';
import { verifyDuis } from '../xmldsig/verifyDuis.ts';
import { Harness } from './Harness.ts';

const keystoreFile = createRequire(import.meta.url).resolve('@smartdcc/dccboxed-keystore/keystore.json');
const DSP = Eui.parse('90-B3-D5-1F-30-00-00-02');

/** DCC's duis-parser table: which web service takes which CommandVariant. */
function serviceFor(commandVariant: number): 'S' | 'D' | 'T' {
  if (commandVariant === 4) return 'T';
  return [2, 6, 8].includes(commandVariant) ? 'D' : 'S';
}

function field(xml: string, name: string): string {
  const found = new RegExp(`<sr:${name}>([^<]+)</sr:${name}>`).exec(xml)?.[1];
  if (found === undefined) throw new Error(`no sr:${name}`);
  return found;
}

/** Signature with DCC Boxed's DSP certificate, then (where xmllint is there) DUIS 5.4. */
async function check(xml: string, dspCertificate: X509Certificate): Promise<string> {
  const verdict = await verifyDuis(xml, issuerSerialResolver([dspCertificate]));
  if (!verdict.ok) return `signature: ${verdict.reasons.map((r) => r.message).join('; ')}`;
  if (noSchemaValidation) return 'ok';
  // xmllint reads xs:integer only up to 24 digits; SMKI serials have up to 39 (decision 0004).
  const result = validateDuis(xml.replace(/(<ds:X509SerialNumber>)[0-9]+(<\/ds:X509SerialNumber>)/, '$11$2'));
  return result.valid ? 'ok' : `schema: ${result.output}`;
}

/** CV 5: the PreCommand signed with the originator's DS key from the DCC Boxed keystore, on serviceS. */
async function completeCritical(baseUrl: string, template: string, cv4Answer: string, keys: KeyStore): Promise<{ xml: string; code: string }> {
  const content = parseDuisResponse(cv4Answer).body;
  if (content.kind !== 'ResponseMessage' || content.content?.kind !== 'PreCommand') throw new Error('no PreCommand');
  const requestId = RequestId.parse(field(template, 'RequestID'));
  const ds = await keys.lookup(requestId.originator, 'DS');
  const signer = await keys.lookup(requestId.originator, 'XML');
  const request = buildDuisRequest(
    {
      header: { requestId, commandVariant: 5, srv: field(template, 'ServiceReferenceVariant') },
      body: { kind: 'SignedPreCommand', gbcsPayload: signPreCommand(content.content.gbcsPayload, ds.privateKey) },
    },
    { sign: (xml) => signDuis(xml, { privateKey: signer.privateKey, certificate: signer.certificate }) },
  );
  const answer = await fetch(`${baseUrl}/api/v1/serviceS`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: request });
  const xml = await answer.text();
  expect(answer.status, xml).to.equal(200);
  return { xml, code: field(xml, 'ResponseCode') };
}

describe('dccboxed profile: the RTDS DUIS requests, as a DCC Boxed client sends them', { skip: noRtds }, () => {
  const report: string[] = [];
  after(() => {
    // What each RTDS request was answered, for the record (`node --test` prints diagnostics).
    for (const line of report) console.log(`RTDS ${line}`);
  });

  for (const [file, template] of rtdsRequests()) {
    it(`${file}: a signed DUIS answer that verifies and validates`, async () => {
      const clientKeys = await importDccBoxedKeyStore({ file: keystoreFile });
      const dspCertificate = (await clientKeys.lookup(DSP, 'XML')).certificate;
      const requestId = RequestId.parse(field(template, 'RequestID'));
      const commandVariant = Number(field(template, 'CommandVariant'));
      const signer = await clientKeys.lookup(requestId.originator, 'XML');
      const signed = signDuis(template, { privateKey: signer.privateKey, certificate: signer.certificate });

      const h = await Harness.start({ profile: 'dccboxed', keystoreFile, http: { port: 0 } });
      try {
        const service = serviceFor(commandVariant);
        const answer = await fetch(`${h.url}/api/v1/service${service}`, {
          method: 'POST',
          headers: { 'content-type': 'application/xml' },
          body: signed,
        });
        const xml = await answer.text();
        const reason = answer.headers.get(REASON_HEADER);
        expect(answer.status, `${xml} ${reason ?? ''}`).to.equal(200);
        expect(await check(xml, dspCertificate), xml).to.equal('ok');
        const code = field(xml, 'ResponseCode');
        const cv5 = commandVariant === 4 && code === 'I0' ? await completeCritical(h.url!, template, xml, clientKeys) : undefined;
        if (cv5 !== undefined) expect(await check(cv5.xml, dspCertificate), cv5.xml).to.equal('ok');

        await h.drain();
        const later = h.journal.entries({
          where: (e) => e.via === 'DUIS' && e.from === 'DSP' && e.requestId === requestId.toString() && e.payload !== undefined,
        }).slice(cv5 === undefined ? 1 : 2);
        for (const entry of later) expect(await check(entry.payload!, dspCertificate), entry.payload).to.equal('ok');
        const afterwards = later.map((e) => `${e.kind} ${e.responseCode}${e.summary ? ` (${e.summary})` : ''}`);
        const signedStep = cv5 === undefined ? '' : `; CV 5 (pre-command signed with the DCC Boxed DS key) → ${cv5.code}`;
        const then = afterwards.length > 0 ? `; then ${afterwards.join('; ')}` : '';
        report.push(`${file} → service${service}: ${code}${reason ? ` – ${reason}` : ''}${signedStep}${then}`);
      } finally {
        await h.close();
      }
    });
  }
});
