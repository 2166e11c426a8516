/** summariseCertificate: what CS02d / CS02e need from a device certificate, read once per certificate. */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import { Smki } from '../smki/index.ts';
import { summariseCertificate } from './x509.ts';

const EUI = Eui.parse('00-DB-12-34-56-78-90-A0');
const smki = new Smki('x509 summary test');
const der = (generation: number) => smki.issueDeviceCertificate({ eui: EUI, usage: 'KA', generation }, smki.deviceKeyPair({ eui: EUI, usage: 'KA', generation })).der;

describe('summariseCertificate', () => {
  it("reads the device's identity, key usage and key", () => {
    const summary = summariseCertificate(der(1));
    expect(summary.deviceId?.hex).to.equal(EUI.hex);
    expect(summary.keyUsage).to.equal('KA');
    expect(summary.subjectPublicKeyInfo.length).to.equal(91);
  });

  it('gives the same summary for the same bytes, holding none of the caller’s buffer', () => {
    const bytes = Buffer.from(der(2));
    const first = summariseCertificate(bytes);
    const spki = Buffer.from(first.subjectPublicKeyInfo);
    expect(summariseCertificate(Buffer.from(bytes)), 'another copy of the bytes').to.equal(first);
    expect(Object.isFrozen(first)).to.equal(true);
    expect(first.subjectPublicKeyInfo.buffer).to.not.equal(bytes.buffer);
    bytes.fill(0);
    expect(first.subjectPublicKeyInfo.equals(spki), 'the caller changing its bytes changes nothing').to.equal(true);
    expect(summariseCertificate(der(3)).subjectPublicKeyInfo.equals(spki), 'another certificate, another key').to.equal(false);
  });

  it('refuses bytes that are not a certificate every time, naming each caller’s field', () => {
    const junk = Buffer.from('3003020101', 'hex');
    expect(() => summariseCertificate(junk, 0, 'CS02d certificate')).to.throw(/CS02d certificate/);
    expect(() => summariseCertificate(junk, 0, 'CS02e certificate')).to.throw(/CS02e certificate/);
  });
});
