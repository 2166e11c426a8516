/**
 * Golden corpus: every RTDS GBCS vector decodes, verifies (signature and/or MAC with the ZAZ1 keys) and
 * re-encodes byte for byte. Test names carry the vector file names.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import { encodeCommandWrapper } from './CommandWrapper.ts';
import { decodePreCommand, encodeGroupingHeader, type GroupingHeader } from './GroupingHeader.ts';
import { verifyMac } from './mac.ts';
import { decodeGbcsMessage } from './message.ts';
import { encodePayload } from './payload.ts';
import { loadVector, privateKey, publicKey, SKIP_RTDS, vectorKind, vectorNames } from './rtdsCorpus.ts';
import { verifyGroupingHeaderSignature } from './signature.ts';

const ACB = Eui.parse('90B3D51F30000002');

const USE_CASE_BY_PREFIX: readonly [string, string][] = [
  ['CS02a', 'CS02a'],
  ['CS02b', 'CS02b'],
  ['CS02c', 'CS02c'],
  ['CS02d', 'CS02d'],
  ['ECS70', 'ECS70'],
  ['GCS28', 'GCS28'],
];

function deviceOf(h: GroupingHeader): Eui {
  return h.originator.hex.startsWith('00DB') ? h.originator : h.recipient;
}

/** Decode, then build the same message again from the decoded structure (payload re-encoded). */
function reencode(bytes: Buffer): Buffer {
  const m = decodeGbcsMessage(bytes);
  const header = encodeGroupingHeader({ ...m.header, content: encodePayload(m.payload) }, m.header.signature);
  return m.wrapped ? encodeCommandWrapper(header, m.wrapped.mac) : header;
}

describe('RTDS GBCS golden corpus', { skip: SKIP_RTDS }, () => {
  const names = vectorNames();

  it('has the vectors this suite was written against', () => {
    expect(names).to.have.length(23);
  });

  for (const name of names) {
    const { kind } = vectorKind(name);
    describe(name, () => {
      const bytes = loadVector(name);
      const useCase = USE_CASE_BY_PREFIX.find(([p]) => name.startsWith(p))?.[1];

      it(`decodes as ${useCase} ${kind === 'RESPONSE' ? 'response' : 'command'}`, () => {
        const m = decodeGbcsMessage(bytes);
        expect(m.payload.useCase).to.equal(useCase);
        expect(m.payload.direction).to.equal(kind === 'RESPONSE' ? 'response' : 'command');
        expect(m.header.craFlag).to.equal(kind === 'RESPONSE' ? 'response' : 'command');
        expect(m.frame).to.equal(
          kind === 'COMMAND' || name.startsWith('CS02aMAC') ? 'wrapped' : 'groupingHeader',
        );
        if (kind === 'PRECOMMAND') expect(m.header.signature).to.equal('omitted');
      });

      it('re-encodes from the decoded structure byte for byte', () => {
        expect(reencode(bytes).toString('hex')).to.equal(bytes.toString('hex'));
      });

      if (kind !== 'PRECOMMAND') {
        const m = decodeGbcsMessage(bytes);
        if (Buffer.isBuffer(m.header.signature)) {
          it(`signature verifies with the DS certificate of ${m.header.originator.hex}`, () => {
            const verdict = verifyGroupingHeaderSignature(m.header, publicKey(m.header.originator, 'DS'));
            expect(verdict.reasons).to.deep.equal([]);
          });
          it('signature does not verify with another DS key', () => {
            const other = m.header.originator.equals(ACB) ? Eui.parse('90B3D51F30010000') : ACB;
            expect(verifyGroupingHeaderSignature(m.header, publicKey(other, 'DS')).ok).to.equal(false);
          });
        } else {
          it('carries no signature (MAC only)', () => {
            expect(m.header.signature).to.equal('none');
          });
        }
        if (m.wrapped) {
          const wrapped = m.wrapped;
          it(`MAC verifies with the ACB KA key and ${deviceOf(m.header).hex} KA certificate`, () => {
            const verdict = verifyMac(wrapped, privateKey(ACB, 'KA'), publicKey(deviceOf(m.header), 'KA'));
            expect(verdict.reasons).to.deep.equal([]);
          });
        }
      }
    });
  }

  describe('pre-command / command / response triples', () => {
    const stems = [...new Set(names.map((n) => vectorKind(n).stem))];
    for (const stem of stems) {
      const has = (k: string) => names.includes(`${stem}_${k}_GBCS.HEX`);
      if (has('PRECOMMAND') && has('COMMAND')) {
        it(`${stem}: the command is the pre-command, signed, then MAC'd`, () => {
          const pre = decodePreCommand(loadVector(`${stem}_PRECOMMAND_GBCS.HEX`));
          const cmd = decodeGbcsMessage(loadVector(`${stem}_COMMAND_GBCS.HEX`));
          expect(cmd.header.signedBytes.toString('hex')).to.equal(pre.signedBytes.toString('hex'));
        });
      }
      if (has('COMMAND') && has('RESPONSE')) {
        it(`${stem}: the response answers the command (same counter and code, titles swapped)`, () => {
          const cmd = decodeGbcsMessage(loadVector(`${stem}_COMMAND_GBCS.HEX`)).header;
          const res = decodeGbcsMessage(loadVector(`${stem}_RESPONSE_GBCS.HEX`)).header;
          expect(res.originatorCounter).to.equal(cmd.originatorCounter);
          expect(res.messageCode).to.equal(cmd.messageCode);
          expect(res.originator.equals(cmd.recipient) && res.recipient.equals(cmd.originator)).to.equal(true);
        });
      }
    }
  });
});
