import { describe, it } from 'node:test';
import { expect } from 'chai';
import { C14N } from './algorithms.ts';
import { canonicalize } from './canonicalize.ts';
import { hasElementContentWhitespace, stripElementContentWhitespace } from './elementContentWhitespace.ts';
import { parseXmlStrict } from './parseXmlStrict.ts';

describe('stripElementContentWhitespace', () => {
  it('removes indentation between elements and keeps the text of simple-typed elements', () => {
    const root = parseXmlStrict('<a>\n  <b> </b>\n  <c>\tx </c><d/>\r\n  <!-- c -->\n</a>').documentElement;
    expect(hasElementContentWhitespace(root)).to.equal(true);
    expect(stripElementContentWhitespace(root)).to.equal(4);
    expect(canonicalize(root, C14N)).to.equal('<a><b> </b><c>\tx </c><d></d></a>');
    expect(hasElementContentWhitespace(root)).to.equal(false);
  });

  it('leaves text beside elements alone when it is more than whitespace', () => {
    const root = parseXmlStrict('<a>x <b/> </a>').documentElement;
    expect(stripElementContentWhitespace(root)).to.equal(1);
    expect(canonicalize(root, C14N)).to.equal('<a>x <b></b></a>');
  });
});
