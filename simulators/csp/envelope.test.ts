/** The WebSocket envelope: header layout and the end body. */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import { decodeEndBody, decodeEnvelope, encodeEndBody, encodeEnvelope, EnvelopeError, HEADER_LENGTH } from './envelope.ts';

describe('CSP envelope', () => {
  it('lays out type, EUI, correlation id, time, then the GBCS bytes', () => {
    const bytes = encodeEnvelope({
      type: 'command',
      deviceId: Eui.parse('00DB000000000001'),
      correlationId: 258n,
      time: new Date('2026-03-01T12:00:00Z'),
      body: Buffer.from('dd0000', 'hex'),
    });
    expect(bytes.subarray(0, 17).toString('hex')).to.equal('01' + '00db000000000001' + '0000000000000102');
    expect(bytes.readBigInt64BE(17)).to.equal(BigInt(Date.parse('2026-03-01T12:00:00Z')));
    expect(bytes.subarray(HEADER_LENGTH).toString('hex')).to.equal('dd0000');
    const e = decodeEnvelope(bytes);
    expect([e.type, e.deviceId.hex, e.correlationId, e.time.toISOString(), e.body.toString('hex')]).to.deep.equal([
      'command',
      '00DB000000000001',
      258n,
      '2026-03-01T12:00:00.000Z',
      'dd0000',
    ]);
  });

  it('round-trips the end body; no wake-at is −1', () => {
    const wakeAt = new Date('2026-03-02T12:00:00Z');
    expect(decodeEndBody(encodeEndBody({ disposition: 'awaiting', wakeAt, reason: 'delayed' }))).to.deep.equal({
      disposition: 'awaiting',
      wakeAt,
      reason: 'delayed',
    });
    const bare = encodeEndBody({ disposition: 'refused' });
    expect(bare.toString('hex')).to.equal('01ffffffffffffffff');
    expect(decodeEndBody(bare)).to.deep.equal({ disposition: 'refused' });
  });

  it('refuses short frames and unknown types', () => {
    expect(() => decodeEnvelope(Buffer.alloc(24))).to.throw(EnvelopeError);
    expect(() => decodeEnvelope(Buffer.alloc(25, 9))).to.throw(EnvelopeError, /type 9/);
    expect(() => decodeEndBody(Buffer.from('07ffffffffffffffff', 'hex'))).to.throw(EnvelopeError, /disposition 7/);
  });
});
