import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { deriveKeyPair } from './keys.ts';
import { coordinatesOfP256Spki, hasP256SpkiForm, p256SpkiOfPoint } from './p256Spki.ts';
import { publicKeyFromSpki, spkiOf } from './publicKeyCache.ts';

const exported = (key: KeyObject) => key.export({ format: 'der', type: 'spki' });
const p256 = () => generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
/** What node:crypto itself says about DER: the key, or the error it throws. */
function importedByNode(spki: Buffer): { spki: Buffer } | { error: unknown } {
  try {
    return { spki: exported(createPublicKey({ key: spki, format: 'der', type: 'spki' })) };
  } catch (error) {
    return { error };
  }
}
function importedByCache(spki: Buffer): { spki: Buffer } | { error: unknown } {
  try {
    return { spki: exported(publicKeyFromSpki(spki)) };
  } catch (error) {
    return { error };
  }
}

describe('p256SpkiOfPoint', () => {
  it('builds the SubjectPublicKeyInfo node:crypto exports, from the uncompressed point', () => {
    for (let i = 0; i < 20; i++) {
      const { publicKey } = p256();
      const spki = exported(publicKey);
      const { x, y } = coordinatesOfP256Spki(spki);
      expect(p256SpkiOfPoint(Buffer.concat([Buffer.from([4]), x, y])).equals(spki)).to.equal(true);
      expect(hasP256SpkiForm(spki)).to.equal(true);
    }
    expect(() => p256SpkiOfPoint(Buffer.alloc(33, 2))).to.throw(TypeError, /uncompressed/);
  });
});

describe('publicKeyFromSpki', () => {
  it('gives the key the DER carries, and the same key object every time', () => {
    const spki = exported(p256().publicKey);
    const key = publicKeyFromSpki(spki);
    expect(exported(key).equals(spki)).to.equal(true);
    expect(publicKeyFromSpki(Buffer.from(spki))).to.equal(key);
  });

  it('gives a derived key pair its own public key object, with the SPKI derivation registered', () => {
    const { privateKey, publicKey } = deriveKeyPair('public-key-cache', `derived/${Date.now()}`);
    const spki = exported(publicKey);
    expect(spkiOf(publicKey).equals(spki)).to.equal(true);
    expect(spkiOf(privateKey).equals(spki)).to.equal(true);
    expect(publicKeyFromSpki(spki)).to.equal(publicKey);
  });

  it('takes other curves and algorithms as node:crypto does', () => {
    for (const key of [
      generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).publicKey,
      generateKeyPairSync('ed25519').publicKey,
      generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey,
    ]) {
      const spki = exported(key);
      expect(exported(publicKeyFromSpki(spki)).equals(spki)).to.equal(true);
    }
  });

  it('refuses what node:crypto refuses, with its error: a point off the curve, a coordinate ≥ p, truncated DER', () => {
    const spki = exported(p256().publicKey);
    const offCurve = Buffer.from(spki);
    offCurve[offCurve.length - 1]! ^= 0x01;
    const xTooBig = Buffer.from(spki);
    xTooBig.fill(0xff, 27, 59);
    const truncated = spki.subarray(0, 60);
    for (const bad of [offCurve, xTooBig, truncated, Buffer.alloc(0)]) {
      const byNode = importedByNode(bad);
      expect(byNode).to.have.property('error');
      const byCache = importedByCache(bad);
      expect(byCache).to.have.property('error');
      const [a, b] = [byNode, byCache].map((r) => (r as { error: Error & { code?: string } }).error);
      expect({ code: b!.code, message: b!.message }).to.deep.equal({ code: a!.code, message: a!.message });
      expect(importedByCache(bad), 'refused again, not cached').to.have.property('error');
    }
  });
});

describe('spkiOf', () => {
  it('exports a key once and hands out copies', () => {
    const { privateKey, publicKey } = p256();
    const spki = exported(publicKey);
    expect(spkiOf(privateKey).equals(spki)).to.equal(true);
    const first = spkiOf(publicKey);
    first.fill(0);
    expect(spkiOf(publicKey).equals(spki)).to.equal(true);
  });
});
