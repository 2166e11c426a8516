import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { modInverse } from './modInverse.ts';

/** The order of P-256 (the nonces' modulus) and a few other primes of other sizes. */
const P256_ORDER = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const PRIMES = [P256_ORDER, 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn, (1n << 127n) - 1n, (1n << 61n) - 1n, 65_537n, 7n];

/** The schoolbook extended Euclidean algorithm, one BigInt division a step: what modInverse must agree with. */
function reference(a: bigint, m: bigint): bigint {
  let [r0, r1, s0, s1] = [((a % m) + m) % m, m, 1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return ((s0 % m) + m) % m;
}

const randomBelow = (m: bigint) => (BigInt(`0x${randomBytes(40).toString('hex')}`) % (m - 1n)) + 1n;

describe('modInverse (Lehmer)', () => {
  for (const m of PRIMES) {
    it(`agrees with the schoolbook algorithm, and a·a⁻¹ = 1, for 2,000 values mod a ${m.toString(2).length}-bit prime`, () => {
      for (let i = 0; i < 2000; i++) {
        const a = randomBelow(m);
        const inverse = modInverse(a, m);
        expect(inverse, `a = ${a}`).to.equal(reference(a, m));
        expect((a * inverse) % m).to.equal(1n);
      }
    });
  }

  it('inverts the edges: 1, m − 1, small values, values just under a power of two, and reduces a ≥ m', () => {
    const m = P256_ORDER;
    for (const a of [1n, 2n, 3n, m - 1n, m - 2n, (1n << 255n) - 1n, 1n << 200n, 0xffffffffffffffffn, 1n << 64n, m + 5n, -5n]) {
      expect(modInverse(a, m), `a = ${a}`).to.equal(reference(a, m));
    }
  });

  it('refuses 0 (and multiples of m), a modulus below 2, and values sharing a factor with m', () => {
    expect(() => modInverse(0n, P256_ORDER)).to.throw(RangeError, /0 has no inverse/);
    expect(() => modInverse(P256_ORDER * 3n, P256_ORDER)).to.throw(RangeError, /0 has no inverse/);
    expect(() => modInverse(3n, 1n)).to.throw(RangeError, /modulus must be 2 or more/);
    expect(() => modInverse(6n, 1n << 70n)).to.throw(RangeError, /not coprime/);
    expect(() => modInverse(15n * (1n << 80n), 35n * (1n << 90n))).to.throw(RangeError, /not coprime/);
  });
});
