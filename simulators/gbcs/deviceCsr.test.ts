/** verifyDeviceCsr with cached key objects: the signature is still checked on the CSR's own bytes. */
import { createPublicKey } from 'node:crypto';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import { deriveKeyPair } from '../smki/keys.ts';
import { buildDeviceCsr, decodeDeviceCsr, verifyDeviceCsr } from './deviceCsr.ts';
import { IN_PROCESS_SEAL_TAG, InProcessGbcsSigning } from './InProcessGbcsSigning.ts';

const DEVICE = Eui.parse('00-DB-12-34-56-78-90-A0');

describe('verifyDeviceCsr', () => {
  const keys = deriveKeyPair('device-csr', 'device/00DB1234567890A0/DS/1');
  const csr = decodeDeviceCsr(buildDeviceCsr({ ...keys, keyUsage: 'DS', deviceId: DEVICE }));

  it('accepts the CSR of a key just derived, and every time it is asked', () => {
    expect(verifyDeviceCsr(csr)).to.equal(true);
    expect(verifyDeviceCsr(decodeDeviceCsr(Buffer.from(csr.der)))).to.equal(true);
  });

  it('refuses the same key with other bytes signed, or another signature', () => {
    const info = Buffer.from(csr.certificationRequestInfo);
    info[info.length - 1]! ^= 0x01;
    expect(verifyDeviceCsr({ ...csr, certificationRequestInfo: info })).to.equal(false);
    const other = deriveKeyPair('device-csr', 'device/00DB1234567890A0/DS/2');
    const forged = decodeDeviceCsr(buildDeviceCsr({ privateKey: other.privateKey, publicKey: keys.publicKey, keyUsage: 'DS', deviceId: DEVICE }));
    expect(verifyDeviceCsr(forged)).to.equal(false);
  });

  it('throws what node:crypto throws for a key that does not import (a point off the curve)', () => {
    const spki = Buffer.from(csr.subjectPublicKeyInfo);
    spki[spki.length - 1]! ^= 0x01;
    let expected: Error | undefined;
    try {
      createPublicKey({ key: spki, format: 'der', type: 'spki' });
    } catch (error) {
      expected = error as Error;
    }
    expect(expected).to.be.instanceOf(Error);
    expect(() => verifyDeviceCsr({ ...csr, subjectPublicKeyInfo: spki })).to.throw(expected!.message);
  });

  it('refuses a signature in another DER encoding of the same r and s (a non-minimal INTEGER), as OpenSSL does', () => {
    const sig = csr.signature;
    const rLength = sig[3]!;
    const padded = Buffer.concat([
      Buffer.from([0x30, sig[1]! + 1, 0x02, rLength + 1, 0x00]),
      sig.subarray(4),
    ]);
    expect(verifyDeviceCsr({ ...csr, signature: padded })).to.equal(false);
  });
});

describe('a device CSR sealed in process (decision 0013)', () => {
  const seals = new InProcessGbcsSigning(Buffer.alloc(32, 3));
  const keys = deriveKeyPair('device-csr', 'device/00DB1234567890A0/KA/1');
  const csr = decodeDeviceCsr(buildDeviceCsr({ ...keys, keyUsage: 'KA', deviceId: DEVICE }, seals));

  it('carries the seal as the DER r and s, and verifies with the same estate’s seals only', () => {
    expect(csr.signature.subarray(-32).equals(IN_PROCESS_SEAL_TAG)).to.equal(true);
    expect(verifyDeviceCsr(csr, seals)).to.equal(true);
    expect(verifyDeviceCsr(csr), 'as ECDSA').to.equal(false);
    expect(verifyDeviceCsr(csr, new InProcessGbcsSigning(Buffer.alloc(32, 4))), 'another estate').to.equal(false);
  });

  it('fails for other bytes, or a seal made with another key than the one the CSR carries', () => {
    const info = Buffer.from(csr.certificationRequestInfo);
    info[info.length - 1]! ^= 0x01;
    expect(verifyDeviceCsr({ ...csr, certificationRequestInfo: info }, seals)).to.equal(false);
    const other = deriveKeyPair('device-csr', 'device/00DB1234567890A0/KA/2');
    const forged = decodeDeviceCsr(buildDeviceCsr({ privateKey: other.privateKey, publicKey: keys.publicKey, keyUsage: 'KA', deviceId: DEVICE }, seals));
    expect(verifyDeviceCsr(forged, seals)).to.equal(false);
  });

  it('still verifies an ECDSA CSR through the seals (a real device’s)', () => {
    const ecdsa = decodeDeviceCsr(buildDeviceCsr({ ...keys, keyUsage: 'KA', deviceId: DEVICE }));
    expect(verifyDeviceCsr(ecdsa, seals)).to.equal(true);
  });
});
