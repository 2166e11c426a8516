/** ECDSA signatures between r‖s and DER: exact both ways, and strict as OpenSSL is when reading DER. */
import { generateKeyPairSync, randomBytes, sign, verify } from 'node:crypto';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { derOfRawSignature, rawOfDerSignature } from './ecdsaSignatureDer.ts';

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const DATA = Buffer.from('a CertificationRequestInfo stands here');

describe('ECDSA signature forms', () => {
  it("gives node's own DER from the r‖s of the same signature, and back, for 200 signatures", () => {
    for (let i = 0; i < 200; i++) {
      const der = sign('sha256', DATA, privateKey);
      const raw = rawOfDerSignature(der)!;
      expect(raw).to.have.length(64);
      expect(verify('sha256', DATA, { key: publicKey, dsaEncoding: 'ieee-p1363' }, raw)).to.equal(true);
      expect(derOfRawSignature(raw).equals(der)).to.equal(true);
    }
  });

  it('writes minimal INTEGERs: leading zeros dropped, 00 before a high bit, a zero as one byte', () => {
    const raw = Buffer.alloc(64);
    raw[31] = 0x05; // r = 5
    raw[32] = 0x80; // s = 0x80 00…00
    expect(derOfRawSignature(raw).toString('hex')).to.equal(`302602010502210080${'00'.repeat(31)}`);
    expect(derOfRawSignature(Buffer.alloc(64)).toString('hex')).to.equal('3006020100020100');
    for (let i = 0; i < 200; i++) {
      const r = randomBytes(64);
      r.fill(0, 0, i % 5);
      expect(rawOfDerSignature(derOfRawSignature(r))!.equals(r)).to.equal(true);
    }
    expect(() => derOfRawSignature(Buffer.alloc(63))).to.throw(RangeError, /64 bytes, got 63/);
  });

  it('reads nothing but one SEQUENCE of two minimal positive INTEGERs of at most 32 bytes, as OpenSSL verifies', () => {
    const good = sign('sha256', DATA, privateKey);
    const r = good.subarray(2, 2 + 2 + good[3]!);
    const s = good.subarray(2 + r.length);
    const seq = (...parts: Buffer[]) => {
      const body = Buffer.concat(parts);
      return Buffer.concat([Buffer.from([0x30, body.length]), body]);
    };
    const int = (content: Buffer) => Buffer.concat([Buffer.from([0x02, content.length]), content]);
    const bad: Record<string, Buffer> = {
      'trailing byte': Buffer.concat([good, Buffer.from([0])]),
      'wrong outer length': Buffer.concat([Buffer.from([0x30, good[1]! + 1]), good.subarray(2), Buffer.from([0])]),
      'long-form length': Buffer.concat([Buffer.from([0x30, 0x81, good[1]!]), good.subarray(2)]),
      'not a SEQUENCE': Buffer.concat([Buffer.from([0x31]), good.subarray(1)]),
      'one INTEGER': seq(r),
      'three INTEGERs': seq(r, s, int(Buffer.from([1]))),
      'non-minimal r': seq(int(Buffer.from([0x00, 0x01])), s),
      'negative s': seq(r, int(Buffer.from([0x80, 0x01]))),
      'empty r': seq(int(Buffer.alloc(0)), s),
      '33-byte r': seq(int(Buffer.concat([Buffer.from([0x01]), Buffer.alloc(32, 0x11)])), s),
      'OCTET STRING for s': seq(r, Buffer.concat([Buffer.from([0x04]), s.subarray(1)])),
      empty: Buffer.alloc(0),
    };
    for (const [what, der] of Object.entries(bad)) {
      expect(rawOfDerSignature(der), what).to.equal(undefined);
      let nodeAccepts: boolean;
      try {
        nodeAccepts = verify('sha256', DATA, publicKey, der);
      } catch {
        nodeAccepts = false;
      }
      expect(nodeAccepts, `node:crypto on ${what}`).to.equal(false);
    }
  });
});
