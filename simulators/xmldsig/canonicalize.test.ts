import { describe, it } from 'node:test';
import { expect } from 'chai';
import { C14nCanonicalization, ExclusiveCanonicalization } from 'xml-crypto';
import { C14N, EXC_C14N } from './algorithms.ts';
import { canonicalize } from './canonicalize.ts';
import { parseXmlStrict } from './parseXmlStrict.ts';
import { noRtds, rtdsRequests } from './testFixtures.ts';

const root = (xml: string) => parseXmlStrict(xml).documentElement;

describe('canonicalize', () => {
  it("gives xml-crypto's own result for every RTDS request, in both C14N forms", { skip: noRtds }, () => {
    for (const { name, xml } of rtdsRequests()) {
      expect(canonicalize(root(xml), C14N), name).to.equal(new C14nCanonicalization().process(root(xml), {}));
      expect(canonicalize(root(xml), EXC_C14N), name).to.equal(
        new ExclusiveCanonicalization().process(root(xml), {}),
      );
    }
  });

  it('sorts namespace declarations by code point, as C14N and Java do (not by locale)', () => {
    const el = root(
      '<r xmlns:b="urn:b" xmlns:B="urn:B" xmlns:a_1="urn:a1" xmlns:a-1="urn:a2" xmlns="urn:d"/>',
    );
    expect(canonicalize(el, C14N)).to.equal(
      '<r xmlns="urn:d" xmlns:B="urn:B" xmlns:a-1="urn:a2" xmlns:a_1="urn:a1" xmlns:b="urn:b"></r>',
    );
    // xml-crypto as shipped sorts with localeCompare and gets this wrong:
    expect(new C14nCanonicalization().process(el, {})).to.not.equal(canonicalize(el, C14N));
  });

  it('sorts attributes by namespace URI, then local name', () => {
    const el = root('<r xmlns:p="urn:a" xmlns:q="urn:ab" q:c="3" p:zz="2" b="1" a="0"/>');
    expect(canonicalize(el, C14N)).to.equal(
      '<r xmlns:p="urn:a" xmlns:q="urn:ab" a="0" b="1" p:zz="2" q:c="3"></r>',
    );
  });

  it('renders only visibly used namespaces in exclusive C14N', () => {
    const el = root('<r xmlns:u="urn:unused" xmlns:s="urn:s"><s:x/></r>');
    expect(canonicalize(el, EXC_C14N)).to.equal('<r><s:x xmlns:s="urn:s"></s:x></r>');
    expect(canonicalize(el, C14N)).to.equal('<r xmlns:s="urn:s" xmlns:u="urn:unused"><s:x></s:x></r>');
  });

  it('escapes text and attributes and drops comments', () => {
    const el = root('<r a="&quot;&#9;&#10;&#13;&lt;&amp;>">x&#13;&lt;&gt;&amp;<!-- c --><![CDATA[<y>]]></r>');
    expect(canonicalize(el, C14N)).to.equal(
      '<r a="&quot;&#x9;&#xA;&#xD;&lt;&amp;>">x&#xD;&lt;&gt;&amp;&lt;y&gt;</r>',
    );
  });
});
