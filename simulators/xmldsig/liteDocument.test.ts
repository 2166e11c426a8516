/** The lite DOM against xmldom's: the same tree for every property the DUIS readers use, and the same DUIS parse. */
import { describe, it } from 'node:test';
import { DOMParser } from '@xmldom/xmldom';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import { RequestId } from '../core/RequestId.ts';
import { Srv } from '../core/Srv.ts';
import { buildDuisRequest, buildDuisResponse, type ParsedServiceRequest, parseDuisRequest, parseDuisResponse, preCommandResponse } from '../duis/index.ts';
import { parseLiteDocument } from './liteDocument.ts';
import { parseXmlStrict } from './parseXmlStrict.ts';
import { generate, random } from './plainFormSamples.ts';
import { rtdsRequests } from './testFixtures.ts';

/** What liteDocument promises to answer, one line per node (no positions: the lite DOM has none). */
function describeTree(node: Node, out: string[] = [], depth = 0): string[] {
  const n = node as unknown as Record<string, unknown>;
  const props = ['nodeType', 'nodeName', 'nodeValue', 'namespaceURI', 'prefix', 'localName', 'tagName', 'data', 'target'];
  const text = node.nodeType === 1 ? (node as Element).textContent : undefined;
  out.push(`${' '.repeat(depth)}${JSON.stringify([...props.map((p) => n[p]), text])}`);
  const attributes = (node as Element).attributes;
  if (attributes) {
    for (let i = 0; i < attributes.length; i++) {
      const a = attributes.item(i) as unknown as Record<string, unknown>;
      out.push(`${' '.repeat(depth)}@${JSON.stringify(['nodeType', 'prefix', 'localName', 'namespaceURI', 'name', 'value'].map((p) => a[p]))}`);
      const name = String(a.name);
      out.push(`${' '.repeat(depth)}get ${name}=${JSON.stringify((node as Element).getAttribute(name))}`);
    }
    out.push(`${' '.repeat(depth)}get missing=${JSON.stringify((node as Element).getAttribute('notThere'))}`);
  }
  for (let c = node.firstChild; c !== null; c = c.nextSibling) {
    expect(c.parentNode, 'parentNode').to.equal(node);
    describeTree(c, out, depth + 1);
  }
  return out;
}

function xmldom(text: string): Document {
  const fail = (message: string) => {
    throw new Error(message);
  };
  return new DOMParser({ locator: {}, errorHandler: { warning: fail, error: fail, fatalError: fail } }).parseFromString(text, 'application/xml');
}

describe('parseLiteDocument', () => {
  it("answers as xmldom's Document on generated documents wherever it reads them, and declines the rest", () => {
    const rand = random(20261121);
    let answered = 0;
    const total = 3000;
    for (let i = 0; i < total; i++) {
      const text = generate(rand, { childNamespaces: true });
      const lite = parseLiteDocument(text);
      if (lite === undefined) continue;
      answered++;
      expect(describeTree(lite).join('\n'), JSON.stringify(text)).to.equal(describeTree(xmldom(text)).join('\n'));
      expect(lite.documentElement?.localName).to.equal(xmldom(text).documentElement?.localName);
    }
    expect(answered).to.be.greaterThan(total / 10);
    expect(answered).to.be.lessThan(total);
  });

  it('gives parseDuisRequest and parseDuisResponse what xmldom gives them, for every RTDS request written by the harness', { skip: rtdsRequests().length === 0 && 'RTDS requests not found (../shared absent)' }, () => {
    const content = ({ element: _e, signatureElement: _s, ...rest }: ParsedServiceRequest) => rest;
    let read = 0;
    for (const { name, xml } of rtdsRequests()) {
      // The RTDS files are DCC's layout; written again by the harness they are in the plain form.
      const parsed = parseDuisRequest(xmldom(xml));
      const plain = buildDuisRequest({ schemaVersion: parsed.schemaVersion, header: parsed.header, body: parsed.body });
      const lite = parseLiteDocument(plain);
      expect(lite, `${name} written by the harness is plain`).to.not.equal(undefined);
      expect(content(parseDuisRequest(lite!)), name).to.deep.equal(content(parseDuisRequest(xmldom(plain))));
      read++;
    }
    expect(read).to.be.greaterThan(10);
    const response = buildDuisResponse(
      preCommandResponse({
        requestId: RequestId.of(Eui.parse('90-B3-D5-1F-30-01-00-00'), Eui.parse('00-DB-12-34-56-78-90-A0'), 1n),
        srv: Srv.parse('6.15.1'),
        gbcsVersion: '4.0',
        gbcsPayload: Buffer.from('df09', 'hex'),
        responseDateTime: new Date('2026-01-01T00:00:00Z'),
      }),
    );
    const { element: _a, ...fromLite } = parseDuisResponse(parseXmlStrict(response, { dom: 'lite' })) as unknown as Record<string, unknown>;
    const { element: _b, ...fromXmldom } = parseDuisResponse(xmldom(response)) as unknown as Record<string, unknown>;
    expect(fromLite).to.deep.equal(fromXmldom);
  });

  it('keeps parseXmlStrict’s refusals: a DOCTYPE, or a namespace name it refuses, whichever DOM is asked for', () => {
    for (const dom of ['lite', 'xmldom'] as const) {
      expect(() => parseXmlStrict('<!DOCTYPE x><a/>', { dom })).to.throw(/DOCTYPE/);
      expect(() => parseXmlStrict('<p:a xmlns:p="urn:a b"/>', { dom })).to.throw(/namespace names with whitespace/);
    }
  });
});
