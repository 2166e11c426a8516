import { after, before, describe, it } from 'node:test';
import { expect } from 'chai';
import type { JournalInterface } from '../core/Journal.ts';
import { Harness, homeDeviceId } from '../harness/index.ts';
import { entryView, participantOf, toneOf } from './entryView.ts';
import { deviceView, devicesView, partiesView } from './estateView.ts';
import type { DeviceView } from './messages.ts';

describe('the live view’s views of the default estate', () => {
  let h: Harness;
  before(async () => {
    h = await Harness.start();
  });
  after(async () => h?.close());

  const view = (home: number, type: 'ESME' | 'GSME' | 'CHF' | 'GPF'): DeviceView =>
    deviceView(h, h.inventory.require(homeDeviceId(home, type)));
  const noCells = (d: DeviceView) => d.cells.filter((c) => c.networkOperatorCell);

  it('marks the MP107 SMETS1 meter’s NO slots wrong, naming the registered NO', () => {
    const d = view(7, 'ESME');
    expect(d).to.include({ smets: 'SMETS1', holds: 'slots', route: 'S1SP-B', networkOperatorRole: 'NO', wrong: 2 });
    expect(d.networkOperator?.name).to.equal('SP Energy Networks (Merseyside & N Wales)');
    expect(noCells(d).map((c) => [c.name, c.owner?.name, c.state, c.note])).to.deep.equal([
      ['networkOperatorDS', 'UK Power Networks (London)', 'wrong', 'registered NO is SP Energy Networks (Merseyside & N Wales)'],
      ['networkOperatorKA', 'UK Power Networks (London)', 'wrong', 'registered NO is SP Energy Networks (Merseyside & N Wales)'],
    ]);
    expect(d.cells.find((c) => c.name === 'supplierDS')).to.deep.include({ state: 'unchecked', owner: { eui: '90-B3-D5-1F-40-01-03-00', name: 'Cirrus Energy' } });
  });

  it('marks correct NO cells ok and shows every cell of a SMETS2 ESME with its owner', () => {
    const d = view(1, 'ESME');
    expect(d).to.include({ smets: 'SMETS2', holds: 'cells', route: 'CSP South', mpxn: 'MPAN 1200000000011', wrong: 0 });
    expect(noCells(d).every((c) => c.state === 'ok' && c.owner?.name === 'UK Power Networks (London)')).to.equal(true);
    expect(d.cells.map((c) => c.name)).to.include.members(['root', 'supplierDS', 'accessControlBrokerDS', 'transitionalCoSDS']);
    expect(d.cells.find((c) => c.name === 'root')?.owner?.name).to.equal('SMKI root');
  });

  it('calls NO cells held by the supplier, another NO or the ACB wrong; a GPF’s against the registered GT', () => {
    expect(noCells(view(2, 'ESME')).map((c) => [c.owner?.name, c.state])).to.deep.equal([
      ['Borealis Power', 'wrong'],
      ['Borealis Power', 'wrong'],
    ]);
    expect(view(3, 'ESME').wrong).to.equal(2);
    expect(noCells(view(4, 'ESME'))[0]).to.deep.include({ state: 'wrong', note: 'registered NO is UK Power Networks (Eastern)' });
    const gpf = view(5, 'GPF');
    expect(gpf).to.include({ networkOperatorRole: 'GT', wrong: 2 });
    expect(noCells(gpf)[0]!.note).to.equal('registered GT is Wales & West Utilities');
  });

  it('judges nothing on a GSME (no NO cells) or a CHF (no meter point)', () => {
    expect(view(1, 'GSME')).to.include({ wrong: 0, networkOperatorRole: 'GT' });
    expect(noCells(view(1, 'GSME'))).to.deep.equal([]);
    const chf = view(1, 'CHF');
    expect(chf.mpxn).to.equal(undefined);
    expect(chf.cells.every((c) => c.state !== 'wrong')).to.equal(true);
  });

  it('lists the devices up to a limit, and the parties with roles', () => {
    const all = devicesView(h);
    expect(all.total).to.equal(h.inventory.devices().length);
    expect(devicesView(h, 3).devices).to.have.length(3);
    expect(partiesView(h).find((p) => p.name === 'Aurora Energy')).to.deep.include({ eui: '90-B3-D5-1F-40-01-01-00', userRoles: ['IS', 'GS'] });
    expect(partiesView(h).find((p) => p.s1spId === 'S1SP-B')?.name).to.equal('SMETS1 Service Provider B');
  });

  it('heads lanes by party, device, S1SP and the DCC’s own names', () => {
    expect(participantOf(h, '90-B3-D5-1F-40-02-12-00')).to.deep.equal({
      id: '90-B3-D5-1F-40-02-12-00',
      kind: 'user',
      label: 'UK Power Networks (London)',
      detail: '90-B3-D5-1F-40-02-12-00 · ED',
    });
    expect(participantOf(h, homeDeviceId(7, 'ESME').toString())).to.include({ kind: 'device', label: 'ESME (SMETS1)' });
    expect(participantOf(h, 'S1SP-B')).to.include({ kind: 's1sp', detail: 'SMETS1 Service Provider B' });
    expect(participantOf(h, 'DSP').kind).to.equal('dsp');
    expect(participantOf(h, 'CSP').kind).to.equal('csp');
    expect(participantOf(h, 'something else')).to.include({ kind: 'other', label: 'something else' });
  });

  it('draws SMETS2 traffic through the CSP lane and labels arrows SRV · kind · code', () => {
    const device = homeDeviceId(3, 'ESME').toString();
    const base = { seq: 1, at: new Date(0), summary: 's', srv: '6.15.1' };
    const gbcs = entryView(h, { ...base, via: 'GBCS', from: 'DSP', to: device, kind: 'command' });
    expect([gbcs.from.id, gbcs.to.id, gbcs.label, gbcs.tone]).to.deep.equal(['DSP', 'CSP', '6.15.1 · command', 'request']);
    const carried = entryView(h, { ...base, via: 'CSP', from: device, to: 'DSP', kind: 'response' });
    expect([carried.from.id, carried.to.id]).to.deep.equal([device, 'CSP']);
    const refused = entryView(h, { ...base, via: 'DUIS', from: 'DSP', to: '90-B3-D5-1F-40-02-12-00', kind: 'refusal', responseCode: 'E4' });
    expect([refused.label, refused.tone]).to.deep.equal(['6.15.1 · refusal · E4', 'refused']);
  });

  it('colours refusals and failures red, answers green, slot changes purple', () => {
    const tone = (kind: string, responseCode?: string, via: JournalInterface = 'DUIS', summary = '') =>
      toneOf({ kind, via, summary, ...(responseCode !== undefined && { responseCode }) });
    expect(tone('response', 'E4')).to.equal('refused');
    expect(tone('response', 'E9063')).to.equal('refused');
    expect(tone('timeout', undefined, 'CSP')).to.equal('refused');
    expect(tone('response', 'I99')).to.equal('ok');
    expect(tone('response', undefined, 'S1SP')).to.equal('ok');
    expect(tone('slot-replacement', undefined, 'S1SP')).to.equal('change');
    expect(tone('alert', 'I0')).to.equal('alert');
    expect(tone('request')).to.equal('request');
    expect(tone('delivery', 'I0', 'DELIVERY', 'POST http://x → 200, delivered')).to.equal('delivery');
    expect(tone('delivery', 'I0', 'DELIVERY', 'POST http://x → 503, will retry')).to.equal('refused');
  });
});
