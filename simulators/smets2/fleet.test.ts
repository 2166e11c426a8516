/** The Fleet: columnar storage, EUI lookup, installation from data, and the wrong-NO stories it enables. */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import { InvalidInputError } from '../core/errors.ts';
import { ALERT_CODES } from './alertCodec.ts';
import { parseInstallationSpec } from './installation.ts';
import {
  ACB,
  CHF,
  certificateFor,
  command,
  credential,
  cs02b,
  ESME,
  GPF,
  GSME,
  installed,
  NO_A,
  NO_B,
  SUPPLIER,
  world,
} from './testSupport.ts';

function noByNo(from: typeof NO_A, to: ReturnType<typeof installed>, replacement = NO_A) {
  return to.handle(
    command({
      from,
      to,
      counter: 70n,
      payload: cs02b(
        'networkOperatorByNetworkOperator',
        [
          { cell: 'networkOperatorDS', certificate: certificateFor(replacement, 'networkOperatorDS') },
          { cell: 'networkOperatorKA', certificate: certificateFor(replacement, 'networkOperatorKA') },
        ],
        70n,
      ),
    }),
  );
}

describe('Fleet', () => {
  it('finds devices by EUI among thousands, growing from a small capacity; refuses a duplicate EUI', () => {
    const w = world();
    for (let i = 0; i < 5000; i++)
      w.fleet.add(0x00db_0000_0000_0000n + BigInt(i * 7919), i % 2 ? 'ESME' : 'GSME');
    expect(w.fleet.size).to.equal(5000);
    for (let i = 0; i < 5000; i += 97) {
      const d = w.fleet.device(0x00db_0000_0000_0000n + BigInt(i * 7919));
      expect(d.index).to.equal(i);
      expect(d.type).to.equal(i % 2 ? 'ESME' : 'GSME');
    }
    expect(w.fleet.find(Eui.parse('00DB000000000003'))).to.equal(undefined);
    expect(() => w.fleet.add(0x00db_0000_0000_0000n, 'CHF')).to.throw(InvalidInputError, /already/);
    expect(w.fleet.state.activeCount).to.equal(0);
  });

  it('shares one certificate entry between every device holding the same certificate', () => {
    const w = world();
    const a = installed(w, ESME);
    const b = installed(w, GSME, 'GSME');
    expect(a.cell('supplierDS')).to.equal(b.cell('supplierDS'));
    expect(w.fleet.state.certificates.size).to.be.lessThan(12);
  });

  it('installs from data: cells per device type, NO cells from the supplier or the ACB', () => {
    const w = world();
    const esme = w.install(
      ESME,
      parseInstallationSpec({
        type: 'esme',
        supplier: '90-B3-D5-1F-40-01-01-00',
        networkOperator: 'supplier',
      }),
    );
    expect(esme.cell('networkOperatorDS')!.der.equals(certificateFor(SUPPLIER, 'supplierDS'))).to.equal(true);
    expect(esme.cell('networkOperatorKA')!.der.equals(certificateFor(SUPPLIER, 'supplierKA'))).to.equal(true);
    const gpf = w.install(
      GPF,
      parseInstallationSpec({ type: 'GPF', supplier: SUPPLIER.hex, networkOperator: 'accessControlBroker' }),
    );
    expect(gpf.cell('networkOperatorDS')!.entityId.equals(ACB)).to.equal(true);
    expect(gpf.cells().map((c) => c.name)).to.not.include('supplierKAPrePayment');
    const gsme = w.install(
      GSME,
      parseInstallationSpec({ type: 'GSME', supplier: SUPPLIER.hex, cells: { transitionalCoSDS: 'empty' } }),
    );
    expect(gsme.cells().map((c) => c.name)).to.not.include('networkOperatorDS');
    expect(gsme.cell('transitionalCoSDS')).to.equal(undefined);
    const chf = w.install(CHF, parseInstallationSpec({ type: 'CHF' }));
    expect(chf.cells().map((c) => [c.name, c.certificate !== undefined])).to.deep.equal([
      ['root', true],
      ['recovery', true],
      ['accessControlBrokerDS', true],
      ['accessControlBrokerKA', true],
      ['wanProviderDS', true],
    ]);
    expect(() => parseInstallationSpec({ type: 'PPMID' })).to.throw(InvalidInputError, /type/);
    expect(() => parseInstallationSpec({ type: 'ESME', cells: { nowhere: 'empty' } })).to.throw(
      InvalidInputError,
    );
  });

  it("the wrong NO certificate (seed 000): NO-B in the cells of NO-A's meter – NO-B can fix it, NO-A cannot", () => {
    const w = world();
    const meter = w.install(ESME, { type: 'ESME', supplier: SUPPLIER, networkOperator: NO_B });
    const refused = noByNo(NO_A, meter);
    expect(refused.outcome.alertCodes).to.deep.equal([ALERT_CODES.noAuthority]);
    const fixed = noByNo(NO_B, meter);
    expect(fixed.outcome.certificateOutcomes!.map((o) => o.status)).to.deep.equal(['success', 'success']);
    expect(meter.cell('networkOperatorDS')!.entityId.equals(NO_A)).to.equal(true);
  });

  it("NO cells filled with the supplier's certificates: the supplier replaces them (6.15.1 as holder)", () => {
    const w = world();
    const meter = w.install(ESME, { type: 'ESME', supplier: SUPPLIER, networkOperator: 'supplier' });
    expect(noByNo(NO_A, meter).outcome.alertCodes).to.deep.equal([ALERT_CODES.noAuthority]);
    const result = noByNo(SUPPLIER, meter);
    expect(result.outcome.status).to.equal('executed');
    expect(meter.cell('networkOperatorKA')!.entityId.equals(NO_A)).to.equal(true);
  });

  it("NO cells filled with the ACB's certificates: the DCC signs the replacement (6.21)", () => {
    const w = world();
    const meter = w.install(ESME, {
      type: 'ESME',
      supplier: SUPPLIER,
      networkOperator: 'accessControlBroker',
    });
    expect(noByNo(SUPPLIER, meter).outcome.alertCodes).to.deep.equal([ALERT_CODES.noAuthority]);
    expect(noByNo(ACB, meter).outcome.status).to.equal('executed');
    expect(credential(ACB, 'DS').eui!.equals(ACB)).to.equal(true);
  });

  it('deliver routes a frame by its recipient system title', () => {
    const w = world();
    const a = installed(w, ESME);
    installed(w, GSME, 'GSME');
    const routed = w.fleet.deliver(
      command({
        from: SUPPLIER,
        to: a,
        counter: 1n,
        payload: { useCase: 'CS02e', direction: 'command', value: { keyUsage: 'DS' } },
      }),
    );
    expect(routed!.device.equals(ESME)).to.equal(true);
    expect(routed!.outcome.status).to.equal('executed');
    expect(w.fleet.deliver(Buffer.from('DF00', 'hex'))).to.equal(undefined);
  });
});
