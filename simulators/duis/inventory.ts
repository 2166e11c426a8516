import type { Eui } from '../core/Eui.ts';
import { InvalidInputError } from '../core/errors.ts';
import { propertyFilterElement } from './buildRequestBody.ts';
import { type Codec, dateCodec, enumCodec, euiCodec, textCodec } from './codecs.ts';
import * as t from './duisTypes.ts';
import type { ElementReader } from './ElementReader.ts';
import { readPropertyFilter } from './parseRequestBody.ts';
import type { DeviceType, EsmeVariant, PropertyFilter } from './requestBodies.ts';
import { srElement, srOptional, type XmlElement } from './xmlWriter.ts';

import { CSP_REGIONS, type CspRegion, DEVICE_STATUSES, type DeviceStatus } from './enumerations.ts';

export { CSP_REGIONS, type CspRegion, DEVICE_STATUSES, type DeviceStatus };
type ListStatus = 'Active' | 'Cancelled' | 'Expired' | 'Withdrawn';

/** One sr:Device of an 8.2 Read Inventory response (sr:DSPInventory). */
export interface InventoryDevice {
  readonly deviceId: Eui;
  readonly deviceType: DeviceType;
  readonly deviceStatus?: DeviceStatus;
  readonly deviceManufacturer: string;
  readonly deviceModel: string;
  readonly smetsChtsVersion?: string;
  readonly deviceFirmwareVersion?: string;
  readonly deviceFirmwareVersionStatus?: ListStatus;
  readonly cplStatus?: ListStatus;
  /** xs:date, YYYY-MM-DD. */
  readonly dateCommissioned?: string;
  readonly importMpxn?: string;
  readonly secondaryImportMpan?: string;
  readonly exportMpan?: string;
  readonly esmeVariant?: EsmeVariant;
  readonly uprn?: string;
  readonly propertyFilter?: PropertyFilter;
  readonly cspRegion?: CspRegion;
  readonly deviceGbcsVersion?: string;
  readonly hanVariant?: string;
  readonly s1sp?: string;
  readonly connectivity?: 'Cellular' | 'Virtual';
}

/** The most devices one DSPInventory may list (the schema's maxOccurs). */
export const MAX_INVENTORY_DEVICES = 17;

const listStatus = enumCodec(['Active', 'Cancelled', 'Expired', 'Withdrawn']);
const anyText = textCodec();

type Field = readonly [
  key: keyof InventoryDevice,
  element: string,
  codec: Codec<unknown> | 'PropertyFilter',
  required?: true,
];

/** sr:Device's children in schema order. */
const FIELDS: readonly Field[] = [
  ['deviceId', 'DeviceID', euiCodec, true],
  ['deviceType', 'DeviceType', t.deviceType, true],
  ['deviceStatus', 'DeviceStatus', enumCodec(DEVICE_STATUSES)],
  ['deviceManufacturer', 'DeviceManufacturer', t.deviceManufacturer, true],
  ['deviceModel', 'DeviceModel', t.deviceModel, true],
  ['smetsChtsVersion', 'SMETSCHTSVersion', t.smetsChtsVersion],
  ['deviceFirmwareVersion', 'DeviceFirmwareVersion', t.firmwareVersion],
  ['deviceFirmwareVersionStatus', 'DeviceFirmwareVersionStatus', listStatus],
  ['cplStatus', 'CPLStatus', listStatus],
  ['dateCommissioned', 'DateCommissioned', dateCodec],
  ['importMpxn', 'ImportMPxN', t.importMpxn],
  ['secondaryImportMpan', 'SecondaryImportMPAN', t.mpan],
  ['exportMpan', 'ExportMPAN', t.mpan],
  ['esmeVariant', 'ESMEVariant', t.esmeVariant],
  ['uprn', 'UPRN', t.uprn],
  ['propertyFilter', 'PropertyFilter', 'PropertyFilter'],
  ['cspRegion', 'CSPRegion', enumCodec(CSP_REGIONS)],
  ['deviceGbcsVersion', 'DeviceGBCSVersion', anyText],
  ['hanVariant', 'HANVariant', anyText],
  ['s1sp', 'S1SP', anyText],
  ['connectivity', 'Connectivity', enumCodec(['Cellular', 'Virtual'])],
];

export function readInventoryDevice(el: ElementReader): InventoryDevice {
  const c = el.children();
  const out: Record<string, unknown> = {};
  for (const [key, element, codec, required] of FIELDS) {
    const child = required ? c.required(element) : c.optional(element);
    if (child === undefined) continue;
    out[key] = codec === 'PropertyFilter' ? readPropertyFilter(child) : child.value(codec);
  }
  c.end();
  return out as unknown as InventoryDevice;
}

export function inventoryDeviceElement(device: InventoryDevice, path: string): XmlElement {
  const record = device as unknown as Record<string, unknown>;
  return srElement(
    'Device',
    FIELDS.map(([key, element, codec, required]) => {
      const value = record[key];
      if (value === undefined) {
        if (required) throw new InvalidInputError(`${path}/sr:${element}`, `a value for ${key}`, undefined);
        return undefined;
      }
      return codec === 'PropertyFilter'
        ? propertyFilterElement(value as PropertyFilter, `${path}/sr:PropertyFilter`)
        : srOptional(element, codec, value, path);
    }),
  );
}
