/** The named fields the RTDS payloads decode into, and the codecs' round trips beyond the corpus. */
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import { decodeCs02bResponse, encodeCs02bResponse } from './cs02bResponse.ts';
import { encodeCs02cRequest } from './cs02c.ts';
import { decodeCs02eRequest, encodeCs02eRequest } from './cs02e.ts';
import { encodeDer, seq } from './derWriter.ts';
import {
  buildDeviceCsr,
  decodeDeviceCsr,
  encodeCertificationRequestInfo,
  verifyDeviceCsr,
} from './deviceCsr.ts';
import { interpretEcs70Request, interpretEcs70Response } from './ecs70.ts';
import { decodeGbcsMessage } from './message.ts';
import { decodePayload, type GbcsPayload } from './payload.ts';
import { loadVector, SKIP_RTDS } from './rtdsCorpus.ts';

function payloadOf(name: string): GbcsPayload {
  return decodeGbcsMessage(loadVector(name)).payload;
}

function hex(b: Uint8Array): string {
  return Buffer.from(b).toString('hex').toUpperCase();
}

describe('RTDS payloads decode into named fields', { skip: SKIP_RTDS }, () => {
  it('CS02bNOByNO command: mode 3, authorised by the NO DS cell, seq 1200, floor 0, two NO cells and the Z1 path', () => {
    const p = payloadOf('CS02bNOByNO_6.15.1_SUCCESS_COMMAND_GBCS.HEX');
    if (p.useCase !== 'CS02b' || p.direction !== 'command') throw new Error('wrong payload');
    expect(p.value.control).to.deep.include({
      credentialsReplacementMode: 'networkOperatorByNetworkOperator',
      authorisingRemotePartySeqNumber: 1200n,
      newRemotePartyFloorSeqNumber: 0n,
    });
    expect(p.value.control.authorisingRemotePartyTaCell).to.deep.equal({
      role: 'networkOperator',
      keyUsage: 'DS',
      cellUsage: 'management',
    });
    expect(p.value.replacements.map((r) => r.targetTrustAnchorCell.keyUsage)).to.deep.equal(['DS', 'KA']);
    expect(p.value.certificationPathCertificates).to.have.length(1);
    expect(p.value.executionDateTime).to.equal(undefined);
  });

  it('CS02bSupplierBySupplier error response: the supplier KA cell fails noTrustAnchor, the others succeed', () => {
    const p = payloadOf('CS02bSupplierBySupplier_6.15.1_IMMEDIATE_ERROR_RESPONSE_GBCS.HEX');
    if (p.useCase !== 'CS02b' || p.direction !== 'response') throw new Error('wrong payload');
    const o = p.value.executionOutcome!;
    expect(o.seqNumber).to.equal(1003n);
    expect(o.remotePartySeqNumberChanges).to.deep.equal([
      { role: 'supplier', floorSeqNumber: 0n, otherSeqNumberChanges: [{ id: 0, seqNumber: 0n }] },
    ]);
    expect(o.certificateOutcomes.map((c) => [c.cell.keyUsage, c.cell.cellUsage, c.status])).to.deep.equal([
      ['DS', 'management', 'success'],
      ['KA', 'management', 'noTrustAnchor'],
      ['KA', 'prePaymentTopUp', 'success'],
    ]);
    const failed = o.certificateOutcomes[1]!;
    expect(failed.existingSubjectUniqueId.hex).to.equal('90B3D51F30010000');
    expect(hex(failed.replacingSubjectKeyId)).to.equal(hex(failed.existingSubjectKeyId));
  });

  it('CS02a: the ACB asks for the supplier and NO cells; the device lists five cells', () => {
    const req = payloadOf('CS02aMAC_6.24.1_SUCCESS_COMMAND_GBCS.HEX');
    const res = payloadOf('CS02aMAC_6.24.1_SUCCESS_RESPONSE_GBCS.HEX');
    if (req.useCase !== 'CS02a' || req.direction !== 'command') throw new Error('wrong payload');
    if (res.useCase !== 'CS02a' || res.direction !== 'response') throw new Error('wrong payload');
    expect(req.value.remotePartyRoles).to.deep.equal(['supplier', 'networkOperator']);
    expect(req.value.authorisingRemotePartyTaCell.role).to.equal('accessControlBroker');
    const cells = res.value.remoteParties.flatMap((p) =>
      p.cells.map((c) => `${p.remotePartyRole}/${c.keyUsage}/${c.cellUsage}/${c.subjectUniqueId.hex}`),
    );
    expect(cells).to.deep.equal([
      'supplier/DS/management/90B3D51F30010000',
      'supplier/KA/management/90B3D51F30010000',
      'supplier/KA/prePaymentTopUp/90B3D51F30010000',
      'networkOperator/DS/management/90B3D51F30020000',
      'networkOperator/KA/management/90B3D51F30020000',
    ]);
    // The key IDs the CS02a response reports for the NO are the "existing" ones of the CS02b NO response.
    const no = payloadOf('CS02bNOByNO_6.15.1_SUCCESS_RESPONSE_GBCS.HEX');
    if (no.useCase !== 'CS02b' || no.direction !== 'response') throw new Error('wrong payload');
    expect(hex(no.value.executionOutcome!.certificateOutcomes[0]!.existingSubjectKeyId)).to.equal(
      hex(res.value.remoteParties[1]!.cells[0]!.subjectKeyId),
    );
  });

  it('CS02c: the device returns a CSR for a DS key, signed by that key, naming itself; CS02d installs its certificate', () => {
    const req = payloadOf('CS02c_6.17_SUCCESS_COMMAND_GBCS.HEX');
    const res = payloadOf('CS02c_6.17_SUCCESS_RESPONSE_GBCS.HEX');
    const cs02d = payloadOf('CS02d_6.15.2_SUCCESS_COMMAND_GBCS.HEX');
    if (req.useCase !== 'CS02c' || req.direction !== 'command') throw new Error('wrong payload');
    if (res.useCase !== 'CS02c' || res.direction !== 'response') throw new Error('wrong payload');
    if (cs02d.useCase !== 'CS02d' || cs02d.direction !== 'command') throw new Error('wrong payload');
    expect(req.value.keyUsage).to.equal('DS');
    const csr = res.value.csr;
    expect(csr.keyUsage).to.equal('DS');
    expect(csr.deviceId?.hex).to.equal('00DB1234567890A0');
    expect(verifyDeviceCsr(csr)).to.equal(true);
    expect(cs02d.value.summary.deviceId?.hex).to.equal('00DB1234567890A0');
    expect(cs02d.value.summary.keyUsage).to.equal('DS');
    expect(hex(cs02d.value.summary.subjectPublicKeyInfo)).to.equal(hex(csr.subjectPublicKeyInfo));
    const publicKey = createPublicKey({ key: csr.subjectPublicKeyInfo, format: 'der', type: 'spki' });
    const rebuilt = encodeCertificationRequestInfo({ publicKey, keyUsage: 'DS', deviceId: csr.deviceId! });
    expect(hex(rebuilt)).to.equal(hex(csr.certificationRequestInfo));
    const status = payloadOf('CS02d_6.15.2_SUCCESS_RESPONSE_GBCS.HEX');
    expect(status.value).to.deep.equal({ status: 0 });
  });

  it('ECS70: set clock base 5, preset the time for a 20 s window, then read the time back', () => {
    const req = payloadOf('ECS70Commission_8.1.1_SUCCESS_COMMAND_GBCS.HEX');
    const res = payloadOf('ECS70Commission_8.1.1_SUCCESS_RESPONSE_GBCS.HEX');
    if (req.useCase !== 'ECS70' || req.direction !== 'command') throw new Error('wrong payload');
    if (res.useCase !== 'ECS70' || res.direction !== 'response') throw new Error('wrong payload');
    const set = interpretEcs70Request(req.value)!;
    expect(set.clockBase).to.equal(5);
    expect(set.presetTime.toDate()).to.equal(undefined);
    expect(set.validityIntervalStart.toDate()?.toISOString()).to.equal('2014-12-31T23:59:10.000Z');
    expect(set.validityIntervalEnd.toDate()?.toISOString()).to.equal('2015-01-01T00:00:10.000Z');
    const outcome = interpretEcs70Response(req.value, res.value);
    expect(outcome.time?.toDate()?.toISOString()).to.equal('2015-01-01T00:00:00.000Z');
    expect(outcome.clockStatus).to.equal(0);
    expect(outcome.results).to.deep.equal([0, 0, 0, 0, 0]);
  });

  it('GCS28: a one-hour window around midnight; the GSME answers with the start time and 0', () => {
    const req = payloadOf('GCS28Commission_8.1.1_SUCCESS_COMMAND_GBCS.HEX');
    const res = payloadOf('GCS28Commission_8.1.1_SUCCESS_RESPONSE_GBCS.HEX');
    expect(req.value).to.deep.equal({
      validityIntervalStart: new Date('2014-12-31T23:30:00Z'),
      validityIntervalEnd: new Date('2015-01-01T00:30:00Z'),
    });
    expect(res.value).to.deep.equal({ reportedTime: new Date('2014-12-31T23:30:00Z'), status: 0 });
  });
});

describe('payload codecs beyond the corpus', () => {
  it('a device CSR built with a fresh key decodes, verifies and names the device', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const deviceId = Eui.parse('00-DB-12-34-56-78-90-A3');
    const csr = decodeDeviceCsr(buildDeviceCsr({ privateKey, publicKey, keyUsage: 'KA', deviceId }));
    expect(csr.keyUsage).to.equal('KA');
    expect(csr.deviceId?.equals(deviceId)).to.equal(true);
    expect(verifyDeviceCsr(csr)).to.equal(true);
    const other = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const forged = decodeDeviceCsr(
      buildDeviceCsr({ privateKey: other.privateKey, publicKey, keyUsage: 'KA', deviceId }),
    );
    expect(verifyDeviceCsr(forged)).to.equal(false);
  });

  it('a future-dated CS02b response (commandAccepted only) round-trips', () => {
    const bytes = encodeCs02bResponse({});
    expect(hex(bytes)).to.equal('30020500');
    expect(decodeCs02bResponse(bytes)).to.deep.equal({});
  });

  it('CS02e request [spec] round-trips', () => {
    const bytes = encodeCs02eRequest({ keyUsage: 'KA' });
    expect(hex(bytes)).to.equal(hex(encodeDer(seq({ tag: 0x03, value: Buffer.from([3, 8]) }))));
    expect(decodeCs02eRequest(bytes)).to.deep.equal({ keyUsage: 'KA' });
  });
});

describe('payloads decoded once per header', () => {
  const header = (keyUsage: 'DS' | 'KA') => ({ messageCode: 0x000a, craFlag: 'command' as const, contentOffset: 0, content: encodeCs02cRequest({ keyUsage }) });

  it('answers the same payload for the same header, and reads content changed in place again', () => {
    const h = header('DS');
    const first = decodePayload(h);
    expect(decodePayload(h)).to.equal(first);
    h.content.set(encodeCs02cRequest({ keyUsage: 'KA' }));
    const again = decodePayload(h);
    expect(again).to.not.equal(first);
    expect(again.useCase === 'CS02c' && again.direction === 'command' && again.value.keyUsage).to.equal('KA');
  });

  it('reads the same header object again when its CRA flag has changed since', () => {
    const h: Omit<ReturnType<typeof header>, 'craFlag'> & { craFlag: 'command' | 'alert' } = header('DS');
    decodePayload(h);
    h.craFlag = 'alert';
    expect(() => decodePayload(h)).to.throw(/alerts have no payload codec/);
  });
});
