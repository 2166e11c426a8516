/**
 * The bad-input catalogue over real HTTP: every row gets a clear answer (an HTTP error or a signed
 * DUIS error code, with a reason), changes nothing – inventory, registrations, device cells, the
 * DSP's counters and pending pre-commands – and the server keeps serving.
 */
import { X509Certificate } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { expect } from 'chai';
import { updateSecurityCredentialsBody } from '../client/requestBodies.ts';
import { Eui } from '../core/Eui.ts';
import { RequestId } from '../core/RequestId.ts';
import { buildDuisRequest, type RequestBody } from '../duis/index.ts';
import { Smki } from '../smki/index.ts';
import { signDuis } from '../xmldsig/signDuis.ts';
import { Harness } from './Harness.ts';
import { homeDeviceId } from './homeDevices.ts';

let h: Harness;
let counter = 5_000_000n;
const YORKSHIRE = 'Northern Powergrid (Yorkshire)';

before(async () => {
  h = await Harness.start({ http: { port: 0 } });
});
after(() => h?.close());

const eui = (name: string) => h.estate.parties.byName(name).eui;

async function signedAs(
  signerName: string,
  options: { from?: string; target?: Eui; srv?: string; cv?: number; body?: RequestBody; beforeSigning?: (xml: string) => string } = {},
) {
  const from = eui(options.from ?? signerName);
  const target = options.target ?? homeDeviceId(3, 'ESME');
  const body = options.body ?? (await updateSecurityCredentialsBody(h.estate.keyStore, h.estate.smki.organisationCa.der, 'NetworkOperator', eui('Northern Powergrid (North East)')));
  const xml = await h.estate.keyStore.lookup(eui(signerName), 'XML');
  const requestId = RequestId.of(from, target, ++counter);
  const change = options.beforeSigning ?? ((x: string) => x);
  return buildDuisRequest(
    { header: { requestId, commandVariant: options.cv ?? 4, srv: options.srv ?? '6.15.1' }, body },
    { sign: (unsigned) => signDuis(change(unsigned), { privateKey: xml.privateKey, certificate: xml.certificate }) },
  );
}

/** Signed by a certificate of the right shape for the originator, from an SMKI the estate does not know. */
function signedByAStranger(xml: string): string {
  const stranger = new Smki('a stranger SMKI').issueXmlSigningCertificate({ eui: eui(YORKSHIRE), role: 'networkOperator' });
  const unsigned = xml.replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '');
  return signDuis(unsigned, { privateKey: stranger.privateKey, certificate: new X509Certificate(stranger.der) });
}

async function post(service: 'S' | 'T' | 'D', body: string, contentType = 'application/xml') {
  const res = await fetch(`${h.url}/api/v1/service${service}`, { method: 'POST', headers: { 'content-type': contentType }, body });
  const text = await res.text();
  return { status: res.status, code: /<sr:ResponseCode>([^<]+)</.exec(text)?.[1], reason: res.headers.get('x-smets-harness-reason') ?? text };
}

async function snapshot() {
  const esme = h.fleet.device(homeDeviceId(3, 'ESME'));
  return JSON.stringify({
    devices: h.inventory.devices().map((d) => [d.deviceId.toString(), d.status]),
    registrations: h.registrations.toRecords(),
    cells: esme.cells().map((c) => [c.name, c.certificate?.entityId.toString()]),
    counter: h.dsp.lastCounter(eui(YORKSHIRE))?.toString(),
    pending: h.dsp.pendingPreCommands().length,
  });
}

describe('the bad-input catalogue, over HTTP', () => {
  const rows: { name: string; request: () => Promise<{ service: 'S' | 'T' | 'D'; body: string; contentType?: string }>; status: number; code?: string; reason: RegExp }[] = [
    { name: 'malformed XML', request: async () => ({ service: 'T', body: '<sr:Request xmlns:sr="x"><unclosed>' }), status: 400, reason: /XML refused \(not-well-formed\)/ },
    { name: 'DOCTYPE with entity expansion', request: async () => ({ service: 'T', body: '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><sr:Request xmlns:sr="http://www.dccinterface.co.uk/ServiceUserGateway">&b;</sr:Request>' }), status: 400, reason: /XML refused \(doctype\): a DOCTYPE declaration/ },
    { name: 'oversize body', request: async () => ({ service: 'T', body: `<x>${'a'.repeat(2 * 1024 * 1024)}</x>` }), status: 413, reason: /request body larger than \d+ bytes; nothing was processed/ },
    { name: 'wrong content type', request: async () => ({ service: 'T', body: await signedAs(YORKSHIRE), contentType: 'text/plain' }), status: 415, reason: /Content-Type text\/plain refused: DUIS requests are sent as application\/xml/ },
    { name: 'wrong namespace', request: async () => ({ service: 'T', body: (await signedAs(YORKSHIRE)).replaceAll('http://www.dccinterface.co.uk/ServiceUserGateway', 'http://example.com/other') }), status: 400, reason: /the root element must be sr:Request in namespace http:\/\/www.dccinterface.co.uk\/ServiceUserGateway/ },
    { name: 'unsupported schemaVersion', request: async () => ({ service: 'T', body: await signedAs(YORKSHIRE, { beforeSigning: (x) => x.replace('schemaVersion="5.4"', 'schemaVersion="9.9"') }) }), status: 200, code: 'E12', reason: /sr:Request\/@schemaVersion: expected a DUIS schemaVersion this harness reads \(5\.0, .*got "9\.9"/ },
    { name: 'unsigned', request: async () => ({ service: 'T', body: (await signedAs(YORKSHIRE)).replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '') }), status: 400, reason: /no ds:Signature/ },
    { name: "signed by someone other than the RequestID's originator", request: async () => ({ service: 'T', body: await signedAs('Cirrus Energy', { from: YORKSHIRE }) }), status: 400, reason: /signed by 90-B3-D5-1F-40-01-03-00 \(Cirrus Energy\).*but the RequestID's originator is 90-B3-D5-1F-40-02-23-00/ },
    { name: 'body altered after signing', request: async () => ({ service: 'T', body: (await signedAs(YORKSHIRE)).replace('<sr:RemotePartyFloorSeqNumber>0<', '<sr:RemotePartyFloorSeqNumber>7<') }), status: 400, reason: /the document was changed after it was signed/ },
    { name: 'unknown signing certificate', request: async () => ({ service: 'T', body: signedByAStranger(await signedAs(YORKSHIRE)) }), status: 400, reason: /no certificate is known for issuer "CN=Z1,OU=07", serial \d+/ },
    { name: 'unknown SRV', request: async () => ({ service: 'T', body: await signedAs(YORKSHIRE, { beforeSigning: (x) => x.replace('<sr:ServiceReferenceVariant>6.15.1<', '<sr:ServiceReferenceVariant>6.99.9<') }) }), status: 400, reason: /sr:ServiceReferenceVariant "6.99.9" is not one the harness's DSP serves/ },
    { name: 'CV / URL mismatch (CV 4 to serviceS)', request: async () => ({ service: 'S', body: await signedAs(YORKSHIRE) }), status: 200, code: 'E13', reason: /goes to serviceT \(Transform Service\); it was sent to serviceS/ },
    { name: 'unknown device', request: async () => ({ service: 'T', body: await signedAs(YORKSHIRE, { target: Eui.parse('00-DB-99-99-99-99-99-99') }) }), status: 200, code: 'E19', reason: /device 00-DB-99-99-99-99-99-99, the RequestID's target, is not in the Smart Metering Inventory/ },
  ];

  for (const row of rows) {
    it(`${row.name}: ${row.code ?? `HTTP ${row.status}`} with a reason, and nothing changes`, async () => {
      const before = await snapshot();
      const { service, body, contentType } = await row.request();
      const answer = await post(service, body, contentType);
      expect(answer.status, answer.reason).to.equal(row.status);
      if (row.code) expect(answer.code, answer.reason).to.equal(row.code);
      expect(answer.reason).to.match(row.reason);
      expect(await snapshot()).to.equal(before);
      expect((await fetch(`${h.url}/healthz`)).status).to.equal(200);
    });
  }

  it('replayed RequestID: the first is answered, the replay refused, and the replay changes nothing', async () => {
    const body = await signedAs(YORKSHIRE);
    expect((await post('T', body)).code).to.equal('I0');
    const before = await snapshot();
    const replay = await post('T', body);
    expect(replay.status).to.equal(200);
    expect(replay.code, replay.reason).to.equal('E12');
    expect(replay.reason).to.match(/counter|replay/i);
    expect(await snapshot()).to.equal(before);
  });
});
