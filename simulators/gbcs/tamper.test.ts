/** Tampered RTDS messages fail verification with a clear reason; corrupted ones fail decoding cleanly. */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import { decodeCommandWrapper } from './CommandWrapper.ts';
import { GbcsDecodeError } from './GbcsDecodeError.ts';
import { decodeGroupingHeader } from './GroupingHeader.ts';
import { verifyMac } from './mac.ts';
import { decodeGbcsMessage } from './message.ts';
import { loadVector, privateKey, publicKey, SKIP_RTDS, vectorNames } from './rtdsCorpus.ts';
import { verifyGroupingHeaderSignature } from './signature.ts';

const SUPPLIER = Eui.parse('90B3D51F30010000');
const ESME = Eui.parse('00DB1234567890A0');
const ACB = Eui.parse('90B3D51F30000002');

function decodeError(f: () => unknown): GbcsDecodeError {
  try {
    f();
  } catch (e) {
    if (e instanceof GbcsDecodeError) return e;
    throw new Error(`expected a GbcsDecodeError, got ${String(e)}`, { cause: e });
  }
  throw new Error('expected a GbcsDecodeError, but the input decoded');
}

describe('tampered RTDS messages fail verification with a clear reason', { skip: SKIP_RTDS }, () => {
  it('a flipped content byte breaks the signature', () => {
    const bytes = Buffer.from(loadVector('CS02bNOByNO_6.15.1_SUCCESS_RESPONSE_GBCS.HEX'));
    bytes[60] = bytes[60]! ^ 0x01;
    const h = decodeGroupingHeader(bytes);
    const verdict = verifyGroupingHeaderSignature(h, publicKey(ESME, 'DS'));
    expect(verdict.ok).to.equal(false);
    expect(verdict.reasons[0]?.code).to.equal('bad-signature');
    expect(verdict.reasons[0]?.message).to.match(
      /the signature of response #1200 from 00-DB-12-34-56-78-90-A0 does not verify/,
    );
  });

  it('a flipped signature byte breaks the signature; a MAC-only header says it is unsigned', () => {
    const bytes = Buffer.from(loadVector('CS02c_6.17_SUCCESS_COMMAND_GBCS.HEX'));
    bytes[bytes.length - 20] = bytes[bytes.length - 20]! ^ 0x80;
    const m = decodeCommandWrapper(bytes);
    expect(verifyGroupingHeaderSignature(m.header, publicKey(SUPPLIER, 'DS')).reasons[0]?.code).to.equal(
      'bad-signature',
    );
    const cs02a = decodeCommandWrapper(loadVector('CS02aMAC_6.24.1_SUCCESS_COMMAND_GBCS.HEX'));
    expect(verifyGroupingHeaderSignature(cs02a.header, publicKey(ACB, 'DS')).reasons[0]?.code).to.equal(
      'unsigned',
    );
  });

  it('a flipped MAC byte, or the wrong device key, fails the MAC check', () => {
    const bytes = Buffer.from(loadVector('CS02c_6.17_SUCCESS_COMMAND_GBCS.HEX'));
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0x01;
    const verdict = verifyMac(decodeCommandWrapper(bytes), privateKey(ACB, 'KA'), publicKey(ESME, 'KA'));
    expect(verdict.reasons[0]?.code).to.equal('bad-mac');
    expect(verdict.reasons[0]?.message).to.match(
      /the MAC of command #1000 from 90-B3-D5-1F-30-01-00-00 to 00-DB-12-34-56-78-90-A0 is [0-9A-F]{24}; the keys given make/,
    );
    const intact = decodeCommandWrapper(loadVector('CS02c_6.17_SUCCESS_COMMAND_GBCS.HEX'));
    const wrongDevice = Eui.parse('00DB1234567890A2');
    expect(verifyMac(intact, privateKey(ACB, 'KA'), publicKey(wrongDevice, 'KA')).ok).to.equal(false);
  });

  it('every truncation and every single-byte corruption of every vector either decodes or throws GbcsDecodeError', () => {
    let failures = 0;
    for (const name of vectorNames()) {
      const bytes = loadVector(name);
      const attempt = (bad: Buffer, what: string) => {
        try {
          decodeGbcsMessage(bad);
        } catch (e) {
          if (!(e instanceof GbcsDecodeError)) {
            failures++;
            if (failures < 5) console.error(name, what, e);
          }
        }
      };
      for (let n = 0; n < bytes.length; n++) {
        // A wrapped frame carries its length, so no truncation of it may decode.
        if (bytes[0] === 0xdd) decodeError(() => decodeGbcsMessage(bytes.subarray(0, n)));
        else attempt(bytes.subarray(0, n), `truncated to ${n}`);
      }
      for (let i = 0; i < bytes.length; i++) {
        for (const mask of [0x01, 0x80, 0xff]) {
          const bad = Buffer.from(bytes);
          bad[i] = bad[i]! ^ mask;
          attempt(bad, `byte ${i} ^ ${mask}`);
        }
      }
    }
    expect(failures).to.equal(0);
  });
});
