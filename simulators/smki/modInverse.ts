/**
 * a⁻¹ mod m, for a coprime to m (an ECDSA nonce and the group order), by Lehmer's extended
 * Euclidean algorithm: the quotients are worked out on the leading 48 bits of the remainders, in
 * plain numbers, and applied to the full BigInts a few dozen steps at a time. The schoolbook
 * algorithm does one BigInt division per step (~150 for 256 bits), which made it a quarter of a
 * deterministic signature; the result is the same (tested against it).
 */
export function modInverse(a: bigint, m: bigint): bigint {
  if (m < 2n) throw new RangeError('modInverse: the modulus must be 2 or more');
  let u = m;
  let v = ((a % m) + m) % m;
  if (v === 0n) throw new RangeError('modInverse: 0 has no inverse');
  // Invariants: u ≡ su·a and v ≡ sv·a (mod m).
  let su = 0n;
  let sv = 1n;
  while (v > SINGLE_PRECISION) {
    const shift = BigInt(Math.max(0, bitLength(u) - LEADING_BITS));
    let uh = Number(u >> shift);
    let vh = Number(v >> shift);
    // Cofactors: u' = A·u + B·v, v' = C·u + D·v, as long as the leading bits decide the quotient
    // (Knuth's condition: the quotients of the bounds on both sides agree).
    let A = 1;
    let B = 0;
    let C = 0;
    let D = 1;
    for (;;) {
      if (vh + C === 0 || vh + D === 0) break;
      const q = Math.floor((uh + A) / (vh + C));
      if (q !== Math.floor((uh + B) / (vh + D))) break;
      let t = A - q * C;
      A = C;
      C = t;
      t = B - q * D;
      B = D;
      D = t;
      t = uh - q * vh;
      uh = vh;
      vh = t;
    }
    if (B === 0) {
      // The leading bits decided nothing: one full step.
      const q = u / v;
      [u, v] = [v, u - q * v];
      [su, sv] = [sv, su - q * sv];
    } else {
      const [bA, bB, bC, bD] = [BigInt(A), BigInt(B), BigInt(C), BigInt(D)];
      [u, v] = [bA * u + bB * v, bC * u + bD * v];
      [su, sv] = [bA * su + bB * sv, bC * su + bD * sv];
    }
  }
  // The rest in small steps (the remainders fit in a double now, but BigInt keeps it exact).
  while (v !== 0n) {
    const q = u / v;
    [u, v] = [v, u - q * v];
    [su, sv] = [sv, su - q * sv];
  }
  if (u !== 1n) throw new RangeError('modInverse: a and m are not coprime');
  return ((su % m) + m) % m;
}

/** Bits of the leading part the quotients are computed on: sums of it and a cofactor stay exact in a double. */
const LEADING_BITS = 48;
const SINGLE_PRECISION = 1n << 64n;

/** Bits of a positive BigInt, rounded up to whole hex digits: it only sets the shift, so three bits over are fine. */
function bitLength(x: bigint): number {
  return x.toString(16).length * 4;
}
