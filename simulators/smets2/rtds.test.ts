/**
 * RTDS compatibility: devices 00-DB-12-34-56-78-90-A0 (ESME) and …A1 (GSME) whose cells hold the RTDS
 * ZAZ1 certificates take DCC's own RTDS command bytes unchanged and answer what the RTDS responses
 * show. The harness has not got the RTDS devices' KA private keys, so those devices keep their
 * published KA certificate and the fleet checks (and makes) the ACB MAC from the remote side with the
 * RTDS ACB KA private key: ECDH gives the same key. Device DS keys are harness-derived, so response
 * signatures differ from RTDS while the signed bytes are compared.
 */
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { SimulatedClock } from '../core/clock.ts';
import { Eui } from '../core/Eui.ts';
import { decodeGbcsMessage, verifyDeviceCsr, verifyGroupingHeaderSignature } from '../gbcs/index.ts';
import { certificate, KEYS_DIR, loadVector, privateKey, publicKey, SKIP_RTDS } from '../gbcs/rtdsCorpus.ts';
import { Smki } from '../smki/index.ts';
import type { CellName } from './cells.ts';
import type { Device } from './Device.ts';
import { Fleet } from './Fleet.ts';
import { cellHolders } from './testSupport.ts';

const RTDS_ACB = Eui.parse('90B3D51F30000002');
const RTDS_ESME = Eui.parse('00DB1234567890A0');
const RTDS_GSME = Eui.parse('00DB1234567890A1');

function pem(name: string): Buffer {
  return Buffer.from(
    readFileSync(join(KEYS_DIR, name), 'utf8')
      .replace(/-----[^-]+-----/g, '')
      .replace(/\s+/g, ''),
    'base64',
  );
}

const RTDS_CELLS: Partial<Record<CellName, string>> = {
  recovery: '90b3d51f30000001-ds.pem',
  supplierDS: '90b3d51f30010000-ds.pem',
  supplierKA: '90b3d51f30010000-ka.pem',
  supplierKAPrePayment: '90b3d51f30010000-pp-ka.pem',
  networkOperatorDS: '90b3d51f30020000-ds.pem',
  networkOperatorKA: '90b3d51f30020000-ka.pem',
  accessControlBrokerDS: '90b3d51f30000002-ds.pem',
  accessControlBrokerKA: '90b3d51f30000002-ka.pem',
  transitionalCoSDS: '90b3d51f30000004-ds.pem',
};

/** The Z1 CA the RTDS CS02b commands carry; the RTDS root (ZA) is not published, so it anchors the root cell. */
function rtdsZ1(): Buffer {
  const p = decodeGbcsMessage(loadVector('CS02bNOByNO_6.15.1_SUCCESS_COMMAND_GBCS.HEX')).payload;
  if (p.useCase !== 'CS02b' || p.direction !== 'command') throw new Error('not CS02b');
  return p.value.certificationPathCertificates[0]!;
}

function rtdsDevice(now: string, eui = RTDS_ESME, type: 'ESME' | 'GSME' = 'ESME'): Device {
  const fleet = new Fleet({
    smki: new Smki('rtds compatibility'),
    clock: new SimulatedClock(now),
    remotePartyKeyAgreementKey: (entity) =>
      entity.equals(RTDS_ACB) ? privateKey(RTDS_ACB, 'KA') : undefined,
  });
  const device = fleet.add(eui, type);
  device.setCell('root', rtdsZ1());
  for (const [cell, file] of Object.entries(RTDS_CELLS)) {
    if (device.cells().some((c) => c.name === cell)) device.setCell(cell as CellName, pem(file));
  }
  device.overrideCredential('KA', { certificate: certificate(eui, 'KA').raw });
  return device;
}

function responseOf(device: Device, stem: string) {
  const result = device.handle(loadVector(`${stem}_COMMAND_GBCS.HEX`));
  expect(result.outcome.status, JSON.stringify(result.outcome.reasons)).to.equal('executed');
  const ours = decodeGbcsMessage(result.response!);
  const rtds = decodeGbcsMessage(loadVector(`${stem}_RESPONSE_GBCS.HEX`));
  return { result, ours, rtds };
}

describe('RTDS compatibility (device side)', { skip: SKIP_RTDS }, () => {
  for (const stem of [
    'CS02bNOByNO_6.15.1_SUCCESS',
    'CS02bSupplierBySupplier_6.15.1_IMMEDIATE_SUCCESS',
    'CS02bSupplierBySupplier_6.15.1_IMMEDIATE_ERROR',
  ]) {
    it(`${stem}: the RTDS command is accepted and answered with the RTDS response content`, () => {
      const device = rtdsDevice('2020-06-01T00:00:00Z');
      const { ours, rtds } = responseOf(device, stem);
      expect(ours.header.content.toString('hex')).to.equal(rtds.header.content.toString('hex'));
      for (const f of ['craFlag', 'originatorCounter', 'messageCode'] as const)
        expect(ours.header[f]).to.equal(rtds.header[f]);
      expect(ours.header.originator.hex).to.equal(rtds.header.originator.hex);
      expect(ours.header.recipient.hex).to.equal(rtds.header.recipient.hex);
      expect(ours.header.dateTime?.toDate()?.toISOString()).to.equal('2020-06-01T00:00:00.000Z');
      const key = new X509Certificate(device.deviceCertificate('DS')).publicKey;
      expect(verifyGroupingHeaderSignature(ours.header, key).ok).to.equal(true);
    });
  }

  it('the RTDS error case changes the cells that succeeded and keeps the noTrustAnchor one', () => {
    const device = rtdsDevice('2020-06-01T00:00:00Z');
    const before = cellHolders(device);
    const { result } = responseOf(device, 'CS02bSupplierBySupplier_6.15.1_IMMEDIATE_ERROR');
    const after = cellHolders(device);
    expect(result.outcome.certificateOutcomes!.map((o) => o.status)).to.deep.equal([
      'success',
      'noTrustAnchor',
      'success',
    ]);
    expect(after.supplierKA).to.equal(before.supplierKA);
    expect(after.supplierDS).to.not.equal(before.supplierDS);
    expect(after.supplierKAPrePayment).to.not.equal(before.supplierKAPrePayment);
  });

  it('the same RTDS command again is a replay: dropped, no response, nothing changes', () => {
    const device = rtdsDevice('2020-06-01T00:00:00Z');
    device.handle(loadVector('CS02aMAC_6.24.1_SUCCESS_COMMAND_GBCS.HEX'));
    const before = cellHolders(device);
    const again = device.handle(loadVector('CS02aMAC_6.24.1_SUCCESS_COMMAND_GBCS.HEX'));
    expect(again.response).to.equal(undefined);
    expect(again.alerts).to.deep.equal([]);
    expect(again.outcome.status).to.equal('dropped');
    expect(again.outcome.reasons[0]!.code).to.equal('replayed-counter');
    expect(cellHolders(device)).to.deep.equal(before);
  });

  it('replaying the RTDS NO-by-NO command after it succeeded: the NO key changed, so 0x8F3D and nothing changes', () => {
    const device = rtdsDevice('2020-06-01T00:00:00Z');
    device.handle(loadVector('CS02bNOByNO_6.15.1_SUCCESS_COMMAND_GBCS.HEX'));
    const before = cellHolders(device);
    const again = device.handle(loadVector('CS02bNOByNO_6.15.1_SUCCESS_COMMAND_GBCS.HEX'));
    expect(again.response).to.equal(undefined);
    expect(again.outcome.alertCodes).to.deep.equal([0x8f3d]);
    expect(cellHolders(device)).to.deep.equal(before);
  });

  it('CS02aMAC_6.24.1: the MAC-only response equals the RTDS response byte for byte', () => {
    const device = rtdsDevice('2020-06-01T00:00:00Z');
    device.setCounter('networkOperator', 1n);
    const result = device.handle(loadVector('CS02aMAC_6.24.1_SUCCESS_COMMAND_GBCS.HEX'));
    expect(result.response!.toString('hex')).to.equal(
      loadVector('CS02aMAC_6.24.1_SUCCESS_RESPONSE_GBCS.HEX').toString('hex'),
    );
  });

  it('ECS70Commission_8.1.1: the signed bytes equal the RTDS response (clock at 2015-01-01T00:00:00Z)', () => {
    const device = rtdsDevice('2015-01-01T00:00:00Z');
    const { ours, rtds } = responseOf(device, 'ECS70Commission_8.1.1_SUCCESS');
    expect(ours.header.signedBytes.toString('hex')).to.equal(rtds.header.signedBytes.toString('hex'));
  });

  it('GCS28Commission_8.1.1: the GSME …A1 answers with the RTDS signed bytes (clock at the interval start)', () => {
    const device = rtdsDevice('2014-12-31T23:30:00Z', RTDS_GSME, 'GSME');
    const { ours, rtds } = responseOf(device, 'GCS28Commission_8.1.1_SUCCESS');
    expect(ours.header.signedBytes.toString('hex')).to.equal(rtds.header.signedBytes.toString('hex'));
  });

  it('CS02c_6.17: answers with a CSR for a new DS key, for this device, that verifies', () => {
    const device = rtdsDevice('2020-06-01T00:00:00Z');
    const { ours } = responseOf(device, 'CS02c_6.17_SUCCESS');
    if (ours.payload.useCase !== 'CS02c' || ours.payload.direction !== 'response')
      throw new Error('not CS02c');
    const csr = ours.payload.value.csr;
    expect(csr.keyUsage).to.equal('DS');
    expect(csr.deviceId!.hex).to.equal(RTDS_ESME.hex);
    expect(verifyDeviceCsr(csr)).to.equal(true);
  });

  it('CS02d_6.15.2: authenticated, but without the CS02c key pair the device answers 4 (no key pair generated)', () => {
    const device = rtdsDevice('2020-06-01T00:00:00Z');
    const { ours } = responseOf(device, 'CS02d_6.15.2_SUCCESS');
    if (ours.payload.useCase !== 'CS02d' || ours.payload.direction !== 'response')
      throw new Error('not CS02d');
    expect(ours.payload.value.status).to.equal(4);
  });

  it('an RTDS command with one byte of its MAC changed is refused with 0x8F3D', () => {
    const device = rtdsDevice('2020-06-01T00:00:00Z');
    const bytes = Buffer.from(loadVector('CS02bNOByNO_6.15.1_SUCCESS_COMMAND_GBCS.HEX'));
    bytes[bytes.length - 1]! ^= 0x01;
    const result = device.handle(bytes);
    expect(result.outcome.status).to.equal('refused');
    expect(result.outcome.alertCodes).to.deep.equal([0x8f3d]);
    expect(publicKey(RTDS_ACB, 'KA')).to.not.equal(undefined);
  });
});
