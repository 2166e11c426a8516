import { describe, it } from 'node:test';
import { expect } from 'chai';
import {
  DerError,
  namedBits,
  objectIdentifier,
  readNamedBits,
  readObjectIdentifier,
  readSingle,
  time,
  tlv,
  unsignedInteger,
} from './der.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex').toUpperCase();

describe('der', () => {
  it('encodes key usage bits as the reference certificates do', () => {
    expect(hex(namedBits([0]))).to.equal('03020780'); // digitalSignature
    expect(hex(namedBits([4]))).to.equal('03020308'); // keyAgreement
    expect(hex(namedBits([5, 6]))).to.equal('03020106'); // keyCertSign, cRLSign
    expect(readNamedBits(readSingle(namedBits([5, 6])))).to.deep.equal([5, 6]);
  });

  it('round-trips the SMKI object identifiers', () => {
    for (const oid of [
      '1.2.826.0.1.8641679.1.2.1.4',
      '1.2.826.0.1.1800000.1.2.1.4',
      '1.3.6.1.5.5.7.8.4',
      '2.5.4.45',
    ]) {
      expect(readObjectIdentifier(readSingle(objectIdentifier(oid)))).to.equal(oid);
    }
    expect(hex(objectIdentifier('1.2.826.0.1.8641679.1.2.1.4'))).to.equal('060D2A863A0001848FB90F01020104');
    // Each call's bytes are the caller's: changing one changes no later encoding.
    objectIdentifier('1.2.826.0.1.8641679.1.2.1.4').fill(0);
    expect(hex(objectIdentifier('1.2.826.0.1.8641679.1.2.1.4'))).to.equal('060D2A863A0001848FB90F01020104');
  });

  it('uses UTCTime up to 2049 and GeneralizedTime from 2050', () => {
    expect(time(new Date('2049-12-31T23:59:59Z')).toString('latin1', 2)).to.equal('491231235959Z');
    expect(time(new Date('2050-01-01T00:00:00Z')).toString('latin1', 2)).to.equal('20500101000000Z');
    expect(time(new Date('9999-12-31T23:59:59Z'))[0]).to.equal(0x18);
  });

  it('pads integers whose top bit is set and strips leading zeros', () => {
    expect(hex(unsignedInteger(Buffer.from([0x80])))).to.equal('02020080');
    expect(hex(unsignedInteger(Buffer.from([0, 0, 0x7f])))).to.equal('02017F');
  });

  it('encodes long lengths and refuses truncated input', () => {
    expect(hex(tlv(0x04, Buffer.alloc(200)).subarray(0, 3))).to.equal('0481C8');
    expect(() => readSingle(Buffer.from([0x30, 0x05, 0x01]))).to.throw(DerError, /past the end/);
    expect(() => readSingle(Buffer.from([0x05, 0x00, 0x00]))).to.throw(DerError, /trailing bytes/);
  });
});
