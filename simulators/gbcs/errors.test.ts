/** Malformed and tampered input: every decode failure is a GbcsDecodeError that says where and what. */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import { ByteReader } from './ByteReader.ts';
import { decodeCommandWrapper, encodeCommandWrapper } from './CommandWrapper.ts';
import { decodeCs02bCommand } from './cs02bCommand.ts';
import { GbcsDecodeError } from './GbcsDecodeError.ts';
import {
  decodeGroupingHeader,
  decodePreCommand,
  encodeGroupingHeader,
  type GroupingHeaderFields,
} from './GroupingHeader.ts';
import { decodeGbcsMessage, parseGbcsHex } from './message.ts';
import { decodePayload } from './payload.ts';
import { loadVector, SKIP_RTDS } from './rtdsCorpus.ts';

const SUPPLIER = Eui.parse('90B3D51F30010000');
const ESME = Eui.parse('00DB1234567890A0');

const FIELDS: GroupingHeaderFields = {
  craFlag: 'command',
  originatorCounter: 1000n,
  originator: SUPPLIER,
  recipient: ESME,
  messageCode: 0x000a,
  content: Buffer.from('300403020780', 'hex'),
};

function decodeError(f: () => unknown): GbcsDecodeError {
  try {
    f();
  } catch (e) {
    if (e instanceof GbcsDecodeError) return e;
    throw new Error(`expected a GbcsDecodeError, got ${String(e)}`, { cause: e });
  }
  throw new Error('expected a GbcsDecodeError, but the input decoded');
}

describe('GbcsDecodeError on malformed framing', () => {
  const good = encodeGroupingHeader(FIELDS, 'none');

  it('names the field, offset and expectation for a truncated header', () => {
    const e = decodeError(() => decodeGroupingHeader(good.subarray(0, 7)));
    expect(e.message).to.equal(
      'GBCS originator counter at offset 3: expected 8 bytes (big-endian), got only 4 bytes',
    );
    expect(e.field).to.equal('originator counter');
    expect(e.offset).to.equal(3);
    expect(e.responseCode).to.equal('E12');
  });

  it('refuses a content length that runs past the end', () => {
    const bad = Buffer.from(good);
    bad[33] = 0x08; // content length 06 → 08
    const e = decodeError(() => decodeGroupingHeader(bad));
    expect(e.field).to.equal('content');
    expect(e.message).to.equal(
      'GBCS content at offset 34: expected 8 content bytes as its length says, got only 7 bytes',
    );
  });

  it('refuses a wrong system title length byte', () => {
    const bad = Buffer.from(good);
    bad[11] = 0x07;
    expect(decodeError(() => decodeGroupingHeader(bad)).message).to.equal(
      'GBCS originator system title length at offset 11: expected 0x08 (an 8-byte EUI-64), got 0x07',
    );
  });

  it('refuses a bad CRA flag, date-time length and signature length', () => {
    const cra = Buffer.from(good);
    cra[2] = 0x05;
    expect(decodeError(() => decodeGroupingHeader(cra)).field).to.equal('CRA flag');
    const dt = Buffer.from(good);
    dt[29] = 0x0b;
    expect(decodeError(() => decodeGroupingHeader(dt)).field).to.equal('date-time length');
    const sig = Buffer.concat([good.subarray(0, -1), Buffer.from([0x41])]);
    expect(decodeError(() => decodeGroupingHeader(sig)).message).to.match(
      /signature length .* expected 0x00 \(no signature\) or 0x40/,
    );
  });

  it('refuses trailing bytes after the signature field and a signed pre-command', () => {
    expect(decodeError(() => decodeGroupingHeader(Buffer.concat([good, Buffer.from([1])]))).field).to.equal(
      'grouping header',
    );
    const signed = encodeGroupingHeader(FIELDS, Buffer.alloc(64, 1));
    expect(decodeError(() => decodePreCommand(signed)).message).to.match(/no signature in a pre-command/);
  });

  it('refuses a command wrapper whose length byte is wrong', () => {
    const frame = encodeCommandWrapper(good, Buffer.alloc(12));
    const bad = Buffer.from(frame);
    bad[7] = frame[7]! + 1;
    const e = decodeError(() => decodeCommandWrapper(bad));
    expect(e.field).to.equal('command wrapper length');
    expect(e.message).to.equal(
      `GBCS command wrapper length at offset 7: expected ${frame[7]} (the bytes that follow), got ${frame[7]! + 1}`,
    );
  });

  it('refuses a wrapper with a non-zero padding byte or another security header', () => {
    const frame = encodeCommandWrapper(good, Buffer.alloc(12));
    const pad = Buffer.from(frame);
    pad[3] = 1;
    expect(decodeError(() => decodeCommandWrapper(pad)).field).to.equal('command wrapper byte 4');
    const sec = Buffer.from(frame);
    sec[8] = 0x30;
    expect(decodeError(() => decodeCommandWrapper(sec)).message).to.match(
      /security header .* expected 11 00 00 00 00, got 3000000000/,
    );
  });

  it('refuses an unknown frame tag, odd hex and non-hex', () => {
    expect(decodeError(() => decodeGbcsMessage(Buffer.from([0xde]))).field).to.equal('frame tag');
    expect(decodeError(() => decodeGbcsMessage(Buffer.alloc(0))).message).to.match(/got no bytes/);
    expect(decodeError(() => parseGbcsHex('DF0')).field).to.equal('GBCS hex');
    expect(decodeError(() => parseGbcsHex('DFZZ')).message).to.match(
      /at offset 1: expected hex digits, got "Z"/,
    );
  });

  it('reads hex in either case, with or without whitespace, to the same bytes', () => {
    for (const text of ['df09a0', 'DF09A0', 'df 09\nA0', ' DF09A0 ']) expect(parseGbcsHex(text).toString('hex'), text).to.equal('df09a0');
    expect(parseGbcsHex('').length).to.equal(0);
    expect(decodeError(() => parseGbcsHex('DF09A0G')).message).to.match(/at offset 3: expected hex digits, got "G"/);
  });

  it('refuses an unknown message code, listing the known ones', () => {
    const frame = encodeGroupingHeader({ ...FIELDS, messageCode: 0x0999 }, 'none');
    const e = decodeError(() => decodeGbcsMessage(frame));
    expect(e.field).to.equal('message code');
    expect(e.message).to.match(/expected a known message code \(0x0008 CS02a, .*\), got 0x0999$/);
  });

  it('refuses a CS02b whose payload mode disagrees with its message code', { skip: SKIP_RTDS }, () => {
    const h = decodeGroupingHeader(loadVector('CS02bNOByNO_6.15.1_SUCCESS_PRECOMMAND_GBCS.HEX'));
    const e = decodeError(() => decodePayload({ ...h, messageCode: 0x0102 }));
    expect(e.message).to.match(
      /credentialsReplacementMode .* expected supplierBySupplier \(message code 0x0102\), got networkOperatorByNetworkOperator/,
    );
  });
});

describe('GbcsDecodeError on bad DER', () => {
  it('names the field and the tag it expected', () => {
    const e = decodeError(() => decodeCs02bCommand(Buffer.from('3003020103', 'hex'), 100));
    expect(e.message).to.equal(
      'GBCS authorisingRemotePartyControl at offset 102: expected SEQUENCE (0x30), got INTEGER (0x02)',
    );
  });

  it('refuses truncated DER, indefinite lengths, non-minimal integers, unknown key usages and bad times', () => {
    const cases: [string, string, RegExp][] = [
      ['30 05 30 03 02 01', 'CS02c request', /expected 5 content bytes as its length says, got only 4 bytes/],
      ['30 80 03 02 07 80 00 00', 'CS02c request', /expected a definite BER length, got indefinite/],
      [
        '30 04 03 02 06 80',
        'CS02c request',
        /keyUsage .* expected BIT STRING 07 80 \(digitalSignature\) or 03 08/,
      ],
      [
        '30 04 03 02 07 80 00',
        'CS02c request',
        /CS02c request at offset 40: expected the end of the data, got 1 more bytes/,
      ],
    ];
    for (const [hexText, useCaseName, pattern] of cases) {
      const content = Buffer.from(hexText.replace(/ /g, ''), 'hex');
      const frame = encodeGroupingHeader({ ...FIELDS, content }, 'none');
      const e = decodeError(() => decodeGbcsMessage(frame));
      expect(e.message, `${hexText} (${useCaseName})`).to.match(pattern);
    }
    const gcs28 = (content: string) =>
      decodeGbcsMessage(
        encodeGroupingHeader(
          { ...FIELDS, messageCode: 0x007f, content: Buffer.from(content, 'hex') },
          'none',
        ),
      );
    expect(decodeError(() => gcs28('3011180F3230313431323331323333303030')).message).to.equal(
      'GBCS GCS28 request at offset 36: expected 17 content bytes as its length says, got only 16 bytes',
    );
    const badTime = Buffer.from('20141331233000Z', 'latin1').toString('hex');
    expect(decodeError(() => gcs28(`3022180F${badTime}180F${badTime}`)).message).to.match(
      /expected a GeneralizedTime YYYYMMDDHHMMSSZ, got "20141331233000Z"/,
    );
    const nonMinimal = decodeError(() =>
      decodeGbcsMessage(
        encodeGroupingHeader(
          { ...FIELDS, messageCode: 0x000b, craFlag: 'response', content: Buffer.from('02020001', 'hex') },
          'none',
        ),
      ),
    );
    expect(nonMinimal.message).to.match(/expected a minimally encoded INTEGER/);
  });
});

describe('ByteReader failures', () => {
  const reader = (hexText: string, base = 0) => new ByteReader(Buffer.from(hexText.replace(/ /g, ''), 'hex'), base);
  const messageOf = (f: () => unknown) => decodeError(f).message;

  it('names the field, the offset and what was expected for every kind of short read', () => {
    expect(messageOf(() => reader('').u8('CRA flag'))).to.equal('GBCS CRA flag at offset 0: expected one byte, got the end of the data');
    expect(messageOf(() => reader('', 10).u8('content', ' tag'))).to.equal('GBCS content tag at offset 10: expected one byte, got the end of the data');
    expect(messageOf(() => reader('01 02').take(4, 'counter'))).to.equal('GBCS counter at offset 0: expected 4 bytes, got only 2 bytes');
    expect(messageOf(() => reader('01 02').take(4, 'counter', '4 bytes (big-endian)'))).to.equal('GBCS counter at offset 0: expected 4 bytes (big-endian), got only 2 bytes');
    expect(messageOf(() => reader('82 01').berLength('content'))).to.equal('GBCS content length at offset 1: expected 2 length bytes after 0x82, got only 1 bytes');
    expect(messageOf(() => reader('03 01 02').lengthPrefixed('extension'))).to.equal('GBCS extension at offset 1: expected 3 bytes as its length says, got only 2 bytes');
    expect(messageOf(() => reader('00').expectByte(0xdf, 'tag'))).to.equal('GBCS tag at offset 0: expected 0xDF, got 0x00');
  });

  it('reads every length form up to four bytes', () => {
    expect(reader('7F').berLength('l')).to.equal(0x7f);
    expect(reader('81 80').berLength('l')).to.equal(0x80);
    expect(reader('82 00 83').berLength('l')).to.equal(0x83);
    expect(reader('84 01 02 03 04').berLength('l')).to.equal(0x01020304);
    expect(reader('84 FF FF FF FF').berLength('l')).to.equal(0xffffffff);
  });
});
