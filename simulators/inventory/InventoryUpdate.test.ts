import { describe, it } from 'node:test';
import { expect } from 'chai';
import { InvalidInputError } from '../core/errors.ts';
import type { InventoryUpdate } from './InventoryUpdate.ts';
import { DeviceStatusError, DeviceTypeError, UnknownDeviceError } from './inventoryErrors.ts';
import { SmartMeteringInventory } from './SmartMeteringInventory.ts';
import { CHF, ESME, GPF, GSME, MPAN, MPAN_2, MPRN, PPMID, premises, UNKNOWN } from './testSupport.ts';

function refused(
  inventory: SmartMeteringInventory,
  id: typeof ESME,
  update: InventoryUpdate,
): Error & { responseCode: string } {
  const version = inventory.version;
  const before = inventory.get(id);
  try {
    inventory.updateInventory(id, update);
  } catch (error) {
    expect(inventory.version).to.equal(version);
    expect(inventory.get(id)).to.equal(before);
    return error as Error & { responseCode: string };
  }
  throw new Error('expected the update to be refused');
}

describe('updateInventory (8.4): status', () => {
  it('lets a User set a meter from Pending to InstalledNotCommissioned and back (UpdateDeviceStatusExceptCH)', () => {
    const inventory = premises();
    inventory.prenotify({ deviceId: PPMID, deviceType: 'PPMID', manufacturer: 'A', model: 'B' });
    expect(
      inventory.updateInventory(PPMID, { kind: 'statusExceptCH', status: 'InstalledNotCommissioned' })
        ?.status,
    ).to.equal('InstalledNotCommissioned');
    expect(inventory.updateInventory(PPMID, { kind: 'statusExceptCH', status: 'Pending' })?.status).to.equal(
      'Pending',
    );
  });

  it('lets a User set a CH device with UpdateDeviceStatusCH', () => {
    const inventory = new SmartMeteringInventory();
    inventory.add({ deviceId: CHF, deviceType: 'CHF', cspRegion: 'South' });
    inventory.add({ deviceId: GPF, deviceType: 'GPF', chfId: CHF });
    expect(
      inventory.updateInventory(CHF, { kind: 'statusCH', status: 'InstalledNotCommissioned' })?.status,
    ).to.equal('InstalledNotCommissioned');
    expect(inventory.updateInventory(GPF, { kind: 'statusCH', status: 'Withdrawn' })?.status).to.equal(
      'Withdrawn',
    );
  });

  it('refuses the wrong element for the device type (E11), a value the element lacks (E12), and a move the table forbids (E5)', () => {
    const inventory = premises();
    const e11 = refused(inventory, CHF, { kind: 'statusExceptCH', status: 'Pending' });
    expect(e11).to.be.instanceOf(DeviceTypeError);
    expect(e11.message).to.match(
      /UpdateDeviceStatusExceptCH is not valid for device .* of type CHF; valid for ESME, GSME/,
    );
    expect(refused(inventory, ESME, { kind: 'statusCH', status: 'Commissioned' })).to.be.instanceOf(
      DeviceTypeError,
    );
    const e12 = refused(inventory, ESME, { kind: 'statusExceptCH', status: 'Commissioned' as never });
    expect(e12).to.be.instanceOf(InvalidInputError);
    expect(e12.message).to.equal(
      'UpdateDeviceStatusExceptCH: expected one of Pending, InstalledNotCommissioned, got "Commissioned"',
    );
    const e5 = refused(inventory, ESME, { kind: 'statusExceptCH', status: 'Pending' });
    expect(e5).to.be.instanceOf(DeviceStatusError);
    expect(e5.responseCode).to.equal('E5');
    expect(e5.message).to.match(
      /Update Inventory \(8.4\) to Pending refused for device 00-DB-12-34-56-78-90-A0: its status is Commissioned/,
    );
  });

  it('says E19 for an unknown device', () => {
    const inventory = premises();
    expect(() => inventory.updateInventory(UNKNOWN, { kind: 'delete' })).to.throw(UnknownDeviceError);
  });
});

describe('updateInventory (8.4): details and MPxN', () => {
  it('changes the UpdateDeviceDetails fields and keeps the rest', () => {
    const inventory = premises();
    const after = inventory.updateInventory(ESME, {
      kind: 'details',
      details: { firmwareVersion: '2.1', esmeVariant: 'AD' },
    });
    expect(after).to.include({ firmwareVersion: '2.1', esmeVariant: 'AD', status: 'Commissioned' });
    expect(after?.chfId?.equals(CHF)).to.equal(true);
  });

  it('changes one MPxN at a time', () => {
    const inventory = premises();
    expect(
      inventory.updateInventory(ESME, { kind: 'mpxn', mpxn: { importMpxn: MPAN_2 } })?.importMpxn?.value,
    ).to.equal(MPAN_2.value);
    expect(
      inventory.updateInventory(ESME, { kind: 'mpxn', mpxn: { exportMpan: MPAN } })?.exportMpan?.value,
    ).to.equal(MPAN.value);
    expect(inventory.devicesForMpxn(MPAN).map((r) => r.deviceId.toString())).to.deep.equal([ESME.toString()]);
  });

  const bad: [string, typeof ESME, InventoryUpdate, RegExp][] = [
    ['no details', ESME, { kind: 'details', details: {} }, /^UpdateDeviceDetails: expected at least one of/],
    [
      'an ESME variant on a gas meter',
      GSME,
      { kind: 'details', details: { esmeVariant: 'A' } },
      /ESMEVariant of device .* \(GSME\): expected no ESMEVariant/,
    ],
    [
      'a firmware version longer than the schema allows',
      ESME,
      { kind: 'details', details: { firmwareVersion: '123456789' } },
      /FirmwareVersion of device .*: expected text of 1 to 8 characters/,
    ],
    [
      'an MPRN on an ESME',
      ESME,
      { kind: 'mpxn', mpxn: { importMpxn: MPRN } },
      /ImportMPxN of device .* \(ESME\): expected an MPAN, got "7412345678"/,
    ],
    ['an MPAN on a GSME', GSME, { kind: 'mpxn', mpxn: { importMpxn: MPAN } }, /expected an MPRN/],
    [
      'an export MPAN on a GSME',
      GSME,
      { kind: 'mpxn', mpxn: { exportMpan: MPAN } },
      /ExportMPAN of device .*: expected none: only an ESME has one/,
    ],
    [
      'an MPxN on a CHF',
      CHF,
      { kind: 'mpxn', mpxn: { importMpxn: MPAN } },
      /expected no MPxN: only ESME, GSME, GPF and other devices carry one/,
    ],
    [
      'two MPxN fields',
      ESME,
      { kind: 'mpxn', mpxn: { importMpxn: MPAN, exportMpan: MPAN } as never },
      /^UpdateMPxN: expected exactly one of importMpxn, secondaryImportMpan, exportMpan, got "2 fields"$/,
    ],
    ['an unknown kind', ESME, { kind: 'rename' } as never, /^UpdateInventory: expected kind statusExceptCH/],
  ];
  for (const [what, id, update, message] of bad) {
    it(`refuses ${what} with E12, changing nothing`, () => {
      const error = refused(premises(), id, update);
      expect(error).to.be.instanceOf(InvalidInputError);
      expect(error.message).to.match(message);
    });
  }

  it('refuses details and MPxN changes on a decommissioned device (E5)', () => {
    const inventory = premises();
    inventory.decommission(ESME);
    const error = refused(inventory, ESME, { kind: 'details', details: { model: 'X' } });
    expect(error).to.be.instanceOf(DeviceStatusError);
    expect(error.message).to.match(/UpdateDeviceDetails refused .*status is Decommissioned/);
    expect(refused(inventory, ESME, { kind: 'mpxn', mpxn: { importMpxn: MPAN_2 } })).to.be.instanceOf(
      DeviceStatusError,
    );
  });
});

describe('updateInventory (8.4): DeleteDevice', () => {
  it('deletes a Pending device', () => {
    const inventory = premises();
    inventory.prenotify({ deviceId: PPMID, deviceType: 'PPMID', manufacturer: 'A', model: 'B' });
    expect(inventory.updateInventory(PPMID, { kind: 'delete' })).to.equal(undefined);
    expect(inventory.get(PPMID)).to.equal(undefined);
  });

  it('refuses to delete a device that is not Pending (E5), and a CHF with devices on its log', () => {
    const inventory = premises();
    const error = refused(inventory, ESME, { kind: 'delete' });
    expect(error).to.be.instanceOf(DeviceStatusError);
    expect(error.message).to.match(
      /DeleteDevice refused .*: its status is Commissioned; allowed from Pending$/,
    );
    const hub = new SmartMeteringInventory();
    hub.add({ deviceId: CHF, deviceType: 'CHF', cspRegion: 'Central' });
    hub.add({ deviceId: GPF, deviceType: 'GPF', chfId: CHF });
    expect(refused(hub, CHF, { kind: 'delete' }).message).to.match(
      /^DeleteDevice: expected a CHF with no devices on its device log, got "1 devices"$/,
    );
  });
});
