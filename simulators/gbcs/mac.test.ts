/** The shared-secret cache behind the GBCS MAC: one Z per pair of keys, never a Z for the wrong keys. */
import type * as crypto from 'node:crypto';
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import { deriveKeyPair } from '../smki/keys.ts';
import { decodeCommandWrapper } from './CommandWrapper.ts';
import { macForGroupingHeader, verifyMac, wrapWithMac } from './mac.ts';
import { buildPreCommand } from './message.ts';

const SUPPLIER = Eui.parse('90B3D51F30010000');
const ESME = Eui.parse('00DB1234567890A0');
const header = Buffer.concat([
  buildPreCommand({
    originatorCounter: 0x42n,
    originator: SUPPLIER,
    recipient: ESME,
    payload: { useCase: 'CS02c', direction: 'command', value: { keyUsage: 'KA' } },
  }),
  Buffer.from([0]),
]);
const p256 = () => generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
/** Another key object for the same key, as a second holder of it would have. */
const again = (key: KeyObject): KeyObject =>
  key.type === 'private'
    ? createPrivateKey(key.export({ format: 'pem', type: 'pkcs8' }))
    : createPublicKey(key.export({ format: 'pem', type: 'spki' }));

/** Counts node:crypto's diffieHellman calls made while `run` runs (mac.ts's import binding included). */
function countingDiffieHellman(run: () => void): number {
  const cjs = createRequire(import.meta.url)('node:crypto') as typeof crypto;
  const original = cjs.diffieHellman;
  let calls = 0;
  cjs.diffieHellman = (options) => {
    calls++;
    return original(options);
  };
  syncBuiltinESMExports();
  try {
    run();
  } finally {
    cjs.diffieHellman = original;
    syncBuiltinESMExports();
  }
  return calls;
}

describe('GBCS MAC shared secrets', () => {
  it('both sides, holding different key objects for the pair, share one ECDH computation', () => {
    const acb = deriveKeyPair('mac-cache', `acb/${Date.now()}`);
    const device = p256();
    let fromDsp: Buffer | undefined;
    let fromDevice: Buffer | undefined;
    const calls = countingDiffieHellman(() => {
      fromDsp = macForGroupingHeader(header, acb.privateKey, again(device.publicKey));
      fromDevice = macForGroupingHeader(header, again(device.privateKey), again(acb.publicKey));
    });
    expect(fromDevice!.equals(fromDsp!)).to.equal(true);
    expect(calls, 'one diffieHellman for the pair (0 would mean the count missed it)').to.equal(1);
  });

  it('a wrong private key makes a different MAC, also once the right pair is cached', () => {
    const acb = p256();
    const device = p256();
    const intruder = p256();
    const wrapped = decodeCommandWrapper(wrapWithMac(header, acb.privateKey, device.publicKey));
    expect(verifyMac(wrapped, device.privateKey, acb.publicKey).ok).to.equal(true);
    const forged = macForGroupingHeader(header, intruder.privateKey, device.publicKey);
    expect(forged.equals(wrapped.mac)).to.equal(false);
    const verdict = verifyMac(wrapped, intruder.privateKey, acb.publicKey);
    expect(verdict.ok).to.equal(false);
    expect(verdict.reasons.map((r) => r.code)).to.deep.equal(['bad-mac']);
  });

  it('refuses what diffieHellman refuses: a public key as the private one, keys on different curves', () => {
    const acb = p256();
    const device = p256();
    macForGroupingHeader(header, acb.privateKey, device.publicKey);
    expect(() => macForGroupingHeader(header, acb.publicKey, device.publicKey)).to.throw(/private/i);
    const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
    expect(() => macForGroupingHeader(header, acb.privateKey, p384.publicKey)).to.throw();
  });
});
