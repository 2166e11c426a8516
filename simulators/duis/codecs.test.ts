import { describe, it } from 'node:test';
import { expect } from 'chai';
import { InvalidInputError } from '../core/errors.ts';
import { base64Codec, hexCodec, textCodec } from './codecs.ts';

describe('textCodec counts characters as the schema does (code points)', () => {
  const codec = textCodec({ min: 2, max: 3 });
  const cases: [string, boolean][] = [
    ['a', false],
    ['ab', true],
    ['abc', true],
    ['abcd', false],
    ['😀', false], // one character, two UTF-16 units
    ['😀😀', true], // two characters, four units
    ['😀😀😀', true], // three characters, six units
    ['😀a😀a', false], // four characters, six units
    ['a😀', true],
  ];
  for (const [text, fits] of cases) {
    it(`${JSON.stringify(text)} ${fits ? 'fits' : 'does not fit'} 2 to 3 characters`, () => {
      if (fits) expect(codec.format(text, 'p')).to.equal(text);
      else expect(() => codec.format(text, 'p')).to.throw(InvalidInputError, /text of 2 to 3 characters/);
    });
  }

  it('takes any length without bounds', () => {
    expect(textCodec().parse('😀'.repeat(1000), 'p')).to.have.length(2000);
    expect(textCodec().parse('', 'p')).to.equal('');
  });

  it('counts a lone surrogate as one character, as iteration does', () => {
    expect(textCodec({ min: 1, max: 1 }).format('\uD83D', 'p')).to.equal('\uD83D');
  });
});

describe('base64Codec and hexCodec', () => {
  it('writes a Uint8Array that is not a Buffer without copying it first, as the same base64', () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 251, 252]).subarray(1, 5);
    expect(base64Codec().format(bytes as Buffer, 'p')).to.equal(Buffer.from([1, 2, 250, 251]).toString('base64'));
  });

  it('gives one hex codec per length, each checking its own length', () => {
    expect(hexCodec(2)).to.equal(hexCodec(2));
    expect(hexCodec(2)).to.not.equal(hexCodec(3));
    expect(hexCodec(2).parse('8f70', 'p')).to.equal('8F70');
    expect(() => hexCodec(3).parse('8f70', 'p')).to.throw(InvalidInputError, /6 hex digits/);
    expect(hexCodec().parse('', 'p')).to.equal('');
  });
});
