import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { expect } from 'chai';
import { SimulatedClock } from '../core/clock.ts';
import { Eui } from '../core/Eui.ts';
import { buildEstate, type Estate } from '../estate/Estate.ts';
import { type RunningServer, startHttpServer } from './httpServer.ts';
import { smkiRoutes } from './smkiRoutes.ts';

let estate: Estate;
let running: RunningServer;
const DEVICE = Eui.parse('00-DB-12-34-56-78-90-A0');

before(async () => {
  estate = await buildEstate({ clock: new SimulatedClock() });
  estate.smkiRepository.add(estate.smki.issueDeviceCertificate({ eui: DEVICE, usage: 'DS' }));
  estate.smkiRepository.add(estate.smki.issueDeviceCertificate({ eui: DEVICE, usage: 'KA' }));
  running = await startHttpServer([smkiRoutes(estate.smkiRepository)], { port: 0 });
});
after(() => running.close());

const post = (path: string, body: string) =>
  fetch(`${running.url}${path}?apikey=any`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body });

describe('the SMKI repository routes', () => {
  it("list an organisation's certificates by subject name, with usage, serial, status and role", async () => {
    const res = await post(
      '/services/certificatesearch',
      '<CertificateSearchRequest><CertificateSubjectName>90-b3-d5-1f-40-01-01-00</CertificateSubjectName></CertificateSearchRequest>',
    );
    expect(res.status).to.equal(200);
    const body = await res.text();
    expect(body.match(/<Result>/g)).to.have.length(4); // DS, KA, KA top-up, XML
    expect(body).to.contain('<CertificateRole>135</CertificateRole>');
    expect(body).to.contain('<CertificateStatus>I</CertificateStatus>');
  });

  it('answer 402 when nothing matches and 401 for a request it cannot read, as DCC Boxed does', async () => {
    const none = await post(
      '/services/certificatesearch',
      '<CertificateSearchRequest><CertificateSubjectAltName>00-DB-00-00-00-00-00-01</CertificateSubjectAltName></CertificateSearchRequest>',
    );
    expect(none.status).to.equal(402);
    expect(await none.text()).to.contain('no certificate found for 00-DB-00-00-00-00-00-01');
    for (const body of ['not xml', '<CertificateSearchRequest/>', '<CertificateDataRequest><CertificateSerial>zz</CertificateSerial></CertificateDataRequest>']) {
      const path = body.includes('DataRequest') ? '/services/retrievecertificate' : '/services/certificatesearch';
      const res = await post(path, body);
      expect(res.status, body).to.equal(401);
      expect(await res.text()).to.match(/^invalid search parameters: /);
    }
    const doctype = await post('/services/certificatesearch', '<!DOCTYPE x [<!ENTITY a "b">]><CertificateSearchRequest/>');
    expect(doctype.status).to.equal(401);
  });

  it("work with DCC Boxed's own client library: search a device by EUI, retrieve by serial", async () => {
    const require = createRequire(import.meta.url);
    const client = require('@smartdcc/dccboxed-keystore/dist/certificateSearch.js') as {
      search: (sr: unknown, address: string) => Promise<{ meta: { eui: unknown; serial: bigint }; x509: { raw: Buffer } }[]>;
      query: (serial: string, address: string) => Promise<{ x509: { raw: Buffer } } | null>;
    };
    const address = running.url.replace('http://', '');
    const found = await client.search(
      { CertificateUsage: 'KA', CertificateStatus: 'I', q: { CertificateSubjectAltName: DEVICE.toString().toLowerCase() } },
      address,
    );
    expect(found).to.have.length(1);
    const ka = estate.smkiRepository.bySubjectAltName(DEVICE).find((e) => e.usage === 'KA')!;
    expect(Buffer.from(found[0]!.x509.raw).equals(ka.der)).to.equal(true);
    const aurora = await estate.keyStore.lookup(Eui.parse('90-B3-D5-1F-40-01-01-00'), 'XML');
    const org = await client.query(aurora.serial.toString(16), address);
    expect(org && Buffer.from(org.x509.raw).equals(Buffer.from(aurora.certificate.raw))).to.equal(true);
    expect(await client.query('123456', address)).to.equal(null);
  });
});
