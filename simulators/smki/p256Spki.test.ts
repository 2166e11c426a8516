import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { isP256Spki } from './p256Spki.ts';

const spkiOf = (key: ReturnType<typeof generateKeyPairSync>['publicKey']) => key.export({ type: 'spki', format: 'der' });

describe('isP256Spki', () => {
  it('agrees with node:crypto on generated P-256 keys, and on the same keys with a point moved off the curve', () => {
    for (let i = 0; i < 50; i++) {
      const spki = spkiOf(generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey);
      expect(isP256Spki(spki)).to.equal(true);
      const off = Buffer.from(spki);
      off.writeUInt8(off.readUInt8(off.length - 1) ^ 0x01, off.length - 1);
      expect(isP256Spki(off)).to.equal(false);
      expect(() => createPublicKey({ key: off, format: 'der', type: 'spki' }), 'node:crypto refuses it too').to.throw();
    }
  });

  it('answers false for other curves, other algorithms, truncated DER and nothing', () => {
    expect(isP256Spki(spkiOf(generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).publicKey))).to.equal(false);
    expect(isP256Spki(spkiOf(generateKeyPairSync('ed25519').publicKey))).to.equal(false);
    const p256 = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey;
    expect(isP256Spki(p256.export({ type: 'spki', format: 'der' }).subarray(0, 60))).to.equal(false);
    expect(isP256Spki(Buffer.alloc(0))).to.equal(false);
  });
});
