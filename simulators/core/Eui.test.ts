import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from './Eui.ts';
import { InvalidInputError } from './errors.ts';

describe('Eui', () => {
  it('parses dashed, compact, colon-separated and lower-case forms to the same value', () => {
    const forms = [
      '90-B3-D5-1F-30-01-00-00',
      '90B3D51F30010000',
      '90b3d51f30010000',
      '90:b3:d5:1f:30:01:00:00',
    ];
    for (const form of forms) expect(Eui.parse(form).hex).to.equal('90B3D51F30010000');
  });

  it('formats with dashes and round-trips through bytes and bigint', () => {
    const eui = Eui.parse('00db1234567890a0');
    expect(eui.toString()).to.equal('00-DB-12-34-56-78-90-A0');
    expect(Eui.fromBytes(eui.toBytes()).equals(eui)).to.equal(true);
    expect(Eui.fromBigInt(eui.toBigInt()).equals(eui)).to.equal(true);
  });

  for (const bad of [
    '',
    '90-B3-D5',
    '90B3D51F3001000G',
    '90B3D51F300100001',
    '90-B3D5-1F-30-01-00-00',
    '90-B3:D5-1F-30-01-00-00',
  ]) {
    it(`refuses ${JSON.stringify(bad)} naming the field and the expected form`, () => {
      expect(() => Eui.parse(bad, 'DeviceID')).to.throw(
        InvalidInputError,
        /^DeviceID: expected an EUI-64 as 16 hex digits/,
      );
    });
  }

  it('gives the same value for a text parsed again, and refuses a bad text every time, naming the field asked', () => {
    const first = Eui.parse('00-DB-12-34-56-78-90-A0');
    expect(Eui.parse('00-DB-12-34-56-78-90-A0').equals(first)).to.equal(true);
    expect(Eui.parse('00-DB-12-34-56-78-90-A0').toString()).to.equal('00-DB-12-34-56-78-90-A0');
    for (const field of ['DeviceID', 'BusinessOriginatorID']) {
      expect(() => Eui.parse('00-DB-12', field)).to.throw(InvalidInputError, new RegExp(`^${field}: expected`));
    }
  });

  it('reads the 8 bytes of a view into a larger buffer', () => {
    const bytes = Buffer.from('FFFF00DB1234567890A0FF', 'hex');
    expect(Eui.fromBytes(bytes.subarray(2, 10)).hex).to.equal('00DB1234567890A0');
  });

  it('refuses a non-string', () => {
    expect(() => Eui.parse(42)).to.throw(InvalidInputError, /EUI: expected .* got 42/);
  });

  it('refuses a byte array of the wrong length', () => {
    expect(() => Eui.fromBytes(new Uint8Array(7))).to.throw(
      InvalidInputError,
      /expected 8 bytes, got "7 bytes"/,
    );
  });
});
