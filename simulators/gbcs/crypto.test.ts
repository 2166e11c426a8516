/** Signatures and MACs with freshly generated keys: both sides agree, re-signing replaces. */
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import { decodeGroupingHeader } from './GroupingHeader.ts';
import { deriveGbcsKey, macForGroupingHeader } from './mac.ts';
import { buildPreCommand } from './message.ts';
import { signGroupingHeader, verifyGroupingHeaderSignature } from './signature.ts';

const SUPPLIER = Eui.parse('90B3D51F30010000');
const ESME = Eui.parse('00DB1234567890A0');

describe('signatures and MACs with generated keys', () => {
  const header = buildPreCommand({
    originatorCounter: 0x1234n,
    originator: ESME,
    recipient: SUPPLIER,
    payload: { useCase: 'CS02c', direction: 'command', value: { keyUsage: 'KA' } },
  });

  it('either side computes the same MAC: its private key with the other side’s public key', () => {
    const dcc = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const device = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const signed = Buffer.concat([header, Buffer.from([0])]);
    const a = macForGroupingHeader(signed, dcc.privateKey, device.publicKey);
    const b = macForGroupingHeader(signed, device.privateKey, dcc.publicKey);
    expect(a.toString('hex')).to.equal(b.toString('hex'));
    expect(a).to.have.length(12);
    const params = { originator: ESME, recipient: SUPPLIER, originatorCounter: 0x1234n };
    const commandKey = deriveGbcsKey({
      ...params,
      privateKey: dcc.privateKey,
      publicKey: device.publicKey,
      mode: 'command',
    });
    const responseKey = deriveGbcsKey({
      ...params,
      privateKey: dcc.privateKey,
      publicKey: device.publicKey,
      mode: 'response',
    });
    expect(commandKey.equals(responseKey)).to.equal(false);
  });

  it('signGroupingHeader replaces an existing signature', () => {
    const k1 = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const k2 = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const once = signGroupingHeader(Buffer.concat([header, Buffer.from([0])]), k1.privateKey);
    const twice = signGroupingHeader(once, k2.privateKey);
    expect(twice.length).to.equal(once.length);
    expect(verifyGroupingHeaderSignature(decodeGroupingHeader(twice), k2.publicKey).ok).to.equal(true);
    expect(verifyGroupingHeaderSignature(decodeGroupingHeader(twice), k1.publicKey).ok).to.equal(false);
  });
});
