import { describe, it } from 'node:test';
import { expect } from 'chai';
import { oncePerFrame } from './oncePerFrame.ts';

describe('oncePerFrame', () => {
  const counting = () => {
    const calls: string[] = [];
    const decode = oncePerFrame((bytes: Buffer) => {
      calls.push(bytes.toString('hex'));
      if (bytes[0] === 0xff) throw new Error('bad frame');
      return { first: bytes[0] };
    });
    return { calls, decode };
  };

  it('decodes a buffer once and answers the same value after', () => {
    const { calls, decode } = counting();
    const frame = Buffer.from('0102', 'hex');
    const first = decode(frame);
    expect(decode(frame)).to.equal(first);
    expect(calls).to.deep.equal(['0102']);
  });

  it('decodes another buffer with the same bytes on its own (remembered per buffer object)', () => {
    const { calls, decode } = counting();
    decode(Buffer.from('0102', 'hex'));
    decode(Buffer.from('0102', 'hex'));
    expect(calls).to.have.length(2);
  });

  it('decodes again a buffer changed in place since, rather than answering stale', () => {
    const { calls, decode } = counting();
    const frame = Buffer.from('0102', 'hex');
    expect(decode(frame)).to.deep.equal({ first: 1 });
    frame[0] = 7;
    expect(decode(frame)).to.deep.equal({ first: 7 });
    expect(calls).to.deep.equal(['0102', '0702']);
  });

  it('remembers no failure: a frame that does not decode throws each time', () => {
    const { calls, decode } = counting();
    const frame = Buffer.from('ff', 'hex');
    expect(() => decode(frame)).to.throw('bad frame');
    expect(() => decode(frame)).to.throw('bad frame');
    expect(calls).to.have.length(2);
  });
});
