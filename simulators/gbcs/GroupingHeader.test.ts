import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import { decodeCommandWrapper, encodeCommandWrapper } from './CommandWrapper.ts';
import { DlmsDateTime } from './DlmsDateTime.ts';
import {
  decodeGroupingHeader,
  describeGroupingHeader,
  encodeGroupingHeader,
  type GroupingHeaderFields,
  type Supplementary,
} from './GroupingHeader.ts';

const BASE: GroupingHeaderFields = {
  craFlag: 'alert',
  originatorCounter: 0x0102030405060708n,
  originator: Eui.parse('00DB1234567890A0'),
  recipient: Eui.parse('90B3D51F30010000'),
  dateTime: DlmsDateTime.fromDate(new Date('2026-01-01T12:34:56Z')),
  messageCode: 0x8f70,
  content: Buffer.alloc(200, 0xab),
};

describe('grouping header framing', () => {
  const supplementaries: Supplementary[] = [
    { kind: 'remoteParty', remotePartyId: Eui.parse('90B3D51F30020000'), remotePartyCounter: 42n },
    { kind: 'originatorCounter', counter: 7n },
    { kind: 'raw', bytes: Buffer.from('300102', 'hex') },
  ];
  for (const supplementary of supplementaries) {
    it(`round-trips other information with a ${supplementary.kind} supplement`, () => {
      const bytes = encodeGroupingHeader({ ...BASE, supplementary }, Buffer.alloc(64, 9));
      const h = decodeGroupingHeader(bytes);
      expect(h.supplementary).to.deep.equal(supplementary);
      expect(h.messageCode).to.equal(0x8f70);
      expect(h.craFlag).to.equal('alert');
      expect(h.dateTime?.toDate()?.toISOString()).to.equal('2026-01-01T12:34:56.000Z');
      expect(h.content).to.have.length(200);
      expect(h.signedBytes.toString('hex')).to.equal(bytes.subarray(1, -65).toString('hex'));
      expect(encodeGroupingHeader(h, h.signature).equals(bytes)).to.equal(true);
    });
  }

  it('writes a long content length in BER long form and reports where the content starts', () => {
    const bytes = encodeGroupingHeader(BASE, 'none');
    const h = decodeGroupingHeader(bytes);
    expect(bytes[h.contentOffset - 2]).to.equal(0x81);
    expect(bytes[h.contentOffset - 1]).to.equal(200);
    expect(describeGroupingHeader(h)).to.match(
      /^alert 0x8F70 #72623859790382856 00DB1234567890A0→90B3D51F30010000/,
    );
  });

  it('reports offsets within the whole frame when the header sits inside a wrapper', () => {
    const header = encodeGroupingHeader({ ...BASE, craFlag: 'command' }, 'none');
    const frame = encodeCommandWrapper(header, Buffer.alloc(12));
    const wrapped = decodeCommandWrapper(frame);
    const headerStart = frame.length - 12 - header.length;
    expect(wrapped.header.contentOffset).to.equal(headerStart + decodeGroupingHeader(header).contentOffset);
  });
});

describe('grouping header decoded once per frame', () => {
  it('answers the same header for the same buffer, and reads a buffer changed in place again', () => {
    const bytes = encodeGroupingHeader(BASE, Buffer.alloc(64, 9));
    const first = decodeGroupingHeader(bytes);
    expect(decodeGroupingHeader(bytes)).to.equal(first);
    expect(decodeGroupingHeader(Buffer.from(bytes))).to.not.equal(first);
    bytes[5] = bytes[5]! ^ 0xff; // a byte of the originator counter (bytes 3 to 10)
    const again = decodeGroupingHeader(bytes);
    expect(again).to.not.equal(first);
    expect(again.originatorCounter).to.not.equal(first.originatorCounter);
  });
});
