import { X509Certificate } from 'node:crypto';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { SimulatedClock } from '../core/clock.ts';
import { Eui } from '../core/Eui.ts';
import type { KeyUsage } from '../core/roles.ts';
import { buildDeviceCsr, decodeDeviceCsr, type DeviceCsr } from '../gbcs/index.ts';
import { checkDeviceCertificate } from '../smki/check.ts';
import { describeCertificate } from '../smki/describe.ts';
import { Smki } from '../smki/Smki.ts';
import { certifyCsr } from './requestBodies.ts';

const clock = new SimulatedClock();
const ESME = Eui.parse('00-DB-12-34-56-78-90-A0');
const OTHER = Eui.parse('00-DB-12-34-56-78-90-A1');
const smki = new Smki('certify-csr');

/** A CSR as the device answers CS02c, for a new key of generation 2. */
function csrOf(deviceId: Eui, keyUsage: KeyUsage, signedBy: Eui = deviceId): { csr: DeviceCsr; spki: Buffer } {
  const keys = smki.deviceKeyPair({ eui: signedBy, usage: keyUsage, generation: 2 });
  const der = buildDeviceCsr({ privateKey: keys.privateKey, publicKey: keys.publicKey, keyUsage, deviceId });
  return { csr: decodeDeviceCsr(der), spki: keys.publicKey.export({ type: 'spki', format: 'der' }) };
}

describe("certifyCsr: the SMKI's certificate for a device's CSR", () => {
  for (const usage of ['DS', 'KA'] as const) {
    it(`certifies the key of a ${usage} CSR for the device it names`, () => {
      const { csr, spki } = csrOf(ESME, usage);
      const der = certifyCsr(smki, ESME, csr);
      if (der === undefined) throw new Error('expected a certificate');
      expect(new X509Certificate(der).publicKey.export({ type: 'spki', format: 'der' }).equals(spki)).to.equal(true);
      expect(checkDeviceCertificate(der, { clock, issuer: smki.deviceCa, expectedEui: ESME, expectedUsage: usage })).to.deep.equal({ ok: true, reasons: [] });
      expect(der.equals(smki.certifyDeviceKey({ eui: ESME, usage, subjectPublicKeyInfo: spki }))).to.equal(true);
      expect(certifyCsr(smki, ESME, csr)!.equals(der), 'the same CSR, the same certificate').to.equal(true);
    });
  }

  it('certifies a key the device generated, not the one its first certificate holds', () => {
    const { csr } = csrOf(ESME, 'DS');
    const first = smki.issueDeviceCertificate({ eui: ESME, usage: 'DS' }).der;
    const der = certifyCsr(smki, ESME, csr)!;
    expect(describeCertificate(der).serial).to.not.equal(describeCertificate(first).serial);
  });

  it('refuses a CSR whose signature does not verify (one byte of the signature flipped)', () => {
    const { csr } = csrOf(ESME, 'DS');
    const signature = Buffer.from(csr.signature);
    signature[signature.length - 1]! ^= 0x01;
    expect(certifyCsr(smki, ESME, { ...csr, signature })).to.equal(undefined);
  });

  it('refuses a CSR whose DER was changed after signing (one byte of the signed request flipped)', () => {
    const { csr } = csrOf(ESME, 'DS');
    const info = Buffer.from(csr.certificationRequestInfo);
    info[info.length - 1]! ^= 0x01;
    expect(certifyCsr(smki, ESME, { ...csr, certificationRequestInfo: info })).to.equal(undefined);
  });

  it('refuses a CSR for a key that did not sign it', () => {
    const { csr } = csrOf(ESME, 'DS');
    const { spki: otherKey } = csrOf(ESME, 'KA');
    expect(certifyCsr(smki, ESME, { ...csr, subjectPublicKeyInfo: otherKey })).to.equal(undefined);
  });

  it('refuses a CSR naming another device', () => {
    const { csr } = csrOf(OTHER, 'DS', ESME);
    expect(csr.deviceId?.equals(OTHER)).to.equal(true);
    expect(certifyCsr(smki, ESME, csr)).to.equal(undefined);
    expect(certifyCsr(smki, OTHER, csr), 'the device it names gets it').to.not.equal(undefined);
  });

  it('refuses a CSR that names no key usage', () => {
    const { csr } = csrOf(ESME, 'DS');
    const { keyUsage: _usage, ...withoutUsage } = csr;
    expect(certifyCsr(smki, ESME, withoutUsage)).to.equal(undefined);
  });
});
