/**
 * A fleet of an estate with in-process signing (decision 0013): its devices check commands' GBCS
 * seals with the key of their authorising cell and seal their responses – the same acceptances and
 * refusals as with ECDSA.
 */
import { X509Certificate } from 'node:crypto';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import {
  IN_PROCESS_SEAL_TAG,
  InProcessGbcsSigning,
  verifyGroupingHeaderSignature,
  wrapWithMac,
} from '../gbcs/index.ts';
import { ALERT_CODES } from './alertCodec.ts';
import type { Device } from './Device.ts';
import {
  ACB,
  cellHolders,
  certificateFor,
  command,
  credential,
  cs02b,
  decodeResponse,
  installed,
  SUPPLIER,
  SUPPLIER_B,
  world,
} from './testSupport.ts';

const SEALS = new InProcessGbcsSigning(Buffer.alloc(32, 1));

function fresh() {
  const device = installed(world(undefined, SEALS));
  return { device, before: cellHolders(device) };
}

/** Supplier A hands its DS cell to supplier B (CS02b, supplier by supplier). */
function handOver(device: Device, options: Partial<Parameters<typeof command>[0]> = {}): Buffer {
  return command({
    from: SUPPLIER,
    to: device,
    counter: 20n,
    payload: cs02b('supplierBySupplier', [{ cell: 'supplierDS', certificate: certificateFor(SUPPLIER_B, 'supplierDS') }], 20n),
    signing: SEALS,
    ...options,
  });
}

describe('a device whose estate signs in process', () => {
  it("executes a command sealed with the holder's key and seals its response with its own DS key", () => {
    const { device, before } = fresh();
    const result = device.handle(handOver(device));
    expect(result.outcome.status).to.equal('executed');
    expect(cellHolders(device).supplierDS).to.not.equal(before.supplierDS);
    const response = decodeResponse(result.response);
    const signature = response.header.signature as Buffer;
    expect(signature.subarray(32).equals(IN_PROCESS_SEAL_TAG)).to.equal(true);
    const devicePublicKey = new X509Certificate(device.deviceCertificate('DS')).publicKey;
    expect(verifyGroupingHeaderSignature(response.header, devicePublicKey, SEALS).ok).to.equal(true);
    // Outside the estate the seal is no signature.
    expect(verifyGroupingHeaderSignature(response.header, devicePublicKey).ok).to.equal(false);
  });

  it('refuses with 0x8F3D, changing nothing, a seal made with a key other than the holder’s', () => {
    const { device, before } = fresh();
    const result = device.handle(handOver(device, { signer: credential(SUPPLIER_B, 'DS').privateKey }));
    expect(result.outcome.status).to.equal('refused');
    expect(result.outcome.reasons[0]!.code).to.equal('bad-signature');
    expect(result.outcome.alertCodes).to.deep.equal([ALERT_CODES.trustedSourceAuthenticationFailure]);
    expect(result.response).to.equal(undefined);
    expect(cellHolders(device)).to.deep.equal(before);
    expect(device.counter('supplier')).to.equal(0n);
  });

  it("refuses another estate's seal, and a seal with a byte flipped under a good ACB MAC", () => {
    const { device, before } = fresh();
    const foreign = device.handle(handOver(device, { signing: new InProcessGbcsSigning(Buffer.alloc(32, 2)) }));
    expect(foreign.outcome.reasons[0]!.code).to.equal('bad-signature');
    // Flip a byte of the seal's HMAC half, then MAC the frame as the DCC would: only the seal is wrong.
    const sealed = handOver(device, { mac: 'none' });
    sealed[sealed.length - 64 + 5]! ^= 0x01;
    const acbMac = wrapWithMac(sealed, credential(ACB, 'KA').privateKey, new X509Certificate(device.deviceCertificate('KA')).publicKey);
    const flipped = device.handle(acbMac);
    expect(flipped.outcome.reasons.map((r) => r.code)).to.deep.equal(['bad-signature']);
    expect(flipped.outcome.alertCodes).to.deep.equal([ALERT_CODES.trustedSourceAuthenticationFailure]);
    expect(cellHolders(device)).to.deep.equal(before);
    expect(device.counter('supplier')).to.equal(0n);
  });

  it('still accepts a command signed with ECDSA by the holder', () => {
    const { device } = fresh();
    const result = device.handle(handOver(device, { signing: undefined }));
    expect(result.outcome.status, JSON.stringify(result.outcome.reasons)).to.equal('executed');
  });
});
