import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import { InvalidInputError } from '../core/errors.ts';
import { RequestId } from '../core/RequestId.ts';
import { Srv } from '../core/Srv.ts';
import { buildDuisResponse, buildLazyDuisResponse } from './buildDuisResponse.ts';
import { InProcessSigning } from './InProcessSigning.ts';
import { LazyXml, textOf } from './LazyXml.ts';
import { acknowledgement, errorResponse } from './responses.ts';

const AURORA = Eui.parse('90-B3-D5-1F-40-01-01-00');
const requestId = RequestId.of(AURORA, Eui.parse('00-DB-12-34-56-78-90-A0'), 7n);
const ack = acknowledgement({ requestId, srv: Srv.parse('6.15.1'), responseDateTime: new Date('2026-11-21T02:00:00Z') });

describe('LazyXml', () => {
  it('writes its text once, on the first read, and gives the same string after', () => {
    let writes = 0;
    const doc = new LazyXml(() => `<x n="${++writes}"/>`);
    expect(writes).to.equal(0);
    const first = doc.text;
    expect(doc.text).to.equal(first);
    expect(textOf(doc)).to.equal(first);
    expect(String(doc)).to.equal(first);
    expect(writes).to.equal(1);
    expect(textOf('<y/>')).to.equal('<y/>');
  });
});

describe('buildLazyDuisResponse', () => {
  it('writes, when read, exactly what buildDuisResponse writes', () => {
    expect(buildLazyDuisResponse(ack).text).to.equal(buildDuisResponse(ack));
  });

  it('refuses a response code at once, as buildDuisResponse does', () => {
    const bad = errorResponse({ requestId, srv: Srv.parse('6.15.1'), responseCode: 'X1' as 'E12', responseDateTime: new Date() });
    expect(() => buildLazyDuisResponse(bad)).to.throw(InvalidInputError, /ResponseCode/);
    const outside = errorResponse({ requestId, srv: Srv.parse('6.15.1'), responseCode: 'E9999' as 'E12', responseDateTime: new Date() });
    expect(() => buildLazyDuisResponse(outside)).to.throw(InvalidInputError, /schema lists/);
    expect(buildLazyDuisResponse(outside, { allowCodesOutsideSchema: true }).text).to.contain('E9999');
  });

  it('is signed in process without being written, and its signature holds for the text it writes', () => {
    const signing = new InProcessSigning();
    let writes = 0;
    const doc = new LazyXml(() => (writes++, buildDuisResponse(ack)));
    const signature = signing.sign(AURORA, doc, 'the value');
    expect(signing.reading(AURORA, doc, signature)).to.equal('the value');
    expect(writes).to.equal(0);
    expect(signing.verify(AURORA, buildDuisResponse(ack), signature)).to.equal(true);
    expect(signing.verify(AURORA, buildDuisResponse(ack).replace('I99', 'I0'), signature)).to.equal(false);
    expect(signing.verify(AURORA, new LazyXml(() => buildDuisResponse(ack)), signature)).to.equal(true);
    expect(writes).to.equal(1);
  });
});
