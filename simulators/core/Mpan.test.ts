import { describe, it } from 'node:test';
import { expect } from 'chai';
import { DISTRIBUTORS, distributorFor } from './distributors.ts';
import { InvalidInputError } from './errors.ts';
import { Mpan } from './Mpan.ts';

/** DCC's RTDS templates use this MPAN; its check digit should be 0, not 3. */
const RTDS_MPAN = '1312345678333';

describe('Mpan', () => {
  it('computes the check digit as (Σ dᵢ·pᵢ) mod 11 mod 10', () => {
    // 1·3 = 3 → 3
    expect(Mpan.computeCheckDigit('100000000000')).to.equal(3);
    // 1·3 + 8·5 = 43 ≡ 10 (mod 11) → 0 after mod 10
    expect(Mpan.computeCheckDigit('180000000000')).to.equal(0);
    // 1·3+3·5+1·7+2·13+3·17+4·19+5·23+6·29+7·31+8·37+3·41+3·43 = 1232 = 11·112 → 0
    expect(Mpan.computeCheckDigit('131234567833')).to.equal(0);
  });

  it('builds valid MPANs with withCheckDigit', () => {
    const mpan = Mpan.withCheckDigit('200001234567');
    expect(mpan.value).to.have.length(13);
    expect(Mpan.parse(mpan.value).equals(mpan)).to.equal(true);
    expect(mpan.hasValidCheckDigit).to.equal(true);
    expect(Mpan.withCheckDigit('131234567833').toString()).to.equal('1312345678330');
  });

  it('exposes the distributor ID and check digit', () => {
    const mpan = Mpan.parse('1800000000000');
    expect(mpan.distributorId).to.equal(18);
    expect(mpan.checkDigit).to.equal(0);
    expect(distributorFor(mpan.distributorId)?.area).to.equal('South Scotland');
  });

  it('refuses the RTDS MPAN with validation on, saying which check digit was expected', () => {
    expect(() => Mpan.parse(RTDS_MPAN)).to.throw(
      InvalidInputError,
      /^MPAN: expected an MPAN core whose last digit is the check digit 0 .*got "1312345678333"$/,
    );
  });

  it('accepts the RTDS MPAN with validation off', () => {
    const mpan = Mpan.parse(RTDS_MPAN, { validateCheckDigit: false });
    expect(mpan.value).to.equal(RTDS_MPAN);
    expect(mpan.distributorId).to.equal(13);
    expect(mpan.checkDigit).to.equal(3);
    expect(mpan.hasValidCheckDigit).to.equal(false);
  });

  it('trims whitespace and compares by value', () => {
    expect(Mpan.parse(' 1800000000000 ').equals(Mpan.parse('1800000000000'))).to.equal(true);
    expect(JSON.stringify(Mpan.parse('1800000000000'))).to.equal('"1800000000000"');
  });

  for (const bad of [
    '',
    '180000000000',
    '18000000000000',
    '18000000000O0',
    '18 0000000000 0',
    1800000000000,
  ]) {
    it(`refuses ${JSON.stringify(bad)} naming the field and the 13-digit form`, () => {
      expect(() => Mpan.parse(bad, {}, 'ImportMPxN')).to.throw(
        InvalidInputError,
        /^ImportMPxN: expected an MPAN core of 13 digits, got/,
      );
    });
  }

  for (const bad of ['18000000000', '1800000000000', 'abcdefghijkl']) {
    it(`computeCheckDigit refuses ${JSON.stringify(bad)} naming the 12-digit form`, () => {
      expect(() => Mpan.computeCheckDigit(bad)).to.throw(
        InvalidInputError,
        /^MPAN: expected the first 12 digits of an MPAN core/,
      );
      expect(() => Mpan.withCheckDigit(bad)).to.throw(InvalidInputError, /first 12 digits/);
    });
  }
});

describe('distributors', () => {
  it('lists the fourteen DNO areas 10–23 as verified', () => {
    const dnos = DISTRIBUTORS.filter((d) => d.kind === 'DNO');
    expect(dnos.map((d) => d.id)).to.deep.equal([10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23]);
    expect(dnos.every((d) => !d.assumed && d.area !== null)).to.equal(true);
  });

  it('names areas and operator groups as domain.md does', () => {
    expect(distributorFor(10)).to.include({ area: 'Eastern', operator: 'UKPN' });
    expect(distributorFor(13)).to.include({ area: 'Merseyside & N Wales', operator: 'SPEN' });
    expect(distributorFor(16)).to.include({ area: 'North West', operator: 'ENWL' });
    expect(distributorFor(17)).to.include({ area: 'North Scotland', operator: 'SSEN' });
    expect(distributorFor(22)).to.include({ area: 'South West', operator: 'NGED' });
    expect(distributorFor(23)).to.include({ area: 'Yorkshire', operator: 'NPg' });
  });

  it('marks the IDNOs as assumed', () => {
    const idnos = DISTRIBUTORS.filter((d) => d.kind === 'IDNO');
    expect(idnos.map((d) => [d.id, d.operator])).to.deep.equal([
      [24, 'IPNL'],
      [25, 'ESP'],
      [26, 'Energetics'],
      [27, 'GTC'],
      [29, 'Harlaxton'],
    ]);
    expect(idnos.every((d) => d.assumed && d.area === null)).to.equal(true);
  });

  it('returns undefined for an unknown ID and has no duplicates', () => {
    expect(distributorFor(28)).to.equal(undefined);
    expect(distributorFor(9)).to.equal(undefined);
    expect(new Set(DISTRIBUTORS.map((d) => d.id)).size).to.equal(DISTRIBUTORS.length);
  });
});
