import { describe, it } from 'node:test';
import { expect } from 'chai';
import { InvalidInputError } from '../core/errors.ts';
import { Mpan } from '../core/Mpan.ts';
import { Mprn } from '../core/Mprn.ts';
import { checkDate, formatDate, parseEffectiveDate } from './dates.ts';
import { describeMpxn, fuelOf, parseFuel, parseMpxn } from './mpxn.ts';

describe('parseMpxn', () => {
  it('tells an MPAN from an MPRN by length', () => {
    const mpan = parseMpxn(' 1200000000011 ');
    expect(mpan).to.be.instanceOf(Mpan);
    expect(fuelOf(mpan)).to.equal('electricity');
    expect(describeMpxn(mpan)).to.equal('MPAN 1200000000011');
    const mprn = parseMpxn('0012345');
    expect(mprn).to.be.instanceOf(Mprn);
    expect(fuelOf(mprn)).to.equal('gas');
    expect(describeMpxn(mprn)).to.equal('MPRN 0012345');
  });

  it('passes the check-digit switch on to Mpan', () => {
    expect(() => parseMpxn('1312345678333')).to.throw(InvalidInputError, /check digit 0/);
    expect(parseMpxn('1312345678333', { validateCheckDigit: false }).value).to.equal('1312345678333');
  });

  for (const bad of ['12345', '12345678901', '12000000000110', 'abc', '', 1200000000011, null]) {
    it(`refuses ${JSON.stringify(bad)}`, () => {
      expect(() => parseMpxn(bad, {}, 'mpxn')).to.throw(
        InvalidInputError,
        /^mpxn: expected an MPAN core of 13 digits or a gas MPRN/,
      );
    });
  }

  it('parses fuels in any case', () => {
    expect(parseFuel(' Gas ')).to.equal('gas');
    expect(() => parseFuel('water')).to.throw(InvalidInputError, /^fuel: expected one of electricity, gas/);
  });
});

describe('effective dates', () => {
  it('reads a date as midnight UTC and a date-time with its zone', () => {
    expect(parseEffectiveDate('2026-01-01', 'f').toISOString()).to.equal('2026-01-01T00:00:00.000Z');
    expect(parseEffectiveDate('2026-06-01T01:30+01:00', 'f').toISOString()).to.equal(
      '2026-06-01T00:30:00.000Z',
    );
    expect(parseEffectiveDate('2024-02-29T00:00:00.5Z', 'f').toISOString()).to.equal(
      '2024-02-29T00:00:00.500Z',
    );
  });

  for (const bad of [
    '2026-1-1',
    '2026-02-30',
    '2025-02-29T00:00Z',
    '2026-01-01T10:00',
    '01/02/2026',
    'tomorrow',
    '',
    20260101,
  ]) {
    it(`refuses ${JSON.stringify(bad)}`, () => {
      expect(() => parseEffectiveDate(bad, 'effectiveFrom')).to.throw(
        InvalidInputError,
        /^effectiveFrom: expected a date as YYYY-MM-DD/,
      );
    });
  }

  it('formats midnight UTC as a date, other instants in full', () => {
    expect(formatDate(new Date('2026-01-01T00:00:00Z'))).to.equal('2026-01-01');
    expect(formatDate(new Date('2026-01-01T06:30:00Z'))).to.equal('2026-01-01T06:30:00Z');
    expect(formatDate(new Date('2026-01-01T06:30:00.250Z'))).to.equal('2026-01-01T06:30:00.250Z');
  });

  it('checkDate refuses non-dates and invalid dates', () => {
    expect(() => checkDate('2026-01-01', 'at')).to.throw(InvalidInputError, /^at: expected a valid Date/);
    expect(() => checkDate(new Date(Number.NaN), 'at')).to.throw(InvalidInputError, /invalid Date/);
  });
});
