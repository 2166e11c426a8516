/**
 * In-process GBCS seals (decision 0013) hold exactly where an ECDSA signature would – the signer's
 * key pair, the same bytes – and nowhere else; real signatures are still checked as ECDSA.
 */
import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { IN_PROCESS_SEAL_TAG, InProcessGbcsSigning } from './InProcessGbcsSigning.ts';
import { signGbcs, verifyGbcs } from './signature.ts';

const pair = (): { privateKey: KeyObject; publicKey: KeyObject } => generateKeyPairSync('ec', { namedCurve: 'P-256' });
const SECRET = Buffer.alloc(32, 7);
const DATA = Buffer.from('0102030405060708090a0b0c0d0e0f', 'hex');

describe('InProcessGbcsSigning', () => {
  const signer = pair();
  const signing = new InProcessGbcsSigning(SECRET);

  it('makes 64 bytes, the HMAC then the tag, the same for the same secret, key and bytes', () => {
    const seal = signing.sign(DATA, signer.privateKey);
    expect(seal).to.have.length(64);
    expect(seal.subarray(32).equals(IN_PROCESS_SEAL_TAG)).to.equal(true);
    expect(seal.equals(new InProcessGbcsSigning(SECRET).sign(DATA, signer.privateKey))).to.equal(true);
    expect(seal.equals(signing.sign(DATA, pair().privateKey))).to.equal(false);
  });

  it("verifies with the signer's public key, whichever key object holds it (one imported from its PEM)", () => {
    const seal = signing.sign(DATA, signer.privateKey);
    expect(signing.verify(DATA, seal, signer.publicKey)).to.equal(true);
    const imported = createPublicKey(signer.publicKey.export({ format: 'pem', type: 'spki' }));
    expect(signing.verify(DATA, seal, imported)).to.equal(true);
    // A view into a larger buffer, as a decoded grouping header hands it over.
    const framed = Buffer.concat([Buffer.from([0x40]), seal, Buffer.from([0x00])]);
    expect(signing.verify(DATA, framed.subarray(1, 65), signer.publicKey)).to.equal(true);
  });

  it("fails under another key, as ECDSA would for a wrong certificate in the device's cell", () => {
    const seal = signing.sign(DATA, signer.privateKey);
    expect(signing.verify(DATA, seal, pair().publicKey)).to.equal(false);
  });

  it('fails for a byte changed in the data or in the seal, and for a truncated seal', () => {
    const seal = signing.sign(DATA, signer.privateKey);
    const data = Buffer.from(DATA);
    data[3]! ^= 0x01;
    expect(signing.verify(data, seal, signer.publicKey)).to.equal(false);
    for (const at of [0, 31, 32, 63]) {
      const changed = Buffer.from(seal);
      changed[at]! ^= 0x80;
      expect(signing.verify(DATA, changed, signer.publicKey), `byte ${at}`).to.equal(false);
    }
    expect(signing.verify(DATA, seal.subarray(0, 63), signer.publicKey)).to.equal(false);
  });

  it("fails for another estate's seal over the same key and bytes", () => {
    const other = new InProcessGbcsSigning(Buffer.alloc(32, 8)).sign(DATA, signer.privateKey);
    expect(signing.verify(DATA, other, signer.publicKey)).to.equal(false);
    expect(new InProcessGbcsSigning().verify(DATA, signing.sign(DATA, signer.privateKey), signer.publicKey)).to.equal(false);
  });

  it('checks a signature without the tag as ECDSA: a real one holds, a changed one or one under another key does not', () => {
    const ecdsa = signGbcs(DATA, signer.privateKey);
    expect(signing.verify(DATA, ecdsa, signer.publicKey)).to.equal(true);
    expect(signing.verify(DATA, ecdsa, pair().publicKey)).to.equal(false);
    const changed = Buffer.from(ecdsa);
    changed[10]! ^= 0x01;
    expect(signing.verify(DATA, changed, signer.publicKey)).to.equal(false);
  });

  it('is no ECDSA signature: outside the estate a seal does not verify', () => {
    expect(verifyGbcs(DATA, signing.sign(DATA, signer.privateKey), signer.publicKey)).to.equal(false);
  });

  it('refuses to sign with a public key, or with a private key that is not P-256 (ECDSA would make no 64-byte r‖s)', () => {
    expect(() => signing.sign(DATA, signer.publicKey)).to.throw(TypeError, /P-256 private key, got a public ec prime256v1 key/);
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey;
    expect(() => signing.sign(DATA, p384)).to.throw(TypeError, /P-256 private key, got a private ec secp384r1 key/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    expect(() => signing.sign(DATA, rsa)).to.throw(TypeError, /P-256 private key, got a private rsa key/);
  });
});
