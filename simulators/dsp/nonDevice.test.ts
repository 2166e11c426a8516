import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import type { RequestBody } from '../duis/index.ts';
import { readInventoryBody } from './testBodies.ts';
import { ACB, AURORA, CHF, checkDspXml, ESME, GPF, GSME, type Harness, harness } from './testSupport.ts';

const NEW_ESME = Eui.parse('00-DB-12-34-56-78-90-B0');

function nonDevice(h: Harness, srv: string, body: RequestBody, counter: number) {
  return h.send('D', { from: AURORA, target: ACB, counter, cv: 8, srv, body });
}

describe('Non-Device Services: the DSP answers from the Smart Metering Inventory', () => {
  it('8.2 Read Inventory by DeviceID → I0 with the device and the rest of its HAN', async () => {
    const h = await harness();
    const answer = await nonDevice(h, '8.2', readInventoryBody(ESME), 1);
    expect(answer.responseCode).to.equal('I0');
    const response = await checkDspXml(h.estate, answer.body);
    if (response.body.kind !== 'ResponseMessage' || response.body.content?.kind !== 'DSPInventory') throw new Error('no inventory');
    const devices = response.body.content.devices;
    expect(devices.map((d) => d.deviceId.toString())).to.deep.equal([ESME, CHF, GSME, GPF].map(String));
    expect(devices[0]).to.deep.include({ deviceType: 'ESME', deviceStatus: 'Commissioned', importMpxn: '1200000000011', cspRegion: 'North' });
    expect(h.dsp.lastCounter(AURORA)).to.equal(1n);
  });

  it('8.2 by MPxN, and E19 for an MPxN no device has', async () => {
    const h = await harness();
    const byMpxn = (mpxn: string, counter: number) =>
      nonDevice(h, '8.2', { kind: 'ReadInventory', selector: { by: 'MPxN', mpxn } }, counter);
    expect((await byMpxn('7412345678', 1)).responseCode).to.equal('I0');
    const none = await byMpxn('1900000000000', 2);
    expect(none.responseCode).to.equal('E19');
    expect(none.reason).to.match(/no device .* has MPxN 1900000000000/);
    expect(h.dsp.lastCounter(AURORA)).to.equal(1n);
  });

  it('8.3 Decommission → I99 and the device is Decommissioned; E5 from a status that does not allow it', async () => {
    const h = await harness();
    const answer = await nonDevice(h, '8.3', { kind: 'DecommissionDevice', deviceId: ESME }, 1);
    expect(answer.responseCode).to.equal('I99');
    await checkDspXml(h.estate, answer.body);
    expect(h.inventory.require(ESME).status).to.equal('Decommissioned');
    const before = h.observable();
    const again = await nonDevice(h, '8.3', { kind: 'DecommissionDevice', deviceId: ESME }, 2);
    expect(again.responseCode).to.equal('E5');
    expect(again.reason).to.match(/its status is Decommissioned/);
    expect(h.observable()).to.deep.equal(before);
  });

  it('8.4 Update Inventory → I99; E11 for a status element of the wrong device type', async () => {
    const h = await harness();
    const details: RequestBody = {
      kind: 'UpdateInventory',
      deviceId: ESME,
      update: { kind: 'UpdateDeviceDetails', details: { deviceManufacturer: 'AB01', firmwareVersion: '0002012F' } },
    };
    expect((await nonDevice(h, '8.4', details, 1)).responseCode).to.equal('I99');
    expect(h.inventory.require(ESME)).to.include({ manufacturer: 'AB01', firmwareVersion: '0002012F' });
    const before = h.observable();
    const wrongType: RequestBody = {
      kind: 'UpdateInventory',
      deviceId: ESME,
      update: { kind: 'UpdateDeviceStatusCH', status: 'Withdrawn' },
    };
    const refused = await nonDevice(h, '8.4', wrongType, 2);
    expect(refused.responseCode).to.equal('E11');
    expect(h.observable()).to.deep.equal(before);
  });

  it('12.2 Pre-notification → I99 and the device is Pending; E19/E5 codes from the inventory change nothing', async () => {
    const h = await harness();
    const prenotify: RequestBody = {
      kind: 'DevicePrenotification',
      deviceId: NEW_ESME,
      deviceManufacturer: 'AB01',
      deviceModel: '010A',
      deviceType: 'ESME',
      esmeVariant: 'A',
    };
    const answer = await nonDevice(h, '12.2', prenotify, 1);
    expect(answer.responseCode).to.equal('I99');
    expect(h.inventory.require(NEW_ESME)).to.include({ status: 'Pending', deviceType: 'ESME' });
    const before = h.observable();
    const duplicate = await nonDevice(h, '12.2', prenotify, 2);
    expect(duplicate.responseCode).to.equal('E5');
    expect(duplicate.reason).to.match(/already in the Smart Metering Inventory/);
    const unknown = await nonDevice(h, '8.3', { kind: 'DecommissionDevice', deviceId: Eui.parse('00-DB-00-00-00-00-00-01') }, 3);
    expect(unknown.responseCode).to.equal('E19');
    expect(h.observable()).to.deep.equal(before);
  });

  it('8.2 by UPRN is refused with E12: the harness inventory records no UPRN', async () => {
    const h = await harness();
    const answer = await nonDevice(h, '8.2', { kind: 'ReadInventory', selector: { by: 'UPRN', uprn: '000000000001' } }, 1);
    expect(answer.responseCode).to.equal('E12');
    expect(answer.reason).to.match(/UPRN is not supported/);
  });
});
