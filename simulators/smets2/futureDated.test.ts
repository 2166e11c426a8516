/** Future-dated CS02b on the injected SimulatedClock: commandAccepted now, execution and 0x00CB alert on tick. */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { ALERT_CODES, ALERT_MESSAGE_CODES } from './alertCodec.ts';
import { decodeDeviceAlert } from './alerts.ts';
import {
  cellHolders,
  certificateFor,
  command,
  cs02b,
  decodeResponse,
  installed,
  SUPPLIER,
  SUPPLIER_B,
  TEST_NOW,
  world,
} from './testSupport.ts';

const DAY = 24 * 3600 * 1000;

function futureDated(certificate?: Buffer) {
  const w = world();
  const device = installed(w);
  const at = new Date(Date.parse(TEST_NOW) + DAY);
  const before = cellHolders(device);
  const result = device.handle(
    command({
      from: SUPPLIER,
      to: device,
      counter: 40n,
      payload: cs02b(
        'supplierBySupplier',
        [{ cell: 'supplierDS', certificate: certificate ?? certificateFor(SUPPLIER_B, 'supplierDS') }],
        40n,
        { executionDateTime: at },
      ),
    }),
  );
  return { w, device, at, before, result };
}

describe('future-dated CS02b', () => {
  it('is answered at once with commandAccepted and no execution outcome; nothing changes yet', () => {
    const { device, at, before, result } = futureDated();
    expect(result.outcome.status).to.equal('futureDated');
    expect(result.outcome.executionDateTime).to.deep.equal(at);
    const response = decodeResponse(result.response);
    if (response.payload.useCase !== 'CS02b' || response.payload.direction !== 'response')
      throw new Error('not CS02b');
    expect(response.payload.value.executionOutcome).to.equal(undefined);
    expect(response.header.messageCode).to.equal(0x0102);
    expect(result.alerts).to.deep.equal([]);
    expect(cellHolders(device)).to.deep.equal(before);
    expect(device.counter('supplier')).to.equal(40n);
    expect(device.pending()).to.have.length(1);
  });

  it('runs when the clock reaches its time: 0x00CB alert 0x8F66 to the originator with the outcome, then 0x8F70', () => {
    const { w, device, at, before } = futureDated();
    w.clock.advance(DAY - 1000);
    expect(device.tick()).to.deep.equal({ responses: [], alerts: [], executed: [] });
    expect(cellHolders(device)).to.deep.equal(before);
    w.clock.advance(1000);
    const tick = device.tick();
    expect(tick.executed.map((e) => e.certificateOutcomes!.map((o) => o.status))).to.deep.equal([
      ['success'],
    ]);
    const [done, updated] = tick.alerts.map(decodeDeviceAlert);
    expect(done!.header.messageCode).to.equal(ALERT_MESSAGE_CODES.futureDatedUpdateSecurityCredentials);
    expect(done!.header.recipient.equals(SUPPLIER)).to.equal(true);
    if (done!.payload.kind !== 'futureDatedCs02b') throw new Error('not the CS02b alert');
    expect(done!.alertCode).to.equal(ALERT_CODES.futureDatedCommandSucceeded);
    expect(done!.payload.executionDateTime).to.deep.equal(at);
    expect(done!.payload.executionOutcome.seqNumber).to.equal(40n);
    expect(done!.payload.executionOutcome.certificateOutcomes[0]!.status).to.equal('success');
    expect(updated!.alertCode).to.equal(ALERT_CODES.updateSecurityCredentials);
    expect(device.cell('supplierDS')!.der.equals(certificateFor(SUPPLIER_B, 'supplierDS'))).to.equal(true);
    expect(device.pending()).to.have.length(0);
    expect(device.tick().alerts).to.deep.equal([]);
  });

  it('is judged at its execution time: a certificate expired by then fails with 0x8F67 and nothing changes', () => {
    const w0 = world();
    const shortLived = w0.smki.issueOrganisationCertificate({
      eui: SUPPLIER_B,
      role: 'supplier',
      usage: 'DS',
      notBefore: new Date('2026-01-01T00:00:00Z'),
      notAfter: new Date(Date.parse(TEST_NOW) + 3600 * 1000),
    }).der;
    const { w, device, before } = futureDated(shortLived);
    w.clock.advance(DAY);
    const tick = w.fleet.tick();
    expect(tick).to.have.length(1);
    expect(tick[0]!.device.equals(device.eui)).to.equal(true);
    const alerts = tick[0]!.alerts.map(decodeDeviceAlert);
    expect(alerts.map((a) => a.alertCode)).to.deep.equal([ALERT_CODES.futureDatedCommandFailed]);
    expect(cellHolders(device)).to.deep.equal(before);
  });
});
