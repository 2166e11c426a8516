/** The two judgements on hand-made journal entries: one test per false-positive cause and per real failure. */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import type { CellsPort, DeviceCells } from './ports.ts';
import { DAY_MS, parsePostCommissioningSettings } from './settings.ts';
import {
  acceptedOnly, at, AURORA, BOREALIS, cleanSequence, csr, device, EntryLog, ESME, goodCells, issue, MPAN, NO_12, NO_23,
  partialSequence, placeNetworkOperator, registrations, replaced, T0, update, updated,
} from './testSupport.ts';
import { type TrackingResult, trackPostCommissioning } from './tracker.ts';

const AFTER_DEADLINE = new Date(T0.getTime() + 31 * DAY_MS);

function track(log: EntryLog, cells: DeviceCells | undefined, options: { asOf?: Date; store?: ReturnType<typeof registrations> } = {}): TrackingResult {
  const port: CellsPort = { cellsOf: (id) => (id === ESME ? cells : undefined) };
  return trackPostCommissioning({
    journal: log.entries,
    devices: [device],
    cells: port,
    registrations: options.store ?? registrations(),
    asOf: options.asOf ?? AFTER_DEADLINE,
  });
}

function verdict(result: TrackingResult, criteria: string) {
  return result.devices[0]!.verdicts.find((v) => v.criteria === criteria)!;
}

function failures(result: TrackingResult, criteria: string): string[] {
  return verdict(result, criteria).obligations.filter((o) => o.status === 'failed').map((o) => `${o.obligation}:${o.cause}`);
}

describe('post-commissioning judgement on hand-made journal entries', () => {
  it('every SR successful and the right certificates in the cells: passes both', () => {
    const result = track(cleanSequence(new EntryLog()), goodCells());
    expect(failures(result, 'current')).to.deep.equal([]);
    expect(failures(result, 'proposed')).to.deep.equal([]);
    expect(result.devices[0]!.classification).to.equal('passed');
    expect(result.devices[0]!.supplier).to.deep.equal({ eui: AURORA, name: 'Aurora Energy', small: false });
  });

  describe('false positives: fail current, pass proposed', () => {
    it('a response time-out (E21) on 6.15.1 although the device replaced the cells', () => {
      const log = partialSequence().request({ srv: '6.15.1', minute: 20, command: placeNetworkOperator(NO_12), answer: { failure: 'E21: no answer from device within 30000 ms' } });
      const result = track(log, goodCells());
      expect(failures(result, 'current')).to.deep.equal(['networkOperatorCredentials:timeout']);
      expect(failures(result, 'proposed')).to.deep.equal([]);
      expect(result.devices[0]!.classification).to.equal('falsePositive');
    });

    it('an empty execution status (I0, commandAccepted only) on 6.15.1', () => {
      const log = partialSequence().request({ srv: '6.15.1', minute: 20, command: placeNetworkOperator(NO_12), answer: { response: acceptedOnly } });
      const result = track(log, goodCells());
      expect(failures(result, 'current')).to.deep.equal(['networkOperatorCredentials:emptyExecutionOutcome']);
      expect(verdict(result, 'current').obligations.find((o) => o.obligation === 'networkOperatorCredentials')!.detail).to.match(/no execution outcome/);
      expect(result.devices[0]!.classification).to.equal('falsePositive');
    });

    it('a change of supplier (6.23) before the KA credentials, which the new supplier then completes', () => {
      const log = new EntryLog()
        .request({ srv: '6.15.1', minute: 1, command: placeNetworkOperator(NO_12), answer: { response: replaced() } })
        .request({ srv: '6.17', minute: 3, command: issue('DS'), answer: { response: csr('DS') } })
        .request({ srv: '6.15.2', minute: 5, command: update('DS'), answer: { response: updated() } })
        .request({ srv: '6.23', minute: 7, user: BOREALIS, command: placeNetworkOperator(BOREALIS, 'supplier'), answer: { response: replaced() } })
        .request({ srv: '6.17', minute: 9, user: BOREALIS, command: issue('KA'), answer: { response: csr('KA') } })
        .request({ srv: '6.15.2', minute: 11, user: BOREALIS, command: update('KA'), answer: { response: updated() } });
      const store = registrations();
      store.changeOfSupplier(MPAN, Eui.parse(BOREALIS), at(7));
      const result = track(log, goodCells({ supplierDS: BOREALIS, supplierKA: BOREALIS, supplierKAPrePayment: BOREALIS }), { store });
      expect(failures(result, 'current')).to.deep.equal(['issueCredentialsKA:changeOfSupplier', 'updateDeviceCredentialsKA:changeOfSupplier']);
      expect(failures(result, 'proposed')).to.deep.equal([]);
      expect(result.devices[0]!.supplier?.eui, 'the obligations were the commissioning supplier’s').to.equal(AURORA);
    });

    it('6.21 instead of 6.15.1, the NO cells having held DCC credentials', () => {
      const log = partialSequence().request({ srv: '6.21', minute: 20, user: AURORA, command: placeNetworkOperator(NO_12), answer: { response: replaced() } });
      const result = track(log, goodCells());
      expect(failures(result, 'current')).to.deep.equal(['networkOperatorCredentials:otherServiceRequest']);
      expect(failures(result, 'proposed')).to.deep.equal([]);
    });
  });

  describe('real failures: fail both', () => {
    it('a wrong NO certificate installed: the supplier’s 6.15.1 is refused by the device', () => {
      const log = partialSequence().request({ srv: '6.15.1', minute: 20, command: placeNetworkOperator(NO_12), answer: { alerts: ['8F30'] } });
      const result = track(log, goodCells({ networkOperatorDS: NO_23, networkOperatorKA: NO_23 }));
      expect(failures(result, 'current')).to.deep.equal(['networkOperatorCredentials:deviceRefused']);
      expect(failures(result, 'proposed')).to.deep.equal(['networkOperatorCredentials:wrongNetworkOperator']);
      expect(result.devices[0]!.classification).to.equal('realFailure');
    });

    it('the Recovery trust anchor missing', () => {
      const result = track(cleanSequence(new EntryLog()), goodCells({ recovery: null }));
      expect(failures(result, 'current')).to.deep.equal(['recoveryAnchor:recoveryMissing']);
      expect(failures(result, 'proposed')).to.deep.equal(['recoveryAnchor:recoveryMissing']);
    });

    it('a device that never communicates', () => {
      const log = new EntryLog()
        .request({ srv: '6.17', minute: 1, command: issue('DS'), answer: { failure: 'E20: offline' } })
        .request({ srv: '6.15.1', minute: 3, command: placeNetworkOperator(NO_12), answer: { failure: 'E20: offline' } });
      const result = track(log, goodCells({ networkOperatorDS: AURORA, networkOperatorKA: AURORA }, { DS: false, KA: false }));
      expect(failures(result, 'current')).to.include.members(['issueCredentialsDS:unreachable', 'updateDeviceCredentialsDS:notSent', 'communicating:notCommunicating']);
      expect(failures(result, 'proposed')).to.include.members(['communicating:notCommunicating', 'updateDeviceCredentialsKA:notRenewed', 'networkOperatorCredentials:wrongNetworkOperator']);
    });

    it('device credentials not renewed', () => {
      const log = new EntryLog().request({ srv: '6.15.1', minute: 1, command: placeNetworkOperator(NO_12), answer: { response: replaced() } });
      const result = track(log, goodCells({}, { DS: false, KA: false }));
      expect(failures(result, 'current')).to.deep.equal([
        'issueCredentialsDS:notSent', 'issueCredentialsKA:notSent', 'updateDeviceCredentialsDS:notSent', 'updateDeviceCredentialsKA:notSent',
      ]);
      expect(failures(result, 'proposed')).to.deep.equal([
        'issueCredentialsDS:notRenewed', 'issueCredentialsKA:notRenewed', 'updateDeviceCredentialsDS:notRenewed', 'updateDeviceCredentialsKA:notRenewed',
      ]);
    });
  });

  it('a successful 6.15.1 that placed the wrong NO passes current and fails proposed (missed by the reported criteria)', () => {
    const result = track(cleanSequence(new EntryLog(), 1, NO_23), goodCells({ networkOperatorDS: NO_23, networkOperatorKA: NO_23 }));
    expect(failures(result, 'current')).to.deep.equal([]);
    expect(failures(result, 'proposed')).to.deep.equal(['networkOperatorCredentials:wrongNetworkOperator']);
    expect(result.devices[0]!.classification).to.equal('missedByReported');
  });

  it('before the deadline an unmet obligation is pending, not failed; after it, failed', () => {
    const log = partialSequence();
    const early = track(log, goodCells({ networkOperatorDS: AURORA, networkOperatorKA: AURORA }), { asOf: at(60) });
    expect(verdict(early, 'current').status).to.equal('pending');
    expect(verdict(early, 'proposed').status).to.equal('pending');
    expect(early.devices[0]!.classification).to.equal('pending');
    const late = track(log, goodCells({ networkOperatorDS: AURORA, networkOperatorKA: AURORA }));
    expect(failures(late, 'current')).to.deep.equal(['networkOperatorCredentials:notSent']);
  });

  it('a Service Request that succeeds only after the deadline fails current as late', () => {
    const log = partialSequence().request({ srv: '6.15.1', minute: 31 * 24 * 60, command: placeNetworkOperator(NO_12), answer: { response: replaced() } });
    const result = track(log, goodCells(), { asOf: new Date(T0.getTime() + 40 * DAY_MS) });
    expect(failures(result, 'current')).to.deep.equal(['networkOperatorCredentials:late']);
  });

  it('deadlines are settings an estate changes', () => {
    const settings = parsePostCommissioningSettings({ deadlines: { default: '10d', communicating: '36h' } });
    expect(settings.deadlines.issueCredentialsDS).to.equal(10 * DAY_MS);
    expect(settings.deadlines.communicating).to.equal(36 * 3_600_000);
    const result = trackPostCommissioning({
      journal: partialSequence().entries,
      devices: [device],
      cells: { cellsOf: () => goodCells() },
      registrations: registrations(),
      asOf: new Date(T0.getTime() + 11 * DAY_MS),
      settings,
    });
    expect(result.devices[0]!.verdicts[0]!.obligations.find((o) => o.obligation === 'networkOperatorCredentials')!.status).to.equal('failed');
    expect(() => parsePostCommissioningSettings({ deadlines: { soon: '1d' } })).to.throw(/deadlines: expected default or one of/);
    expect(() => parsePostCommissioningSettings({ deadlines: { default: 'a week' } })).to.throw(/deadlines.default: expected a duration/);
  });

  it('without GBCS payloads the responses cannot be judged: unreadable, and a warning says why', () => {
    const log = new EntryLog();
    for (const e of cleanSequence(new EntryLog()).entries) {
      const { payload: _payload, ...rest } = e;
      log.add(rest);
    }
    const result = track(log, goodCells());
    expect(failures(result, 'current')).to.include('networkOperatorCredentials:unreadable');
    expect(result.warnings.join(' ')).to.match(/keepPayloads: false/);
    expect(failures(result, 'proposed')).to.deep.equal([]);
  });
});

