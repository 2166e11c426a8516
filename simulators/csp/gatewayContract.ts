/** The DeviceGateway contract the CSP keeps, written once; run in process and over WebSocket. */
import { after, describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import type { RequestId } from '../core/RequestId.ts';
import type { DeviceAlert } from '../dsp/ports.ts';
import { decodeGbcsMessage, decodeGroupingHeader } from '../gbcs/index.ts';
import { SUPPLIER, SUPPLIER_B, TEST_NOW } from '../smets2/testSupport.ts';
import type { LateResponse } from './hooks.ts';
import {
  cs02bCommand,
  replaced,
  type Rig,
  type RigFactory,
  type RigOptions,
  SMETS1_METER,
  scripted,
  watch,
} from './testSupport.ts';

const T0 = Date.parse(TEST_NOW);
const DAY = 24 * 3600 * 1000;

export function gatewayContract(name: string, makeRig: RigFactory): void {
  describe(`CSP device gateway contract: ${name}`, () => {
    const rigs: Rig[] = [];
    const rig = async (options?: RigOptions) => {
      const r = await makeRig(options);
      rigs.push(r);
      return r;
    };
    after(async () => {
      for (const r of rigs) await r.close();
    });

    it('carries a command to its device and the response back', async () => {
      const r = await rig();
      const command = cs02bCommand(r.north);
      const outcome = r.gateway.send(command);
      await r.scheduler.drain();
      const o = await outcome;
      if (o.kind !== 'response') throw new Error(`expected a response, got ${o.kind}`);
      const header = decodeGbcsMessage(o.response).header;
      expect(header.originator.equals(r.north.eui)).to.equal(true);
      expect(header.originatorCounter).to.equal(command.requestId.counter);
      expect(o.alerts?.map((a) => a.alertCode)).to.deep.equal(['8F70']);
      const csp = r.journal.entries({ where: (e) => e.via === 'CSP' });
      expect(csp.map((e) => e.kind)).to.deep.equal(['command', 'alert', 'response']);
      expect(csp[0]!.requestId).to.equal(command.requestId.toString());
      expect(r.network.openCommands).to.equal(0);
    });

    it('applies latency each way in simulated time: nothing arrives before the clock passes it', async () => {
      const r = await rig({ settings: { North: { latency: { fixedMs: 200, jitterMs: 0 } } } });
      const seen = watch(r.gateway.send(cs02bCommand(r.north)));
      await r.scheduler.advance(199);
      expect(replaced(r.north)).to.equal(false);
      await r.scheduler.advance(1);
      expect(replaced(r.north)).to.equal(true);
      await r.scheduler.advance(199);
      expect(seen.value).to.equal(undefined);
      await r.scheduler.advance(1);
      expect(seen.value?.kind).to.equal('response');
      expect(r.world.clock.now().getTime()).to.equal(T0 + 400);
    });

    it('jitter comes from the injected random and stays within fixed … fixed + jitter', async () => {
      const r = await rig({ settings: { North: { latency: { fixedMs: 100, jitterMs: 50 } } } });
      const outcome = r.gateway.send(cs02bCommand(r.north));
      await r.scheduler.drain();
      expect((await outcome).kind).to.equal('response');
      const took = r.world.clock.now().getTime() - T0;
      expect(took).to.be.within(200, 300);
    });

    it('a lost command times out (E21) at the region time-out, not before', async () => {
      const r = await rig({ settings: { North: { lossProbability: 1, responseTimeoutMs: 30_000 } } });
      const seen = watch(r.gateway.send(cs02bCommand(r.north)));
      await r.scheduler.advance(29_999);
      expect(seen.value).to.equal(undefined);
      await r.scheduler.advance(1);
      expect(seen.value?.kind).to.equal('timeout');
      expect(replaced(r.north)).to.equal(false);
      expect(r.journal.entries({ where: (e) => e.via === 'CSP' }).map((e) => e.kind)).to.deep.equal(['lost', 'timeout']);
    });

    it('a response lost on the way back: timeout (E21); the alert that made it goes to the alert hook', async () => {
      // draws: the command survives (0.9), the alert survives (0.9), the response is lost (0.1)
      const r = await rig({ settings: { North: { lossProbability: 0.5 } }, random: scripted(0.9, 0.9, 0.1) });
      const alerts = listen(r);
      const command = cs02bCommand(r.north);
      const outcome = r.gateway.send(command);
      await r.scheduler.drain();
      expect((await outcome).kind).to.equal('timeout');
      expect(replaced(r.north)).to.equal(true);
      expect(alerts.map((a) => [a.code, a.about?.toString()])).to.deep.equal([['8F70', command.requestId.toString()]]);
      const kinds = r.journal.entries({ where: (e) => e.via === 'CSP' }).map((e) => e.kind);
      expect(kinds).to.deep.equal(['command', 'lost', 'alert', 'timeout']);
    });

    it('an outage window makes the device unreachable (E20) while inside; delivered after', async () => {
      const outages = [{ from: new Date(T0), to: new Date(T0 + 60_000) }];
      const r = await rig({ settings: { North: { outages } } });
      const during = await r.gateway.send(cs02bCommand(r.north));
      expect(during.kind).to.equal('unreachable');
      expect(during.kind === 'unreachable' && during.reason).to.match(/North is in an outage/);
      await r.scheduler.advance(59_999);
      expect((await r.gateway.send(cs02bCommand(r.north))).kind).to.equal('unreachable');
      await r.scheduler.advance(1);
      const outcome = r.gateway.send(cs02bCommand(r.north));
      await r.scheduler.drain();
      expect((await outcome).kind).to.equal('response');
    });

    it('an answer entering the WAN during an outage is lost, and the command unreachable', async () => {
      const outages = [{ from: new Date(T0 + 100), to: new Date(T0 + 60_000) }];
      const r = await rig({ settings: { North: { latency: 100, outages } } });
      const outcome = r.gateway.send(cs02bCommand(r.north));
      await r.scheduler.drain();
      const o = await outcome;
      expect(o.kind === 'unreachable' && o.reason).to.match(/answer was lost/);
      expect(replaced(r.north)).to.equal(true);
    });

    it('regions are independent: an outage in North does not touch South', async () => {
      const outages = [{ from: new Date(T0), to: new Date(T0 + DAY) }];
      const r = await rig({ settings: { North: { outages }, South: { latency: 50 } } });
      const south = r.gateway.send(cs02bCommand(r.south));
      expect((await r.gateway.send(cs02bCommand(r.north))).kind).to.equal('unreachable');
      await r.scheduler.drain();
      expect((await south).kind).to.equal('response');
      expect(r.world.clock.now().getTime()).to.equal(T0 + 100);
      expect(r.network.settings('Central').outages).to.deep.equal([]);
    });

    it('a device with no SMETS2 region, or one the inventory does not know, is unreachable', async () => {
      const r = await rig();
      const smets1 = await r.gateway.send({ ...cs02bCommand(r.north), deviceId: SMETS1_METER });
      expect(smets1.kind === 'unreachable' && smets1.reason).to.match(/no SMETS2 CSP region/);
      const unknown = await r.gateway.send({ ...cs02bCommand(r.north), deviceId: Eui.parse('00DB0000000000FF') });
      expect(unknown.kind).to.equal('unreachable');
    });

    it('device fault offline: unreachable (E20) one round trip later', async () => {
      const r = await rig({ settings: { North: { latency: 10 } } });
      r.north.setFault('offline');
      const outcome = r.gateway.send(cs02bCommand(r.north));
      await r.scheduler.drain();
      const o = await outcome;
      expect(o.kind === 'unreachable' && o.reason).to.match(/offline/);
      expect(r.world.clock.now().getTime()).to.equal(T0 + 20);
    });

    it('a refused command comes back as alerts only (0x8F30), without waiting for the time-out', async () => {
      const r = await rig();
      const outcome = r.gateway.send(cs02bCommand(r.north, { from: SUPPLIER_B }));
      await r.scheduler.runDue();
      const o = await outcome;
      expect(o.kind).to.equal('alerts');
      expect(o.kind === 'alerts' && o.alerts.map((a) => a.alertCode)).to.deep.equal(['8F30']);
    });

    it('device fault noResponse: timeout (E21); the alerts it raised go to the alert hook', async () => {
      const r = await rig();
      const alerts = listen(r);
      r.north.setFault('noResponse');
      const command = cs02bCommand(r.north);
      const seen = watch(r.gateway.send(command));
      await r.scheduler.advance(29_999);
      expect(seen.value).to.equal(undefined);
      expect(alerts).to.deep.equal([]);
      await r.scheduler.advance(1);
      expect(seen.value?.kind).to.equal('timeout');
      expect(alerts.map((a) => [a.code, a.about?.toString()])).to.deep.equal([['8F70', command.requestId.toString()]]);
    });

    it('a delayed response within the time-out is the outcome', async () => {
      const r = await rig();
      r.north.setFault({ kind: 'delayedResponse', ms: 10_000 });
      const outcome = r.gateway.send(cs02bCommand(r.north));
      await r.scheduler.drain();
      const o = await outcome;
      expect(o.kind).to.equal('response');
      expect(o.kind === 'response' && o.alerts?.map((a) => a.alertCode)).to.deep.equal(['8F70']);
      expect(r.world.clock.now().getTime()).to.equal(T0 + 10_000);
    });

    it('delayedResponse beyond the time-out: timeout, and the late response to the hook and the journal', async () => {
      const r = await rig({ settings: { North: { latency: 5, responseTimeoutMs: 30_000 } } });
      const late: LateResponse[] = [];
      r.gateway.onLateResponse((l) => late.push(l));
      r.north.setFault({ kind: 'delayedResponse', ms: 40_000 });
      const command = cs02bCommand(r.north);
      const seen = watch(r.gateway.send(command));
      await r.scheduler.advance(30_000);
      expect(seen.value?.kind).to.equal('timeout');
      expect(late).to.deep.equal([]);
      await r.scheduler.drain();
      expect(late).to.have.length(1);
      expect(late[0]!.requestId?.toString()).to.equal(command.requestId.toString());
      expect(late[0]!.arrivedAt.getTime()).to.equal(T0 + 5 + 40_000 + 5);
      expect(late[0]!.timedOutAt?.getTime()).to.equal(T0 + 30_000);
      expect(decodeGbcsMessage(late[0]!.response).header.originatorCounter).to.equal(command.requestId.counter);
      const kinds = r.journal.entries({ where: (e) => e.via === 'CSP' }).map((e) => e.kind);
      expect(kinds).to.deep.equal(['command', 'alert', 'timeout', 'response', 'late-response']);
    });

    it('forwards unsolicited alerts: a future-dated CS02b raises 0x00CB (8F66) and 8F70 when its time comes', async () => {
      const r = await rig({ settings: { North: { latency: 7 } } });
      const alerts = listen(r);
      const at = new Date(T0 + DAY);
      const outcome = r.gateway.send(cs02bCommand(r.north, { executionDateTime: at }));
      await r.scheduler.advance(14);
      expect((await outcome).kind).to.equal('response');
      await r.scheduler.advanceTo(new Date(at.getTime() + 6));
      expect(alerts).to.deep.equal([]);
      await r.scheduler.advance(1);
      expect(alerts.map((a) => [a.device.hex, a.code, a.about])).to.deep.equal([
        [r.north.eui.hex, '8F66', undefined],
        [r.north.eui.hex, '8F70', undefined],
      ]);
      expect(decodeGroupingHeader(alerts[0]!.alert.bytes).recipient.equals(SUPPLIER)).to.equal(true);
    });
  });
}

interface Heard {
  readonly device: Eui;
  readonly code: string;
  readonly alert: DeviceAlert;
  readonly about: RequestId | undefined;
}

function listen(r: Rig): Heard[] {
  const heard: Heard[] = [];
  r.gateway.onAlert((device, alert, about) => heard.push({ device, code: alert.alertCode, alert, about }));
  return heard;
}
