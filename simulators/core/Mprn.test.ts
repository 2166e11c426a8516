import { describe, it } from 'node:test';
import { expect } from 'chai';
import { InvalidInputError } from './errors.ts';
import { Mprn } from './Mprn.ts';

describe('Mprn', () => {
  for (const good of ['123456', '1234567', '0123456789', '7431924806']) {
    it(`accepts ${good}`, () => {
      expect(Mprn.parse(good).value).to.equal(good);
    });
  }

  it('trims whitespace, keeps leading zeros and compares by value', () => {
    const mprn = Mprn.parse(' 0012345678\n');
    expect(mprn.toString()).to.equal('0012345678');
    expect(mprn.equals(Mprn.parse('0012345678'))).to.equal(true);
    expect(mprn.equals(Mprn.parse('12345678'))).to.equal(false);
    expect(JSON.stringify(mprn)).to.equal('"0012345678"');
  });

  for (const bad of ['', '12345', '12345678901', '12345A7', '123 4567', '-123456', 1234567]) {
    it(`refuses ${JSON.stringify(bad)} naming the field and 6 to 10 digits`, () => {
      expect(() => Mprn.parse(bad)).to.throw(
        InvalidInputError,
        /^MPRN: expected a gas MPRN of 6 to 10 digits, got/,
      );
    });
  }

  it('uses the given field name', () => {
    expect(() => Mprn.parse('x', 'ImportMPxN')).to.throw(InvalidInputError, /^ImportMPxN: expected/);
  });
});
