import { createPrivateKey, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { signDeterministic } from './deterministicEcdsa.ts';

// RFC 6979 appendix A.2.5: P-256, SHA-256, message "sample".
const RFC_KEY = {
  d: 'C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721',
  x: '60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6',
  y: '7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299',
};
const RFC_R = 'EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716';
const RFC_S = 'F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8';
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;

const b64u = (hex: string) => Buffer.from(hex, 'hex').toString('base64url');

describe('signDeterministic (RFC 6979)', () => {
  it('reproduces the RFC 6979 P-256/SHA-256 test vector (in low-S form)', () => {
    const jwk = { kty: 'EC', crv: 'P-256', d: b64u(RFC_KEY.d), x: b64u(RFC_KEY.x), y: b64u(RFC_KEY.y) };
    const key = createPrivateKey({ key: jwk, format: 'jwk' });
    const raw = signDeterministic(Buffer.from('sample'), key, 'raw');
    expect(raw.subarray(0, 32).toString('hex').toUpperCase()).to.equal(RFC_R);
    const s = BigInt(`0x${raw.subarray(32).toString('hex')}`);
    const rfcS = BigInt(`0x${RFC_S}`);
    expect(s === rfcS || s === N - rfcS).to.equal(true);
  });

  it('gives the same signature for the same key and data, and node verifies it', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const data = Buffer.from('tbsCertificate bytes');
    const first = signDeterministic(data, privateKey);
    expect(signDeterministic(data, privateKey).equals(first)).to.equal(true);
    expect(verify('sha256', data, createPublicKey(privateKey), first)).to.equal(true);
    const raw = signDeterministic(data, privateKey, 'raw');
    expect(verify('sha256', data, { key: createPublicKey(privateKey), dsaEncoding: 'ieee-p1363' }, raw)).to.equal(true);
    expect(signDeterministic(Buffer.from('other'), privateKey).equals(first)).to.equal(false);
  });

  it('refuses a key that is not P-256', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    expect(() => signDeterministic(Buffer.from('x'), privateKey)).to.throw(TypeError, /P-256/);
  });
});
