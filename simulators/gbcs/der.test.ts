/** The small DER reader/writer, DLMS date-time and message code table. */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { DlmsDateTime } from './DlmsDateTime.ts';
import { DerReader, readDer } from './derReader.ts';
import { constructed, encodeDer, integer, octetString, oid, raw, seq } from './derWriter.ts';
import { GbcsDecodeError } from './GbcsDecodeError.ts';
import { findMessageCode, MESSAGE_CODES, messageCodeFor, messageCodeInfo } from './messageCodes.ts';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex').toUpperCase();

describe('DER writer and reader', () => {
  const integers: [bigint, string][] = [
    [0n, '020100'],
    [127n, '02017F'],
    [128n, '02020080'],
    [256n, '02020100'],
    [-1n, '0201FF'],
    [-129n, '0202FF7F'],
    [0xffffffffffffffffn, '020900FFFFFFFFFFFFFFFF'],
  ];
  for (const [value, encoded] of integers) {
    it(`INTEGER ${value} ↔ ${encoded}`, () => {
      expect(hex(encodeDer(integer(value)))).to.equal(encoded);
      expect(readDer(Buffer.from(encoded, 'hex'), 0, 'n', (r) => r.integer('n'))).to.equal(value);
    });
  }

  it('writes minimal lengths by default and 82 hh ll in the device style', () => {
    const body = integer(0x01);
    const big = seq(...Array.from({ length: 50 }, () => body));
    expect(hex(encodeDer(big)).slice(0, 6)).to.equal('308196');
    expect(hex(encodeDer(big, 'long2')).slice(0, 8)).to.equal('30820096');
    expect(hex(encodeDer(seq(body), 'long2'))).to.equal('3003020101');
  });

  it('writes every length form, raw nodes as they are, and leaves out absent children', () => {
    const octets = (n: number) => octetString(Buffer.alloc(n, 0xab));
    for (const [n, minimal, long2] of [
      [127, '047F', '047F'],
      [128, '048180', '04820080'],
      [255, '0481FF', '048200FF'],
      [256, '04820100', '04820100'],
      [65_536, '0483010000', '0483010000'],
    ] as const) {
      expect(hex(encodeDer(octets(n))).slice(0, minimal.length), `${n} minimal`).to.equal(minimal);
      expect(hex(encodeDer(octets(n), 'long2')).slice(0, long2.length), `${n} long2`).to.equal(long2);
      expect(encodeDer(octets(n)).length).to.equal(minimal.length / 2 + n);
    }
    const shared = integer(5);
    expect(hex(encodeDer(seq(shared, undefined, raw(Buffer.from('0500', 'hex')), constructed(0xa1, shared, undefined))))).to.equal(
      '300A020105050 0A103020105'.replace(/ /g, ''),
    );
    expect(hex(encodeDer(seq()))).to.equal('3000');
  });

  it('writes an OID the same each time, and each node holds bytes of its own', () => {
    const first = oid('1.2.840.10045.4.3.2');
    (first as { value: Uint8Array }).value.fill(0);
    expect(hex(encodeDer(oid('1.2.840.10045.4.3.2')))).to.equal('06082A8648CE3D040302');
  });

  it('reads non-minimal lengths (as devices send them) but refuses non-minimal integers', () => {
    expect(
      readDer(Buffer.from('3082000302017F', 'hex'), 0, 's', (r) => r.sequence('s').integer('n')),
    ).to.equal(127n);
    expect(() => readDer(Buffer.from('0202007F', 'hex'), 0, 'n', (r) => r.integer('n'))).to.throw(
      GbcsDecodeError,
      'GBCS n at offset 0: expected a minimally encoded INTEGER, got 0202007F',
    );
  });

  it('round-trips object identifiers', () => {
    for (const id of [
      '1.2.840.10045.4.3.2',
      '1.2.826.0.1.8641679.1.2.2.1',
      '2.5.29.17',
      '1.3.6.1.5.5.7.8.4',
    ]) {
      expect(new DerReader(encodeDer(oid(id))).oid('oid')).to.equal(id);
    }
  });

  it('refuses high tag numbers and lengths beyond four bytes', () => {
    expect(() => new DerReader(Buffer.from('1F8101', 'hex')).any('x')).to.throw(
      GbcsDecodeError,
      /single-byte tag, got 0x1F/,
    );
    expect(() => new DerReader(Buffer.from('3085', 'hex')).any('x')).to.throw(
      GbcsDecodeError,
      /at most 4 bytes/,
    );
  });
});

describe('DlmsDateTime', () => {
  it('round-trips the RTDS form and reads it as UTC', () => {
    const bytes = Buffer.from('07DF0101FF000000008000FF', 'hex');
    const dt = DlmsDateTime.decode(bytes);
    expect(hex(dt.encode())).to.equal(hex(bytes));
    expect(dt.toDate()?.toISOString()).to.equal('2015-01-01T00:00:00.000Z');
    expect(hex(DlmsDateTime.fromDate(new Date('2015-01-01T00:00:00Z')).encode())).to.equal(hex(bytes));
    expect(hex(DlmsDateTime.unspecified().encode())).to.equal('FFFFFFFFFFFFFFFFFF8000FF');
    expect(DlmsDateTime.unspecified().toDate()).to.equal(undefined);
  });

  it('refuses a wrong length', () => {
    expect(() => DlmsDateTime.decode(Buffer.alloc(11), 5)).to.throw(
      GbcsDecodeError,
      /at offset 5: expected a 12-byte DLMS date-time, got 11 bytes/,
    );
  });
});

describe('message codes', () => {
  it('maps CS02b modes to 0x0100-0x0109 in domain order and knows the RTDS codes', () => {
    expect(messageCodeFor('CS02b', 'rootBySupplier')).to.equal(0x0100);
    expect(messageCodeFor('CS02b', 'networkOperatorByNetworkOperator')).to.equal(0x0103);
    expect(messageCodeFor('CS02b', 'anyByContingency')).to.equal(0x0109);
    expect(messageCodeInfo(0x0102).replacementMode).to.equal('supplierBySupplier');
    expect(MESSAGE_CODES.filter((m) => m.source === 'rtds').map((m) => m.code)).to.deep.equal([
      0x0008, 0x000a, 0x000b, 0x0062, 0x007f, 0x0102, 0x0103,
    ]);
    expect(findMessageCode(0x000c)?.source).to.equal('spec');
    expect(() => messageCodeInfo(0x1234, 31)).to.throw(
      GbcsDecodeError,
      /message code at offset 31: .*got 0x1234/,
    );
  });
});
