/**
 * The tracker over a genuine journal: a real Harness (no default population, our own homes), the
 * suppliers' Service Requests signed and POSTed by DuisClient, devices behind the CSP with faults,
 * simulated time moved past the deadlines. One home per scenario; one test per cause.
 */
import { after, before, describe, it } from 'node:test';
import { expect } from 'chai';
import { ResponseReceiver } from '../client/index.ts';
import { decodeGbcsMessage } from '../gbcs/index.ts';
import { Harness, homeDeviceId } from '../harness/index.ts';
import { toCsv } from './formatCsv.ts';
import { toHtml } from './formatHtml.ts';
import { trackHarness } from './harnessPorts.ts';
import { postCommissioningReport } from './report.ts';
import { installScenarioHomes } from './scenarioHomes.ts';
import { SCENARIO_NAMES, type ScenarioName } from './scenarios.ts';
import { DAY_MS } from './settings.ts';
import { SupplierDriver } from './SupplierDriver.ts';
import type { DeviceVerdict, TrackingResult } from './tracker.ts';

describe('post-commissioning over a running harness', () => {
  let h: Harness;
  let receiver: ResponseReceiver;
  let result: TrackingResult;
  let pending: TrackingResult;
  /** Home number of each scenario; home 1 (clean) is dual fuel. */
  const homeOf = (s: ScenarioName) => SCENARIO_NAMES.indexOf(s) + 1;

  before(async () => {
    h = await Harness.start({ http: { port: 0 }, population: 'none' });
    receiver = await ResponseReceiver.start({ keyStore: h.estate.keyStore });
    for (const user of h.users()) h.setResponseUrl(user.eui, receiver.url);
    const homes = SCENARIO_NAMES.map((scenario) => ({
      number: homeOf(scenario),
      supplier: scenario === 'recoveryMissing' ? 'Cirrus Energy' : 'Aurora Energy',
      scenario,
      gas: scenario === 'clean',
    }));
    const devices = await installScenarioHomes(h, homes);
    await new SupplierDriver({ harness: h, receiver }).run(devices);
    pending = trackHarness(h);
    await h.advance(31 * DAY_MS);
    result = trackHarness(h);
  });

  after(async () => {
    await receiver?.close();
    await h?.close();
  });

  const esme = (s: ScenarioName): DeviceVerdict => result.devices.find((d) => d.device.deviceId === homeDeviceId(homeOf(s), 'ESME').toString())!;
  const failed = (d: DeviceVerdict, criteria: string) =>
    d.verdicts.find((v) => v.criteria === criteria)!.obligations.filter((o) => o.status === 'failed').map((o) => `${o.obligation}:${o.cause}`);

  it('follows every commissioned SMETS2 meter and GPF (not the CHFs), with no warnings', () => {
    expect(result.devices.map((d) => d.device.deviceType).sort()).to.deep.equal([...Array(SCENARIO_NAMES.length).fill('ESME'), 'GPF', 'GSME'].sort());
    expect(result.warnings).to.deep.equal([]);
  });

  it('before the deadlines nothing has failed yet – except the change of supplier, which fails current for good', () => {
    const decided = pending.devices.filter((d) => d.classification !== 'pending' && d.classification !== 'passed');
    expect(decided.map((d) => [d.device.deviceId, d.classification])).to.deep.equal([[homeDeviceId(homeOf('changeOfSupplier'), 'ESME').toString(), 'falsePositive']]);
    expect(pending.devices.filter((d) => d.classification === 'pending')).to.have.length(8);
  });

  it('clean dual-fuel home: ESME, GSME and GPF pass both', () => {
    const home = result.devices.filter((d) => d.device.deviceId.startsWith('00-DB-40-00-00-01'));
    expect(home.map((d) => [d.device.deviceType, d.classification])).to.have.deep.members([['ESME', 'passed'], ['GSME', 'passed'], ['GPF', 'passed']]);
  });

  describe('false positives: fail current, pass proposed', () => {
    it('response time-out: the 6.15.1 response comes after the CSP time-out (E21), a late response follows', () => {
      const d = esme('responseTimeout');
      expect(failed(d, 'current')).to.deep.equal(['networkOperatorCredentials:timeout']);
      expect(failed(d, 'proposed')).to.deep.equal([]);
      expect(d.classification).to.equal('falsePositive');
      const late = h.journal.entries({ where: (e) => e.kind === 'late-response' && e.deviceId === d.device.deviceId });
      expect(late).to.have.length(1);
    });

    it('empty execution status: the 6.15.1 is future-dated, answered with commandAccepted only, executed an hour later', () => {
      const d = esme('emptyExecutionStatus');
      expect(failed(d, 'current')).to.deep.equal(['networkOperatorCredentials:emptyExecutionOutcome']);
      expect(failed(d, 'proposed')).to.deep.equal([]);
      expect(d.classification).to.equal('falsePositive');
      // The command the device got carries its execution date-time, an hour after it was sent.
      const [sent] = h.journal.entries({ where: (e) => e.kind === 'command' && e.deviceId === d.device.deviceId && e.srv === '6.15.1' });
      const payload = decodeGbcsMessage(Buffer.from(sent!.payload!, 'hex')).payload;
      if (payload.useCase !== 'CS02b' || payload.direction !== 'command') throw new Error('expected the CS02b command');
      expect(payload.value.executionDateTime!.getTime() - sent!.at.getTime()).to.equal(3_600_000);
    });

    it('change of supplier (RDP change, then 6.23) before the KA credentials, which Borealis Power completes', () => {
      const d = esme('changeOfSupplier');
      expect(failed(d, 'current')).to.deep.equal(['issueCredentialsKA:changeOfSupplier', 'updateDeviceCredentialsKA:changeOfSupplier']);
      expect(failed(d, 'proposed')).to.deep.equal([]);
      expect(d.supplier?.name).to.equal('Aurora Energy');
      const borealis = h.estate.parties.byName('Borealis Power').eui.toString();
      expect(h.fleet.device(homeDeviceId(homeOf('changeOfSupplier'), 'ESME')).cell('supplierKAPrePayment')?.entityId.toString()).to.equal(borealis);
    });

    it('6.21 instead of 6.15.1: the NO cells held the ACB’s credentials', () => {
      const d = esme('handover');
      expect(failed(d, 'current')).to.deep.equal(['networkOperatorCredentials:otherServiceRequest']);
      expect(d.classification).to.equal('falsePositive');
    });
  });

  describe('real failures: fail both', () => {
    it('wrong NO certificate installed: the supplier is not the holder, the device refuses its 6.15.1 (8F30)', () => {
      const d = esme('wrongNetworkOperatorInstalled');
      expect(failed(d, 'current')).to.deep.equal(['networkOperatorCredentials:deviceRefused']);
      expect(failed(d, 'proposed')).to.deep.equal(['networkOperatorCredentials:wrongNetworkOperator']);
      expect(d.classification).to.equal('realFailure');
    });

    it('missing Recovery trust anchor (a small supplier’s device)', () => {
      const d = esme('recoveryMissing');
      expect(failed(d, 'current')).to.deep.equal(['recoveryAnchor:recoveryMissing']);
      expect(failed(d, 'proposed')).to.deep.equal(['recoveryAnchor:recoveryMissing']);
      expect(d.supplier).to.deep.include({ name: 'Cirrus Energy', small: true });
    });

    it('device never communicating: every command E20, nothing from the device', () => {
      const d = esme('neverCommunicating');
      expect(failed(d, 'current')).to.include.members(['issueCredentialsDS:unreachable', 'networkOperatorCredentials:unreachable', 'communicating:notCommunicating']);
      expect(failed(d, 'proposed')).to.include.members(['communicating:notCommunicating', 'issueCredentialsDS:notRenewed']);
      expect(d.classification).to.equal('realFailure');
    });

    it('device credentials not renewed: no 6.17 / 6.15.2 sent', () => {
      const d = esme('credentialsNotRenewed');
      expect(failed(d, 'current')).to.deep.equal(['issueCredentialsDS:notSent', 'issueCredentialsKA:notSent', 'updateDeviceCredentialsDS:notSent', 'updateDeviceCredentialsKA:notSent']);
      expect(failed(d, 'proposed')).to.deep.equal(['issueCredentialsDS:notRenewed', 'issueCredentialsKA:notRenewed', 'updateDeviceCredentialsDS:notRenewed', 'updateDeviceCredentialsKA:notRenewed']);
    });
  });

  it('a successful 6.15.1 placing the wrong NO passes current, fails proposed', () => {
    const d = esme('wrongNetworkOperatorPlaced');
    expect(failed(d, 'current')).to.deep.equal([]);
    expect(failed(d, 'proposed')).to.deep.equal(['networkOperatorCredentials:wrongNetworkOperator']);
    expect(d.classification).to.equal('missedByReported');
  });

  it('the report of the genuine run: rates, false positives with causes, fewer CHF incidents under proposed', () => {
    const report = postCommissioningReport(result);
    expect(report.totals.byCriteria.current!.failed).to.equal(8);
    expect(report.totals.byCriteria.proposed!.failed).to.equal(5);
    expect(report.falsePositives.map((d) => d.verdicts.current!.causes[0]).sort()).to.deep.equal(['changeOfSupplier', 'emptyExecutionOutcome', 'otherServiceRequest', 'timeout']);
    expect(report.chfIncidents.current).to.have.length(8);
    expect(report.chfIncidents.proposed).to.have.length(5);
    expect(report.bySize.small.devices).to.equal(1);
    expect(toCsv(report, 'falsePositives').trimEnd().split('\n')).to.have.length(5);
    expect(toHtml(report)).to.contain('<svg ');
  });
});
