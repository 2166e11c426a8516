import { describe, it } from 'node:test';
import { expect } from 'chai';
import { HarnessError } from '../core/errors.ts';
import { parseXmlStrict } from './parseXmlStrict.ts';
import { noRtds, rtdsRequests } from './testFixtures.ts';
import { XmlRefusedError } from './XmlRefusedError.ts';

function refusal(xml: string): XmlRefusedError {
  try {
    parseXmlStrict(xml);
  } catch (e) {
    expect(e).to.be.instanceOf(XmlRefusedError);
    return e as XmlRefusedError;
  }
  expect.fail(`accepted ${JSON.stringify(xml)}`);
}

describe('parseXmlStrict', () => {
  it('parses a document with an XML declaration, comments and namespaces', () => {
    const doc = parseXmlStrict(
      '<?xml version="1.0" encoding="UTF-8"?>\n<!-- hi --><sr:Request xmlns:sr="urn:x" a="1"><sr:B>t &amp; &#x41;</sr:B></sr:Request>\n',
    );
    expect(doc.documentElement.localName).to.equal('Request');
    expect(doc.documentElement.namespaceURI).to.equal('urn:x');
    expect(doc.documentElement.textContent).to.equal('t & A');
  });

  it('accepts a leading byte order mark', () => {
    expect(parseXmlStrict('\uFEFF<a/>').documentElement.tagName).to.equal('a');
  });

  it('parses every RTDS request', { skip: noRtds }, () => {
    for (const { name, xml } of rtdsRequests()) {
      expect(parseXmlStrict(xml).documentElement.localName, name).to.equal('Request');
    }
  });

  it('refuses a DOCTYPE (e.g. an external entity for XXE) with E12, before parsing', () => {
    const e = refusal(
      '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><r>&xxe;</r>',
    );
    expect(e).to.be.instanceOf(HarnessError);
    expect(e.responseCode).to.equal('E12');
    expect(e.refusal).to.equal('doctype');
    expect(e.message).to.match(/XML refused \(doctype\): a DOCTYPE declaration at line 1, column 22/);
  });

  it('refuses an ENTITY declaration even without a DOCTYPE keyword in the same case', () => {
    expect(refusal('<r><!ENTITY lol "lol"></r>').refusal).to.equal('entity-declaration');
    expect(refusal('<!doctype r><r/>').refusal).to.equal('doctype');
  });

  it('refuses processing instructions other than the XML declaration', () => {
    expect(refusal('<?xml version="1.0"?><?xml-stylesheet href="x"?><r/>').refusal).to.equal(
      'processing-instruction',
    );
    expect(refusal('<r><?php echo 1; ?></r>').message).to.match(/<\?php …\?>; only the XML declaration/);
    expect(refusal('<r/><?pi?>').refusal).to.equal('processing-instruction');
  });

  it('refuses an XML declaration that is not at the very start', () => {
    expect(refusal(' <?xml version="1.0"?><r/>').refusal).to.equal('not-well-formed');
  });

  for (const [what, xml, message] of [
    [
      'an unclosed element',
      '<a><b></a>',
      /an element is not closed, or closed by the wrong end tag \(line 1, column 4\)/,
    ],
    ['a missing end tag', '<a>', /an element is not closed/],
    ['two root elements', '<a/><b/>', /more than one root element \(line 1, column 5\)/],
    ['text after the root', '<a/>junk', /text outside the root element: "junk"/],
    ['text only', 'hello', /text outside the root element/],
    ['an empty string', '', /an empty document/],
    ['an undefined entity', '<a>&nbsp;</a>', /entity not found:&nbsp; \(line 1, column \d+\)/],
    ['a duplicate attribute', '<a b="1" b="2"/>', /Attribute b redefined/],
    ['an unquoted attribute', '<a b=1/>', /attribute "1" missed quot/],
  ] as const) {
    it(`refuses ${what} as not well-formed, saying what and where`, () => {
      const e = refusal(xml);
      expect(e.refusal).to.equal('not-well-formed');
      expect(e.message).to.match(message);
    });
  }

  it('refuses element and attribute prefixes that no declaration binds', () => {
    expect(refusal('<x:a/>').refusal).to.equal('undeclared-prefix');
    expect(refusal('<a><b y:c="1"/></a>').message).to.match(/attribute y:c of <b> uses an undeclared prefix/);
  });

  it('refuses namespace names that xml-crypto would canonicalise wrongly', () => {
    expect(refusal('<a xmlns:x="urn:a&amp;b"/>').refusal).to.equal('unsupported-namespace-name');
    expect(refusal('<a xmlns="urn:&quot;"/>').refusal).to.equal('unsupported-namespace-name');
  });

  it('refuses a value that is not a string', () => {
    expect(refusal(42 as unknown as string).message).to.match(/got a value of type number/);
  });
});
