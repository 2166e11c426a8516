import { describe, it } from 'node:test';
import { expect } from 'chai';
import { readInventoryBody } from './testBodies.ts';
import { ACB, AURORA, BOREALIS, CHF, checkDspXml, harness, type RequestSpec } from './testSupport.ts';

const readChf = (counter = 1, from = AURORA): RequestSpec => ({
  from,
  target: ACB,
  counter,
  cv: 8,
  srv: '8.2',
  body: readInventoryBody(CHF),
});

describe('Dsp: requests it cannot read or authenticate get a plain HTTP error and change nothing', () => {
  it('answers 404 for an unknown service, 415 for a non-XML content type, 413 above the size limit', async () => {
    const h = await harness({ maxBodyBytes: 20_000 });
    const xml = await h.signed(readChf());
    const before = h.observable();
    const unknown = await h.dsp.receive('X' as 'S', xml);
    expect(unknown.status).to.equal(404);
    const json = await h.dsp.receive('D', xml, { contentType: 'application/json' });
    expect(json).to.include({ status: 415, contentType: 'text/plain; charset=utf-8' });
    expect(json.body).to.match(/application\/xml/);
    const big = await h.dsp.receive('D', xml.replace('<sr:Header>', `<!--${'x'.repeat(20_000)}--><sr:Header>`));
    expect(big.status).to.equal(413);
    expect(h.observable()).to.deep.equal(before);
  });

  it('accepts application/xml with a charset, and text/xml', async () => {
    const h = await harness();
    const a = await h.dsp.receive('D', await h.signed(readChf(1)), { contentType: 'application/xml; charset=UTF-8' });
    const b = await h.dsp.receive('D', await h.signed(readChf(2)), { contentType: 'text/xml' });
    expect([a.status, b.status]).to.deep.equal([200, 200]);
    expect([a.responseCode, b.responseCode]).to.deep.equal(['I0', 'I0']);
  });

  it('refuses a DOCTYPE (entity expansion) and malformed XML with 400', async () => {
    const h = await harness();
    const xml = await h.signed(readChf());
    const before = h.observable();
    const doctype = await h.dsp.receive('D', `<!DOCTYPE x [<!ENTITY a "aaaa">]>${xml.replace(/^<\?xml[^>]*\?>/, '')}`);
    expect(doctype.status).to.equal(400);
    expect(doctype.body).to.match(/DOCTYPE/);
    const broken = await h.dsp.receive('D', xml.slice(0, -20));
    expect(broken.status).to.equal(400);
    expect(h.observable()).to.deep.equal(before);
  });

  it('refuses an unsigned request and one changed after signing', async () => {
    const h = await harness();
    const xml = await h.signed(readChf());
    const unsigned = await h.dsp.receive('D', xml.replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, ''));
    expect(unsigned.status).to.equal(400);
    expect(unsigned.reason).to.match(/unsigned|no signature|Signature/i);
    const tampered = await h.dsp.receive('D', xml.replace('00-DB-12-34-56-78-90-A2', '00-DB-12-34-56-78-90-A0'));
    expect(tampered.status).to.equal(400);
    expect(tampered.reason).to.match(/digest|changed/);
    expect(h.dsp.lastCounter(AURORA)).to.equal(undefined);
  });

  it("refuses a request signed by another party than the RequestID's originator, naming both", async () => {
    const h = await harness();
    const before = h.observable();
    const answer = await h.send('D', { ...readChf(), signAs: BOREALIS });
    expect(answer.status).to.equal(400);
    expect(answer.reason).to.match(/signed by 90-B3-D5-1F-40-01-02-00 \(Borealis Power\).*originator is 90-B3-D5-1F-40-01-01-00 \(Aurora Energy\)/);
    expect(h.observable()).to.deep.equal(before);
  });

  it('refuses an SRV outside the harness catalogue with 400, as no signed answer can name it', async () => {
    const h = await harness();
    const xml = (await h.signed(readChf())).replace(/8\.2<\/sr:ServiceReferenceVariant>/, '4.1.1</sr:ServiceReferenceVariant>');
    const answer = await h.dsp.receive('D', xml);
    expect(answer.status).to.equal(400);
    expect(answer.reason).to.match(/4\.1\.1/);
  });

  it('journals every refusal with its reason, and an accepted request in and its response out', async () => {
    const h = await harness();
    await h.dsp.receive('D', 'not xml');
    const ok = await h.send('D', readChf(5));
    expect(ok.status).to.equal(200);
    const kinds = h.journal.entries().map((e) => `${e.kind} ${e.from}->${e.to}`);
    expect(kinds).to.deep.equal([
      'refusal unknown->DSP',
      `request ${AURORA}->DSP`,
      `response DSP->${AURORA}`,
    ]);
    expect(h.journal.entries()[0]!.summary).to.match(/^HTTP 400: /);
    expect(h.journal.entries()[2]).to.include({ responseCode: 'I0', requestId: `${AURORA}:${ACB}:5`, srv: '8.2' });
  });
});

describe('Dsp: a readable, authenticated request is always answered with a signed DUIS response', () => {
  it('answers a body that does not conform to DUIS with a signed E12 naming the problem', async () => {
    const h = await harness();
    const before = h.observable();
    const answer = await h.send('D', { ...readChf(), serviceReference: '8.3' });
    expect(answer).to.include({ status: 200, contentType: 'application/xml', responseCode: 'E12' });
    expect(answer.reason).to.match(/request-format: .*ServiceReference/);
    const response = await checkDspXml(h.estate, answer.body);
    expect(response.header.responseCode).to.equal('E12');
    expect(response.header.requestId?.toString()).to.equal(`${AURORA}:${ACB}:1`);
    expect(h.observable()).to.deep.equal(before);
  });
});
