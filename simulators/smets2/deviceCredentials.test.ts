/** CS02c → CS02d → CS02e with harness keys: new key pairs, deterministic, installed only when they match. */
import { X509Certificate } from 'node:crypto';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { KeyUsage } from '../core/roles.ts';
import { cs02dCommand, verifyDeviceCsr, verifyGroupingHeaderSignature } from '../gbcs/index.ts';
import { ALERT_CODES } from './alertCodec.ts';
import { CS02D_STATUS } from './credentialUseCases.ts';
import type { Device } from './Device.ts';
import { command, decodeResponse, ESME, GSME, installed, SUPPLIER, world } from './testSupport.ts';

let counter = 100n;
function send(device: Device, payload: Parameters<typeof command>[0]['payload']) {
  counter += 1n;
  return device.handle(command({ from: SUPPLIER, to: device, counter, payload }));
}

function issue(device: Device, keyUsage: KeyUsage) {
  const m = decodeResponse(
    send(device, { useCase: 'CS02c', direction: 'command', value: { keyUsage } }).response,
  );
  if (m.payload.useCase !== 'CS02c' || m.payload.direction !== 'response') throw new Error('not CS02c');
  return m.payload.value.csr;
}

function update(device: Device, certificate: Buffer) {
  const result = send(device, { useCase: 'CS02d', direction: 'command', value: cs02dCommand(certificate) });
  const m = decodeResponse(result.response);
  if (m.payload.useCase !== 'CS02d' || m.payload.direction !== 'response') throw new Error('not CS02d');
  return { status: m.payload.value.status, result };
}

describe('device credentials (CS02c, CS02d, CS02e)', () => {
  for (const usage of ['DS', 'KA'] as const) {
    it(`${usage}: CS02c makes a pending key, CS02d with its certificate installs it, CS02e reports it`, () => {
      const w = world();
      const device = installed(w);
      const csr = issue(device, usage);
      expect(verifyDeviceCsr(csr)).to.equal(true);
      expect(csr.keyUsage).to.equal(usage);
      expect(csr.deviceId!.equals(ESME)).to.equal(true);
      // The same seed, EUI, usage and generation give the same key: the SMKI issues the matching certificate.
      const issued = w.smki.issueDeviceCertificate({ eui: ESME, usage, generation: 1 }).der;
      const { status, result } = update(device, issued);
      expect(status).to.equal(CS02D_STATUS.success);
      expect(result.outcome.alertCodes).to.deep.equal([
        usage === 'DS'
          ? ALERT_CODES.deviceDsCertificateReplacementSucceeded
          : ALERT_CODES.deviceKaCertificateReplacementSucceeded,
      ]);
      expect(device.keyGeneration(usage)).to.equal(1);
      const e = decodeResponse(
        send(device, { useCase: 'CS02e', direction: 'command', value: { keyUsage: usage } }).response,
      );
      if (e.payload.useCase !== 'CS02e' || e.payload.direction !== 'response') throw new Error('not CS02e');
      expect(e.payload.value.certificate.equals(issued)).to.equal(true);
      // Responses are now signed (DS) / MAC'd (KA) with the new key.
      if (usage === 'DS')
        expect(verifyGroupingHeaderSignature(e.header, new X509Certificate(issued).publicKey).ok).to.equal(
          true,
        );
    });
  }

  it('CS02d refuses the wrong public key (5), another device (2), no pending key (4), and a non-certificate profile (1)', () => {
    const w = world();
    const device = installed(w);
    expect(
      update(device, w.smki.issueDeviceCertificate({ eui: ESME, usage: 'DS', generation: 1 }).der).status,
    ).to.equal(CS02D_STATUS.noCorrespondingKeyPair);
    issue(device, 'DS');
    expect(
      update(device, w.smki.issueDeviceCertificate({ eui: ESME, usage: 'DS', generation: 7 }).der).status,
    ).to.equal(CS02D_STATUS.wrongPublicKey);
    expect(
      update(device, w.smki.issueDeviceCertificate({ eui: GSME, usage: 'DS', generation: 1 }).der).status,
    ).to.equal(CS02D_STATUS.wrongDeviceIdentity);
    const org = w.smki.issueOrganisationCertificate({ eui: SUPPLIER, role: 'supplier', usage: 'DS' }).der;
    const { status, result } = update(device, org);
    expect(status).to.equal(CS02D_STATUS.invalidCertificate);
    expect(result.outcome.alertCodes).to.deep.equal([ALERT_CODES.deviceDsCertificateReplacementFailed]);
    expect(device.keyGeneration('DS')).to.equal(0);
  });

  it('a second CS02c before CS02d moves on to the next generation', () => {
    const w = world();
    const device = installed(w);
    const first = issue(device, 'KA');
    const second = issue(device, 'KA');
    expect(first.subjectPublicKeyInfo.equals(second.subjectPublicKeyInfo)).to.equal(false);
    const g2 = w.smki.issueDeviceCertificate({ eui: ESME, usage: 'KA', generation: 2 }).der;
    expect(update(device, g2).status).to.equal(CS02D_STATUS.success);
    expect(device.keyGeneration('KA')).to.equal(2);
  });
});
