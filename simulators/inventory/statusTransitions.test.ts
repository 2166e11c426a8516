import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { CSP_REGIONS, DEVICE_STATUSES, DEVICE_TYPES, ESME_VARIANTS } from './enumerations.ts';
import {
  canTransition,
  DECOMMISSION_FROM,
  DELETE_FROM,
  STATUS_TRANSITIONS,
  USER_SETTABLE_STATUSES,
} from './statusTransitions.ts';

const XSD = fileURLToPath(new URL('../../../shared/reference/duis-schema/duis-5.4.xsd', import.meta.url));

function enumeration(xsd: string, type: string): string[] {
  const body = xsd.match(new RegExp(`<xs:simpleType name="${type}">([\\s\\S]*?)</xs:simpleType>`))?.[1] ?? '';
  return [...body.matchAll(/<xs:enumeration value="([^"]*)"/g)].map((m) => m[1]!);
}

describe('inventory enumerations match the DUIS 5.4 schema', {
  skip: existsSync(XSD) ? false : `no ${XSD}`,
}, () => {
  const xsd = existsSync(XSD) ? readFileSync(XSD, 'utf8') : '';
  it('DeviceStatus, DeviceType (+ other), CSPRegion, ESMEVariant', () => {
    expect(DEVICE_STATUSES).to.deep.equal(enumeration(xsd, 'DeviceStatus'));
    expect(DEVICE_TYPES).to.deep.equal([...enumeration(xsd, 'DeviceType'), 'other']);
    expect(CSP_REGIONS).to.deep.equal(enumeration(xsd, 'CSPRegion'));
    expect(ESME_VARIANTS).to.deep.equal(enumeration(xsd, 'ESMEVariant'));
  });

  it('the statuses a User may set are those of UpdateDeviceStatusExceptCH and UpdateDeviceStatusCH', () => {
    expect(USER_SETTABLE_STATUSES.exceptCH).to.deep.equal(enumeration(xsd, 'UpdateDeviceStatusExceptCH'));
    expect(USER_SETTABLE_STATUSES.CH).to.deep.equal(enumeration(xsd, 'UpdateDeviceStatusCH'));
  });
});

describe('STATUS_TRANSITIONS', () => {
  it('has a row for every status and names only known statuses, never the same one', () => {
    expect(Object.keys(STATUS_TRANSITIONS)).to.have.members([...DEVICE_STATUSES]);
    for (const [from, tos] of Object.entries(STATUS_TRANSITIONS)) {
      for (const to of tos) expect(DEVICE_STATUSES, `${from} → ${to}`).to.include(to);
      expect(tos).not.to.include(from);
    }
  });

  it('treats Decommissioned and Withdrawn as final', () => {
    expect(STATUS_TRANSITIONS.Decommissioned).to.deep.equal([]);
    expect(STATUS_TRANSITIONS.Withdrawn).to.deep.equal([]);
  });

  it('agrees with the operation lists', () => {
    for (const from of DECOMMISSION_FROM) expect(canTransition(from, 'Decommissioned'), from).to.equal(true);
    expect(DELETE_FROM).to.deep.equal(['Pending']);
  });
});
