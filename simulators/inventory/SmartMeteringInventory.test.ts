import { describe, it } from 'node:test';
import { expect } from 'chai';
import { InvalidInputError } from '../core/errors.ts';
import type { DeviceStatus } from './enumerations.ts';
import {
  DeviceStatusError,
  DeviceTypeError,
  DuplicateDeviceError,
  UnknownDeviceError,
} from './inventoryErrors.ts';
import type { InventoryChange } from './SmartMeteringInventory.ts';
import { DeviceBatchError, SmartMeteringInventory } from './SmartMeteringInventory.ts';
import { DECOMMISSION_FROM } from './statusTransitions.ts';
import {
  CHF,
  ESME,
  GPF,
  GSME,
  MPAN,
  MPAN_2,
  MPRN,
  PPMID,
  premises,
  S1_ESME,
  UNKNOWN,
} from './testSupport.ts';

/** Expects `act` to throw `type` (with `code` and a message matching `message`) and the inventory to stay as it was. */
function expectRefused(
  inventory: SmartMeteringInventory,
  act: () => unknown,
  type: new (...args: never[]) => Error,
  code: string,
  message: RegExp,
): void {
  const version = inventory.version;
  const before = inventory.devices();
  let thrown: unknown;
  try {
    act();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'an error').to.be.instanceOf(type);
  expect((thrown as { responseCode: string }).responseCode).to.equal(code);
  expect((thrown as Error).message).to.match(message);
  expect(inventory.version).to.equal(version);
  expect(inventory.devices()).to.deep.equal(before);
}

describe('SmartMeteringInventory: reading (8.2)', () => {
  it('gets a device by ID, and says E19 for an unknown one', () => {
    const inventory = premises();
    expect(inventory.get(ESME)).to.include({
      deviceType: 'ESME',
      status: 'Commissioned',
      smetsVersion: 'SMETS2',
    });
    expect(inventory.get(UNKNOWN)).to.equal(undefined);
    expectRefused(
      inventory,
      () => inventory.require(UNKNOWN),
      UnknownDeviceError,
      'E19',
      /device 00-DB-FF-FF-FF-FF-FF-FF is not in the Smart Metering Inventory/,
    );
  });

  it('keeps SMETS1 devices with their S1SP; their CSP region reads as SMETS1, as DUIS reports it', () => {
    const inventory = premises();
    expect(inventory.get(S1_ESME)).to.include({ smetsVersion: 'SMETS1', s1spId: 'S1SP-A' });
    expect(inventory.get(S1_ESME)?.cspRegion).to.equal(undefined);
    expect(inventory.cspRegionOf(S1_ESME)).to.equal('SMETS1');
    expect(inventory.readInventory({ deviceId: S1_ESME })[0]?.cspRegion).to.equal('SMETS1');
  });

  it("reads by device ID: the device, then the rest of its HAN, with the CHF's region", () => {
    const found = premises().readInventory({ deviceId: GSME });
    expect(found.map((r) => r.deviceId.toString())).to.deep.equal([GSME, CHF, ESME, GPF].map(String));
    expect(found.every((r) => r.cspRegion === 'North')).to.equal(true);
  });

  it('reads by MPxN, and says E19 when no device has it', () => {
    const inventory = premises();
    expect(inventory.readInventory({ mpxn: MPAN }).map((r) => r.deviceId.toString())).to.deep.equal(
      [ESME, CHF, GSME, GPF].map(String),
    );
    expect(inventory.readInventory({ mpxn: MPAN_2 }).map((r) => r.deviceId.toString())).to.deep.equal([
      S1_ESME.toString(),
    ]);
    expect(inventory.readInventory({ mpxn: MPRN })[0]?.deviceId.equals(GSME)).to.equal(true);
    const none = new SmartMeteringInventory();
    expect(() => none.readInventory({ mpxn: MPAN })).to.throw(
      UnknownDeviceError,
      /no device in the Smart Metering Inventory has MPxN 1200000000011/,
    );
  });

  it('lists devices by MPxN without HAN expansion, and the MPxNs each device serves', () => {
    const inventory = premises();
    expect(inventory.devicesForMpxn(MPRN).map((r) => r.deviceId.toString())).to.deep.equal([GSME.toString()]);
    expect(inventory.mpxnsOf(ESME).map(String)).to.deep.equal([MPAN.value]);
    expect(inventory.mpxnsOf(CHF).map(String)).to.deep.equal([MPAN.value, MPRN.value]);
    expect(inventory.mpxnsOf(GPF).map(String)).to.deep.equal([MPRN.value]);
  });
});

describe('SmartMeteringInventory: pre-notification (12.2)', () => {
  it('adds a SMETS2 device in status Pending', () => {
    const inventory = premises();
    const record = inventory.prenotify({
      deviceId: PPMID,
      deviceType: 'PPMID',
      manufacturer: 'Acme',
      model: 'P1',
      firmwareVersion: '1.0',
    });
    expect(record).to.include({ status: 'Pending', smetsVersion: 'SMETS2', manufacturer: 'Acme' });
    expect(inventory.get(PPMID)).to.equal(record);
  });

  it('refuses a known device (E5), a Communications Hub device (E11) and missing or bad fields (E12)', () => {
    const inventory = premises();
    expectRefused(
      inventory,
      () => inventory.prenotify({ deviceId: ESME, deviceType: 'ESME', manufacturer: 'A', model: 'B' }),
      DuplicateDeviceError,
      'E5',
      /already in the Smart Metering Inventory \(status Commissioned\)/,
    );
    expectRefused(
      inventory,
      () => inventory.prenotify({ deviceId: PPMID, deviceType: 'CHF', manufacturer: 'A', model: 'B' }),
      DeviceTypeError,
      'E11',
      /Device Pre-notification \(12.2\) is not valid for device .* of type CHF/,
    );
    expectRefused(
      inventory,
      () => inventory.prenotify({ deviceId: PPMID, deviceType: 'PPMID', model: 'B' } as never),
      InvalidInputError,
      'E12',
      /^manufacturer: expected a value/,
    );
    expectRefused(
      inventory,
      () =>
        inventory.prenotify({
          deviceId: PPMID,
          deviceType: 'PPMID',
          manufacturer: 'x'.repeat(31),
          model: 'B',
        }),
      InvalidInputError,
      'E12',
      /DeviceManufacturer of device .*: expected text of 1 to 30 characters/,
    );
    expectRefused(
      inventory,
      () =>
        inventory.prenotify({ deviceId: PPMID, deviceType: 'meter' as never, manufacturer: 'A', model: 'B' }),
      InvalidInputError,
      'E12',
      /^DeviceType: expected one of ESME, GSME/,
    );
  });
});

describe('SmartMeteringInventory: whitelisting and commissioning', () => {
  it('moves a pre-notified meter to Whitelisted on a CHF, then to Commissioned with its date', () => {
    const inventory = premises();
    inventory.prenotify({ deviceId: PPMID, deviceType: 'PPMID', manufacturer: 'Acme', model: 'P1' });
    expectRefused(
      inventory,
      () => inventory.commission(PPMID, new Date('2026-01-02T00:00:00Z')),
      DeviceStatusError,
      'E5',
      /Commissioning a device on no CHF device log refused .*status is Pending/,
    );
    expect(inventory.whitelist(PPMID, CHF)).to.include({ status: 'Whitelisted' });
    expect(inventory.cspRegionOf(PPMID)).to.equal('North');
    const done = inventory.commission(PPMID, new Date('2026-01-02T00:00:00Z'));
    expect(done.status).to.equal('Commissioned');
    expect(done.dateCommissioned?.toISOString()).to.equal('2026-01-02T00:00:00.000Z');
  });

  it('refuses a CHF that is unknown (E19) or not a CHF, and commissioning twice (E5)', () => {
    const inventory = premises();
    inventory.prenotify({ deviceId: PPMID, deviceType: 'PPMID', manufacturer: 'Acme', model: 'P1' });
    expectRefused(
      inventory,
      () => inventory.whitelist(PPMID, UNKNOWN),
      UnknownDeviceError,
      'E19',
      /CHF 00-DB-FF-FF-FF-FF-FF-FF \(chfId of device .*\) is not in the Smart Metering Inventory/,
    );
    expectRefused(
      inventory,
      () => inventory.whitelist(PPMID, ESME),
      InvalidInputError,
      'E12',
      /expected the device ID of a CHF/,
    );
    expectRefused(
      inventory,
      () => inventory.whitelist(CHF, CHF),
      DeviceTypeError,
      'E11',
      /Whitelisting on a CHF device log is not valid/,
    );
    expectRefused(
      inventory,
      () => inventory.commission(ESME, new Date()),
      DeviceStatusError,
      'E5',
      /Commissioning refused for device .*: its status is Commissioned; allowed from Pending, Whitelisted/,
    );
  });
});

describe('SmartMeteringInventory: decommission (8.3)', () => {
  for (const status of DECOMMISSION_FROM) {
    it(`decommissions a device in status ${status}`, () => {
      const inventory = new SmartMeteringInventory();
      inventory.add({ deviceId: ESME, deviceType: 'ESME', status, importMpxn: MPAN });
      expect(inventory.decommission(ESME).status).to.equal('Decommissioned');
    });
  }

  for (const status of [
    'Pending',
    'Whitelisted',
    'Decommissioned',
    'Withdrawn',
    'Recovery',
  ] as DeviceStatus[]) {
    it(`refuses to decommission a device in status ${status} with E5`, () => {
      const inventory = new SmartMeteringInventory();
      inventory.add({ deviceId: ESME, deviceType: 'ESME', status });
      expectRefused(
        inventory,
        () => inventory.decommission(ESME),
        DeviceStatusError,
        'E5',
        new RegExp(
          `its status is ${status}; allowed from InstalledNotCommissioned, Commissioned, Suspended, Recovered$`,
        ),
      );
    });
  }

  it('says E19 for an unknown device', () => {
    const inventory = premises();
    expectRefused(
      inventory,
      () => inventory.decommission(UNKNOWN),
      UnknownDeviceError,
      'E19',
      /not in the Smart Metering Inventory/,
    );
  });
});

describe('SmartMeteringInventory: enrolment, snapshot and change feed', () => {
  it('adds a batch all or nothing, naming the failing device', () => {
    const inventory = premises();
    let thrown: unknown;
    try {
      inventory.addAll([
        { deviceId: PPMID, deviceType: 'PPMID', chfId: CHF },
        { deviceId: UNKNOWN, deviceType: 'CHF' },
      ]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).to.be.instanceOf(DeviceBatchError);
    expect(thrown).to.include({ index: 1, responseCode: 'E12' });
    expect((thrown as Error).message).to.match(
      /^device 2: CSPRegion of device 00-DB-FF-FF-FF-FF-FF-FF \(CHF\): expected the CSP region/,
    );
    expect(inventory.get(PPMID)).to.equal(undefined);
    expect(inventory.version).to.equal(1);
    expect(() =>
      inventory.addAll([
        { deviceId: PPMID, deviceType: 'PPMID' },
        { deviceId: PPMID, deviceType: 'PPMID' },
      ]),
    ).to.throw(DeviceBatchError, /device 2: device .* is already in the Smart Metering Inventory/);
    expect(() => inventory.add({ deviceId: PPMID, deviceType: 'PPMID', chfId: UNKNOWN })).to.throw(
      DeviceBatchError,
      /^device 1: CHF .* is not in/,
    );
  });

  it('gives an immutable snapshot that does not follow later changes, and tells listeners', () => {
    const inventory = premises();
    const seen: InventoryChange[] = [];
    const stop = inventory.onChange((c) => seen.push(c));
    const copy = inventory.snapshot();
    expect(Object.isFrozen(copy)).to.equal(true);
    expect(inventory.snapshot()).to.equal(copy);
    inventory.decommission(ESME);
    expect(copy.get(ESME)?.status).to.equal('Commissioned');
    expect(copy.version).to.equal(1);
    expect(inventory.snapshot().get(ESME)?.status).to.equal('Decommissioned');
    expect(() => inventory.decommission(ESME)).to.throw(DeviceStatusError);
    stop();
    inventory.setStatus(GSME, 'Suspended');
    expect(seen.map((c) => [c.version, c.deviceIds.map(String)])).to.deep.equal([[2, [ESME.toString()]]]);
  });

  it('moves DCC-side statuses along the table only', () => {
    const inventory = premises();
    expect(inventory.setStatus(ESME, 'Recovery').status).to.equal('Recovery');
    expect(inventory.setStatus(ESME, 'Recovered').status).to.equal('Recovered');
    expectRefused(
      inventory,
      () => inventory.setStatus(ESME, 'Pending'),
      DeviceStatusError,
      'E5',
      /Status change to Pending refused .* status is Recovered; allowed from Whitelisted, InstalledNotCommissioned, Suspended$/,
    );
    expectRefused(
      inventory,
      () => inventory.setStatus(ESME, 'Gone' as DeviceStatus),
      InvalidInputError,
      'E12',
      /^DeviceStatus: expected one of Pending, Whitelisted/,
    );
  });
});
