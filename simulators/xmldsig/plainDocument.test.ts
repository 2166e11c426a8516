import { describe, it } from 'node:test';
import { DOMParser } from '@xmldom/xmldom';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import { RequestId } from '../core/RequestId.ts';
import { Srv } from '../core/Srv.ts';
import { buildDuisResponse, preCommandResponse } from '../duis/index.ts';
import { parsePlainDocument } from './plainDocument.ts';
import { generate, random } from './plainFormSamples.ts';
import { signDuis } from './signDuis.ts';
import { credential, DSP_XML, noKeystore, rtdsRequests } from './testFixtures.ts';

/** Everything a DOM consumer can read of a node and its subtree, positions included, one line per node. */
function describeTree(node: Node, out: string[] = [], depth = 0): string[] {
  const n = node as unknown as Record<string, unknown>;
  const props = ['nodeType', 'nodeName', 'nodeValue', 'namespaceURI', 'prefix', 'localName', 'lineNumber', 'columnNumber', 'data', 'target'];
  out.push(`${' '.repeat(depth)}${JSON.stringify(props.map((p) => n[p]))}`);
  const attributes = (node as Element).attributes;
  if (attributes) {
    for (let i = 0; i < attributes.length; i++) {
      const a = attributes.item(i) as unknown as Record<string, unknown>;
      out.push(`${' '.repeat(depth)}@${JSON.stringify([...props, 'name', 'value'].map((p) => a[p]))}`);
    }
  }
  for (let c = node.firstChild; c !== null; c = c.nextSibling) describeTree(c, out, depth + 1);
  return out;
}

/** xmldom as parseXmlStrict has always called it, any error or warning thrown. */
function xmldom(text: string): Document {
  const fail = (message: string) => {
    throw new Error(message);
  };
  return new DOMParser({ locator: {}, errorHandler: { warning: fail, error: fail, fatalError: fail } }).parseFromString(
    text,
    'application/xml',
  );
}

/** Builds xmldom's own Document wherever it answers; returns whether it answered. */
function agrees(text: string): boolean {
  const plain = parsePlainDocument(text, {});
  if (plain === undefined) return false;
  let reference: Document;
  try {
    reference = xmldom(text);
  } catch (error) {
    throw new Error(`parsePlainDocument read what xmldom refuses (${String(error)}): ${JSON.stringify(text)}`, { cause: error });
  }
  expect(describeTree(plain).join('\n'), JSON.stringify(text)).to.equal(describeTree(reference).join('\n'));
  return true;
}

describe('parsePlainDocument', () => {
  it("builds xmldom's Document on generated documents wherever it answers, positions included", () => {
    const rand = random(20260102);
    let answered = 0;
    const total = 4000;
    for (let i = 0; i < total; i++) if (agrees(generate(rand, { childNamespaces: true }))) answered++;
    expect(answered).to.be.greaterThan(total / 10);
  });

  it('reads a signed DUIS document (its ds:Signature declares ds: itself), also pretty-printed', { skip: noKeystore }, () => {
    const input = preCommandResponse({
      requestId: RequestId.of(Eui.parse('90-B3-D5-1F-30-01-00-00'), Eui.parse('00-DB-12-34-56-78-90-A0'), 1n),
      srv: Srv.parse('6.15.1'),
      gbcsVersion: '4.0',
      gbcsPayload: Buffer.from('df09', 'hex'),
      responseDateTime: new Date('2026-01-01T00:00:00Z'),
    });
    const signed = signDuis(buildDuisResponse(input), credential(DSP_XML));
    expect(agrees(signed)).to.equal(true);
    expect(agrees(signed.replace(/></g, '>\n  <'))).to.equal(true);
    // The SignatureValue's line break is written &#13; + LF: text with a reference and a raw LF.
    expect(signed).to.include('&#13;\n');
  });

  it('leaves RTDS requests (comments, placeholder signatures) to xmldom, or agrees with it', () => {
    for (const { xml } of rtdsRequests()) agrees(xml);
  });

  it('leaves to xmldom what is outside the plain form', () => {
    const outside = [
      '<r/>',
      '<a:r xmlns:a="urn:a"><!-- c --></a:r>',
      '<a:r xmlns:a="urn:a"><![CDATA[x]]></a:r>',
      '<a:r xmlns:a="urn:a"><?pi x?></a:r>',
      '\ufeff<a:r xmlns:a="urn:a"/>',
      '<a:r xmlns:a="urn:a">x\ry</a:r>',
      '<a:r xmlns:a="urn:a">x\u2029y</a:r>',
      '<a:r xmlns="urn:d" xmlns:a="urn:a"/>',
      '<a:r xmlns:a="http://www.w3.org/1999/xhtml"/>',
      '<a:r xmlns:a="urn:a" a:b="1"/>',
      '<a:r xmlns:a="urn:a" b="x\ty"/>',
      '<a:r xmlns:a="urn:a"><b:x/></a:r>',
      '<a:r xmlns:a="urn:a" >x</a:r>',
      '<a:r xmlns:a="urn:a"/><a:r/>',
      '<a:r xmlns:a="urn:a"/>x',
      '<a:r xmlns:a="urn:a">&nbsp;</a:r>',
    ];
    for (const text of outside) expect(parsePlainDocument(text, {}), text).to.equal(undefined);
  });
});
