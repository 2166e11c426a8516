import { describe, it } from 'node:test';
import { expect } from 'chai';
import { ownedCopy } from './ownedCopy.ts';

describe('ownedCopy', () => {
  it('copies the bytes into a backing store of their own, not a slice of the shared pool', () => {
    const pooled = Buffer.from('0102030405', 'hex');
    const copy = ownedCopy(pooled.subarray(1, 4));
    expect(copy.toString('hex')).to.equal('020304');
    expect(copy.buffer.byteLength).to.equal(3);
    pooled[1] = 0xff;
    expect(copy[0], 'independent of the original').to.equal(2);
  });
});
