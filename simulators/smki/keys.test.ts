import { createECDH, createPublicKey, generateKeyPairSync, hkdfSync, sign, verify } from 'node:crypto';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { deriveKeyPair, describeKey, isP256, keyIdentifier, privateKeyToPem } from './keys.ts';
import { parseCertificate } from './parse.ts';
import { referenceKeyFile, referenceSkip } from './testSupport.ts';

const jwk = (key: ReturnType<typeof deriveKeyPair>['publicKey']) => key.export({ format: 'jwk' });

describe('deriveKeyPair', () => {
  it('gives the same P-256 key for the same seed and label, on every run', () => {
    const a = deriveKeyPair('smets-harness', 'pin');
    const b = deriveKeyPair('smets-harness', 'pin');
    expect(jwk(a.publicKey)).to.deep.equal(jwk(b.publicKey));
    expect(privateKeyToPem(a.privateKey)).to.equal(privateKeyToPem(b.privateKey));
    // Pinned (cross-checked with `openssl kdf … HKDF` and openssl's EC point): a change here
    // changes every key the harness has ever issued.
    expect(jwk(a.publicKey)).to.include({
      crv: 'P-256',
      x: 'DaF208rb85itN274PScUj4PdxC5mQLbpBt1jtT7-sDE',
      y: 'spFBoE_cCFD46QjAga9ignpaHGj-2q_R2Gnn3bKCJ1o',
    });
  });

  it('gives the key of the definition: hkdfSync output reduced into [1, n-1], its SPKI the point ECDH makes', () => {
    const n = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
    for (const seed of ['smets-harness', 'other', 'ünïcode', '']) {
      for (const label of ['pin', 'device/00DB1234567890A0/KA/1', 'ca/root', '', 'é€'.repeat(40)]) {
        const okm = Buffer.from(hkdfSync('sha256', Buffer.from(seed), 'smets-harness/smki/key/v1', Buffer.from(label), 48));
        const d = (BigInt(`0x${okm.toString('hex')}`) % (n - 1n)) + 1n;
        const { privateKey, publicKey } = deriveKeyPair(seed, label);
        const jwk = privateKey.export({ format: 'jwk' });
        expect(BigInt(`0x${Buffer.from(jwk.d!, 'base64url').toString('hex')}`)).to.equal(d);
        const ecdh = createECDH('prime256v1');
        ecdh.setPrivateKey(Buffer.from(d.toString(16).padStart(64, '0'), 'hex'));
        const spki = publicKey.export({ format: 'der', type: 'spki' });
        expect(spki.subarray(-65).equals(ecdh.getPublicKey())).to.equal(true);
        expect(keyIdentifier(publicKey).equals(keyIdentifier(spki))).to.equal(true);
      }
    }
  });

  it('gives different keys for a different label or seed', () => {
    const base = jwk(deriveKeyPair('smets-harness', 'pin').publicKey);
    expect(jwk(deriveKeyPair('smets-harness', 'pin2').publicKey)).to.not.deep.equal(base);
    expect(jwk(deriveKeyPair('other', 'pin').publicKey)).to.not.deep.equal(base);
  });

  it('gives a working key pair whose public half matches the private one', () => {
    const { privateKey, publicKey } = deriveKeyPair('seed', 'label');
    expect(isP256(privateKey)).to.equal(true);
    expect(createPublicKey(privateKey).export({ format: 'jwk' })).to.deep.equal(jwk(publicKey));
    const signature = sign('sha256', Buffer.from('hello'), privateKey);
    expect(verify('sha256', Buffer.from('hello'), publicKey, signature)).to.equal(true);
    expect(privateKeyToPem(privateKey)).to.match(/^-----BEGIN PRIVATE KEY-----\n/);
  });

  it('names keys that are not P-256', () => {
    expect(describeKey(generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).publicKey)).to.equal(
      'an EC key on secp384r1',
    );
    expect(describeKey(generateKeyPairSync('ed25519').publicKey)).to.equal('a key of type ed25519');
  });
});

describe('keyIdentifier', () => {
  it('reproduces the 8-byte SKI of the RTDS certificates', { skip: referenceSkip }, () => {
    const certificate = parseCertificate(referenceKeyFile('90b3d51f30010000-ds.pem'));
    const spki = Buffer.from(certificate.publicKey.rawData);
    const id = keyIdentifier(createPublicKey({ key: spki, format: 'der', type: 'spki' }));
    expect(id.toString('hex').toUpperCase()).to.equal('44899792D196F4B8');
  });
});
