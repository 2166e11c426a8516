import { describe, it } from 'node:test';
import { expect } from 'chai';
import { InvalidInputError } from '../core/errors.ts';
import { type DeviceInput, makeDeviceRecord } from './DeviceRecord.ts';
import { CHF, ESME, GSME, MPAN, MPRN, PPMID } from './testSupport.ts';

describe('makeDeviceRecord', () => {
  it('defaults status to Pending and SMETS version to SMETS2, drops absent fields and freezes', () => {
    const record = makeDeviceRecord({ deviceId: ESME, deviceType: 'ESME', importMpxn: MPAN });
    expect(record).to.include({ status: 'Pending', smetsVersion: 'SMETS2' });
    expect(Object.keys(record)).to.deep.equal([
      'deviceId',
      'deviceType',
      'status',
      'smetsVersion',
      'importMpxn',
    ]);
    expect(Object.isFrozen(record)).to.equal(true);
  });

  it('accepts a SMETS1 device with its S1SP and optionally CSPRegion SMETS1', () => {
    expect(
      makeDeviceRecord({
        deviceId: ESME,
        deviceType: 'ESME',
        smetsVersion: 'SMETS1',
        s1spId: 'S1SP-A',
        cspRegion: 'SMETS1',
      }),
    ).to.include({ s1spId: 'S1SP-A' });
  });

  const bad: [string, DeviceInput, RegExp][] = [
    [
      'a device ID that is not an Eui',
      { deviceId: '00DB' as never, deviceType: 'ESME' },
      /^DeviceID: expected an Eui/,
    ],
    [
      'an unknown status',
      { deviceId: ESME, deviceType: 'ESME', status: 'Lost' as never },
      /^DeviceStatus: expected one of Pending, Whitelisted, InstalledNotCommissioned/,
    ],
    [
      'a SMETS1 device without S1SP',
      { deviceId: ESME, deviceType: 'ESME', smetsVersion: 'SMETS1' },
      /S1SP of device .* \(ESME\): expected the S1SP serving this SMETS1 device, got nothing/,
    ],
    [
      'a SMETS1 device with a CSP region',
      { deviceId: ESME, deviceType: 'ESME', smetsVersion: 'SMETS1', s1spId: 'X', cspRegion: 'North' },
      /CSPRegion of .*: expected SMETS1 or none/,
    ],
    [
      'a SMETS2 device with an S1SP',
      { deviceId: ESME, deviceType: 'ESME', s1spId: 'X' },
      /S1SP of .*: expected no S1SP/,
    ],
    [
      'a SMETS2 device in region SMETS1',
      { deviceId: CHF, deviceType: 'CHF', cspRegion: 'SMETS1' },
      /expected a SMETS2 CSP region/,
    ],
    [
      'a SMETS2 CHF without region',
      { deviceId: CHF, deviceType: 'CHF' },
      /CSPRegion of device .* \(CHF\): expected the CSP region/,
    ],
    [
      'an unknown CSP region',
      { deviceId: CHF, deviceType: 'CHF', cspRegion: 'East' as never },
      /^CSPRegion: expected one of North, Central, South/,
    ],
    [
      'a CHF associated with a CHF',
      { deviceId: CHF, deviceType: 'CHF', cspRegion: 'North', chfId: GSME },
      /chfId of .*: expected no CHF association/,
    ],
    [
      'a device on its own log',
      { deviceId: PPMID, deviceType: 'PPMID', chfId: PPMID },
      /chfId of .*: expected no CHF association/,
    ],
    ['an MPRN on an ESME', { deviceId: ESME, deviceType: 'ESME', importMpxn: MPRN }, /expected an MPAN/],
    ['an MPxN on a PPMID', { deviceId: PPMID, deviceType: 'PPMID', importMpxn: MPAN }, /expected no MPxN/],
    [
      'an invalid commissioning date',
      { deviceId: ESME, deviceType: 'ESME', dateCommissioned: new Date('x') },
      /^DateCommissioned: expected a valid Date/,
    ],
    [
      'an empty model',
      { deviceId: ESME, deviceType: 'ESME', model: '' },
      /DeviceModel of device .*: expected text of 1 to 30 characters, got an empty string/,
    ],
  ];
  for (const [what, input, message] of bad) {
    it(`refuses ${what}`, () => {
      expect(() => makeDeviceRecord(input)).to.throw(InvalidInputError, message);
    });
  }
});
