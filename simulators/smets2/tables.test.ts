/** The data tables (cells per device type, mode rules) and the alert codec. */
import { X509Certificate } from 'node:crypto';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { DlmsDateTime, verifyGroupingHeaderSignature } from '../gbcs/index.ts';
import { ALERT_CODES, decodeAlertPayload, encodeAlertPayload } from './alertCodec.ts';
import { decodeDeviceAlert } from './alerts.ts';
import { CELL_COUNT, cellIndexOf } from './cells.ts';
import { TRUST_ANCHOR_CELLS_BY_TYPE } from './deviceTypes.ts';
import { MODE_RULES, modeRule } from './replacementRules.ts';
import { command, installed, NO_A, SUPPLIER, world } from './testSupport.ts';

describe('trust anchor cell table', () => {
  it('has the eleven cells GBCS names, and no DS prepayment cell', () => {
    expect(CELL_COUNT).to.equal(11);
    expect(cellIndexOf({ role: 'supplier', keyUsage: 'KA', cellUsage: 'prePaymentTopUp' })).to.equal(4);
    expect(cellIndexOf({ role: 'supplier', keyUsage: 'DS', cellUsage: 'prePaymentTopUp' })).to.equal(-1);
    expect(cellIndexOf({ role: 'issuingAuthority', keyUsage: 'DS', cellUsage: 'management' })).to.equal(-1);
  });

  it('gives each device type its cells: NO cells on ESME and GPF only, WAN on CHF only, top-up on meters only', () => {
    const has = (cell: string) =>
      Object.entries(TRUST_ANCHOR_CELLS_BY_TYPE).flatMap(([type, cells]) =>
        (cells as string[]).includes(cell) ? [type] : [],
      );
    expect(has('networkOperatorDS')).to.deep.equal(['ESME', 'GPF']);
    expect(has('wanProviderDS')).to.deep.equal(['CHF']);
    expect(has('supplierKAPrePayment')).to.deep.equal(['ESME', 'GSME']);
    expect(has('root')).to.deep.equal(['ESME', 'GSME', 'CHF', 'GPF']);
    expect(has('supplierDS')).to.deep.equal(['ESME', 'GSME', 'GPF']);
  });

  it('has a rule per mode; ACB-by-ACB is MAC-only off the CHF, signed on it', () => {
    expect(Object.keys(MODE_RULES)).to.have.length(10);
    expect(modeRule('accessControlBrokerByACB', 'ESME')).to.include({
      signature: false,
      authorisingCell: 'accessControlBrokerKA',
    });
    expect(modeRule('accessControlBrokerByACB', 'CHF')).to.include({
      signature: true,
      authorisingCell: 'accessControlBrokerDS',
    });
    expect(MODE_RULES.anyExceptAbnormalRootByRecovery.targets).to.not.include('root');
  });
});

describe('device alerts', () => {
  it('generic alerts: DLMS data-notification, alert code and time stamp round-trip', () => {
    const timestamp = DlmsDateTime.fromDate(new Date('2026-03-01T12:00:00Z'));
    const bytes = encodeAlertPayload({ kind: 'generic', alertCode: 0x8f3d, timestamp });
    expect(bytes.toString('hex')).to.equal(
      `0f0000000000020212${'8f3d'}090c${timestamp.encode().toString('hex')}`,
    );
    expect(decodeAlertPayload(0x1000, bytes)).to.deep.equal({
      kind: 'generic',
      alertCode: 0x8f3d,
      timestamp,
    });
  });

  it('are signed with the device DS key, addressed to the ACB, counted up per device', () => {
    const w = world();
    const device = installed(w);
    const bad = command({
      from: NO_A,
      to: device,
      counter: 1n,
      payload: { useCase: 'CS02e', direction: 'command', value: { keyUsage: 'DS' } },
    });
    const first = decodeDeviceAlert(device.handle(bad).alerts[0]!);
    const second = decodeDeviceAlert(device.handle(bad).alerts[0]!);
    expect(first.alertCode).to.equal(ALERT_CODES.noAuthority);
    expect(first.header.recipient.hex).to.equal('90B3D51F40000002');
    expect(first.header.originator.equals(device.eui)).to.equal(true);
    expect(second.header.originatorCounter).to.equal(first.header.originatorCounter + 1n);
    const key = new X509Certificate(device.deviceCertificate('DS')).publicKey;
    expect(verifyGroupingHeaderSignature(first.header, key).ok).to.equal(true);
    expect(SUPPLIER.hex).to.not.equal(NO_A.hex);
  });
});
