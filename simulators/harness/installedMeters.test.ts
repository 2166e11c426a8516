/**
 * Meters that arrive installed (population `meters: installed`) and are commissioned by their
 * supplier's SRV 8.1.1: the DSP records Commissioned when the device answers.
 */
import { after, before, describe, it } from 'node:test';
import { expect } from 'chai';
import type { Eui } from '../core/Eui.ts';
import { InvalidFileError } from '../core/errors.ts';
import type { RequestBody } from '../duis/index.ts';
import { decodeGbcsMessage } from '../gbcs/index.ts';
import { DEFAULT_POPULATION_DATA } from './defaultPopulation.ts';
import { Harness } from './Harness.ts';
import { homeDeviceId } from './homeDevices.ts';
import { parsePopulation } from './parsePopulation.ts';
import { critical } from './testSupport.ts';

const home = { name: 'test', supplier: 'Aurora Energy', smets: 'SMETS2', region: 'North', mpan: '1200000000011' };

function refusal(data: unknown): InvalidFileError {
  try {
    parsePopulation(data, 'estate.yaml');
  } catch (error) {
    expect(error).to.be.instanceOf(InvalidFileError);
    return error as InvalidFileError;
  }
  throw new Error('expected the population to be refused');
}

const commissionBody = (h: Harness): RequestBody => ({
  kind: 'CommissionDeviceSynchroniseClock',
  currentDateTime: h.clock.now(),
  tolerancePeriod: 300,
});

describe('parsePopulation: meters', () => {
  it('is left out when not given, or given as commissioned (the default)', () => {
    expect(parsePopulation({ homes: [home] }, 'estate.yaml').meters).to.equal(undefined);
    expect(parsePopulation({ homes: [home], meters: 'commissioned' }, 'estate.yaml').meters).to.equal(undefined);
  });

  it('takes installed', () => {
    expect(parsePopulation({ homes: [home], meters: 'installed' }, 'estate.yaml').meters).to.equal('installed');
  });

  for (const bad of ['Installed', 'uninstalled', '', 1, true, ['installed']]) {
    it(`refuses meters: ${JSON.stringify(bad)}, naming meters and the values it takes`, () => {
      const error = refusal({ homes: [home], meters: bad });
      expect(error.path).to.equal('meters');
      expect(error.message).to.match(/^estate\.yaml at meters: expected one of commissioned, installed, got /);
    });
  }
});

describe('applyPopulation with meters: installed, and SRV 8.1.1', () => {
  let h: Harness;
  before(async () => {
    h = await Harness.start({ population: parsePopulation({ ...DEFAULT_POPULATION_DATA, meters: 'installed' }, 'default') });
    // Homes 1 and 5 are in the South: a slow WAN there, so the device answers later than it was asked.
    h.csp.network.configure('South', { latency: { fixedMs: 1500, jitterMs: 0 } });
  });
  after(() => h?.close());

  const supplier = (name: string): Eui => h.estate.parties.byName(name).eui;

  it('leaves the SMETS2 ESMEs and GSMEs Installed Not Commissioned, with no commissioning date', () => {
    for (const id of [homeDeviceId(1, 'ESME'), homeDeviceId(1, 'GSME'), homeDeviceId(3, 'ESME'), homeDeviceId(5, 'GSME')]) {
      const record = h.inventory.require(id);
      expect(record.status, id.toString()).to.equal('InstalledNotCommissioned');
      expect(record.dateCommissioned, id.toString()).to.equal(undefined);
    }
  });

  it('commissions the CHFs and GPFs anyway, and the SMETS1 meters', () => {
    for (const id of [homeDeviceId(1, 'CHF'), homeDeviceId(1, 'GPF'), homeDeviceId(5, 'CHF'), homeDeviceId(5, 'GPF'), homeDeviceId(6, 'ESME'), homeDeviceId(7, 'ESME')]) {
      expect(h.inventory.require(id).status, id.toString()).to.equal('Commissioned');
    }
    expect(h.fleet.find(homeDeviceId(1, 'ESME')), 'the installed meter is on the fleet').to.not.equal(undefined);
  });

  for (const [homeNumber, type, name] of [
    [1, 'ESME', 'Aurora Energy'],
    [5, 'GSME', 'Dunlin Gas'],
  ] as const) {
    it(`the supplier's 8.1.1 to home ${homeNumber}'s ${type}: Commissioned when the device answers, dated then, journalled`, async () => {
      const deviceId = homeDeviceId(homeNumber, type);
      const seq = h.journal.size;
      const sentAt = h.clock.now();
      const { cv4, cv5 } = await critical(h, { from: supplier(name), target: deviceId, counter: BigInt(homeNumber), srv: '8.1.1', body: commissionBody(h) });
      expect(cv4.responseCode, cv4.reason).to.equal('I0');
      expect(cv5?.status, cv5?.reason).to.equal(200);
      expect(cv5?.responseCode, cv5?.reason).to.equal('I99');

      await h.drain();
      const record = h.inventory.require(deviceId);
      expect(record.status).to.equal('Commissioned');
      const since = (kind: string) => h.journal.entries({ afterSeq: seq, where: (e) => e.kind === kind && e.deviceId === deviceId.toString() });
      const [answer] = since('response').filter((e) => e.via === 'GBCS' && e.from === deviceId.toString());
      expect(answer, "the device's response is journalled").to.not.equal(undefined);
      expect(record.dateCommissioned?.toISOString()).to.equal(answer!.at.toISOString());
      expect(record.dateCommissioned!.getTime(), 'dated when the device answered, not when asked').to.be.greaterThan(sentAt.getTime());
      const command = since('command').find((e) => e.via === 'GBCS' && e.to === deviceId.toString());
      expect(command!.at.getTime()).to.be.lessThan(answer!.at.getTime());
      const inventory = since('inventory');
      expect(inventory).to.have.length(1);
      expect(inventory[0]).to.deep.include({ from: 'DSP', to: 'DSP', srv: '8.1.1' });
      expect(inventory[0]!.summary).to.contain('Commissioned');
      expect(inventory[0]!.at.toISOString()).to.equal(answer!.at.toISOString());
    });
  }

  it('a second 8.1.1 to a device already Commissioned keeps its date and journals no inventory change', async () => {
    const deviceId = homeDeviceId(1, 'ESME');
    const before = h.inventory.require(deviceId);
    expect(before.status).to.equal('Commissioned');
    await h.advance(60_000);
    const seq = h.journal.size;
    const { cv4, cv5 } = await critical(h, { from: supplier('Aurora Energy'), target: deviceId, counter: 100n, srv: '8.1.1', body: commissionBody(h) });
    expect(cv4.responseCode, cv4.reason).to.equal('I0');
    expect(cv5?.responseCode, cv5?.reason).to.equal('I99');
    await h.drain();
    const answered = h.journal.entries({ afterSeq: seq, where: (e) => e.kind === 'response' && e.via === 'GBCS' && e.from === deviceId.toString() });
    expect(answered, 'the device answered again').to.have.length(1);
    expect(h.inventory.require(deviceId).dateCommissioned?.toISOString()).to.equal(before.dateCommissioned?.toISOString());
    expect(h.journal.entries({ afterSeq: seq, where: (e) => e.kind === 'inventory' })).to.deep.equal([]);
  });

  it('a meter no one commissioned stays Installed Not Commissioned', () => {
    expect(h.inventory.require(homeDeviceId(2, 'ESME')).status).to.equal('InstalledNotCommissioned');
  });

  it(
    'an 8.1.1 whose clock window has passed: the ESME fails adjust_to_preset_time, and the meter is not Commissioned',
    async () => {
      const deviceId = homeDeviceId(3, 'ESME');
      const seq = h.journal.size;
      const anHourAgo = new Date(h.clock.now().getTime() - 3_600_000);
      const body: RequestBody = { kind: 'CommissionDeviceSynchroniseClock', currentDateTime: anHourAgo, tolerancePeriod: 300 };
      const { cv4, cv5 } = await critical(h, { from: supplier('Cirrus Energy'), target: deviceId, counter: 10n, srv: '8.1.1', body });
      expect([cv4.responseCode, cv5?.responseCode]).to.deep.equal(['I0', 'I99']);
      await h.drain();
      const [answer] = h.journal.entries({ afterSeq: seq, where: (e) => e.kind === 'response' && e.via === 'GBCS' && e.from === deviceId.toString() });
      const payload = decodeGbcsMessage(Buffer.from(answer!.payload!, 'hex')).payload;
      if (payload.useCase !== 'ECS70' || payload.direction !== 'response') throw new Error('expected an ECS70 response');
      expect(payload.value.results.map((r) => r.result), 'the device reports the adjust failed (250)').to.include(250);
      expect(h.inventory.require(deviceId).status).to.equal('InstalledNotCommissioned');
    },
  );
});
