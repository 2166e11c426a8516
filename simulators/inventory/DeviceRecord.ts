import { Eui } from '../core/Eui.ts';
import { InvalidInputError } from '../core/errors.ts';
import { Mpan } from '../core/Mpan.ts';
import { Mprn } from '../core/Mprn.ts';
import { checkDate } from '../rdp/dates.ts';
import type { Mpxn } from '../rdp/mpxn.ts';
import {
  type CspRegion,
  type DeviceStatus,
  type DeviceType,
  type EsmeVariant,
  parseCspRegion,
  parseDeviceStatus,
  parseDeviceType,
  parseEsmeVariant,
  parseSmetsVersion,
  type SmetsVersion,
} from './enumerations.ts';

/**
 * One device in the Smart Metering Inventory: the DUIS `Device` fields the harness uses, plus the
 * HAN association (`chfId`) and how the DCC reaches it (CSP region for SMETS2, S1SP for SMETS1).
 */
export interface DeviceRecord {
  readonly deviceId: Eui;
  readonly deviceType: DeviceType;
  readonly status: DeviceStatus;
  readonly smetsVersion: SmetsVersion;
  /** DUIS SMETSCHTSVersion, free text of 1 to 20 characters (e.g. `SMETS2v4.2`, `CHTSv1.2`). */
  readonly smetsChtsVersion?: string;
  readonly manufacturer?: string;
  readonly model?: string;
  readonly firmwareVersion?: string;
  readonly esmeVariant?: EsmeVariant;
  /** ESME: an MPAN; GSME and GPF: an MPRN. */
  readonly importMpxn?: Mpxn;
  readonly secondaryImportMpan?: Mpan;
  readonly exportMpan?: Mpan;
  /** The Communications Hub Function whose device log (HAN) holds this device. Not for a CHF. */
  readonly chfId?: Eui;
  /** 12.2 AssociatedGPFDeviceID, kept as given. */
  readonly associatedGpfId?: Eui;
  /** SMETS2: the CSP region; required on a CHF, other devices take their CHF's. SMETS1: `SMETS1` or none. */
  readonly cspRegion?: CspRegion;
  /** SMETS1: the S1SP that serves the device (DUIS `S1SP`, free text). */
  readonly s1spId?: string;
  readonly dateCommissioned?: Date;
}

/** A record to add: status defaults to Pending, smetsVersion to SMETS2. */
export type DeviceInput = Omit<DeviceRecord, 'status' | 'smetsVersion'> & {
  readonly status?: DeviceStatus;
  readonly smetsVersion?: SmetsVersion;
};

/** Device types that carry MPxNs, and which kind. `other` may carry either. */
const IMPORT_MPXN_KIND: Partial<Record<DeviceType, 'MPAN' | 'MPRN' | 'either'>> = {
  ESME: 'MPAN',
  GSME: 'MPRN',
  GPF: 'MPRN',
  other: 'either',
};

/** Checks every field and its fit with the device type and SMETS version; returns a frozen record. */
export function makeDeviceRecord(input: DeviceInput): DeviceRecord {
  if (typeof input !== 'object' || input === null) throw new InvalidInputError('device', 'an object', input);
  if (!(input.deviceId instanceof Eui)) throw new InvalidInputError('DeviceID', 'an Eui', input.deviceId);
  const id = input.deviceId;
  const deviceType = parseDeviceType(input.deviceType);
  const status = parseDeviceStatus(input.status ?? 'Pending');
  const smetsVersion = parseSmetsVersion(input.smetsVersion ?? 'SMETS2');
  const record: DeviceRecord = {
    deviceId: id,
    deviceType,
    status,
    smetsVersion,
    smetsChtsVersion: checkText(id, 'SMETSCHTSVersion', input.smetsChtsVersion, 20),
    manufacturer: checkText(id, 'DeviceManufacturer', input.manufacturer, 30),
    model: checkText(id, 'DeviceModel', input.model, 30),
    firmwareVersion: checkText(id, 'FirmwareVersion', input.firmwareVersion, 8),
    esmeVariant: input.esmeVariant === undefined ? undefined : parseEsmeVariant(input.esmeVariant),
    importMpxn: input.importMpxn,
    secondaryImportMpan: input.secondaryImportMpan,
    exportMpan: input.exportMpan,
    chfId: optionalEui(input.chfId, 'chfId'),
    associatedGpfId: optionalEui(input.associatedGpfId, 'AssociatedGPFDeviceID'),
    cspRegion: input.cspRegion === undefined ? undefined : parseCspRegion(input.cspRegion),
    s1spId: checkText(id, 'S1SP', input.s1spId, 30),
    dateCommissioned:
      input.dateCommissioned === undefined
        ? undefined
        : new Date(checkDate(input.dateCommissioned, 'DateCommissioned')),
  };
  checkFit(record);
  return Object.freeze(
    Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)),
  ) as DeviceRecord;
}

function checkFit(r: DeviceRecord): void {
  const where = `device ${r.deviceId} (${r.deviceType})`;
  if (r.esmeVariant !== undefined && r.deviceType !== 'ESME') {
    throw new InvalidInputError(
      `ESMEVariant of ${where}`,
      'no ESMEVariant: only an ESME has one',
      r.esmeVariant,
    );
  }
  const kind = IMPORT_MPXN_KIND[r.deviceType];
  if (r.importMpxn !== undefined) {
    const isMpan = r.importMpxn instanceof Mpan;
    if (!isMpan && !(r.importMpxn instanceof Mprn))
      throw new InvalidInputError(`ImportMPxN of ${where}`, 'an Mpan or an Mprn', r.importMpxn);
    if (kind === undefined)
      throw new InvalidInputError(
        `ImportMPxN of ${where}`,
        'no MPxN: only ESME, GSME, GPF and other devices carry one',
        r.importMpxn.value,
      );
    if (kind !== 'either' && (kind === 'MPAN') !== isMpan)
      throw new InvalidInputError(`ImportMPxN of ${where}`, `an ${kind}`, r.importMpxn.value);
  }
  for (const [field, value] of [
    ['SecondaryImportMPAN', r.secondaryImportMpan],
    ['ExportMPAN', r.exportMpan],
  ] as const) {
    if (value === undefined) continue;
    if (!(value instanceof Mpan)) throw new InvalidInputError(`${field} of ${where}`, 'an Mpan', value);
    if (r.deviceType !== 'ESME' && r.deviceType !== 'other')
      throw new InvalidInputError(`${field} of ${where}`, 'none: only an ESME has one', value.value);
  }
  if (r.chfId !== undefined && (r.deviceType === 'CHF' || r.chfId.equals(r.deviceId))) {
    throw new InvalidInputError(
      `chfId of ${where}`,
      'no CHF association: a CHF is the hub itself',
      r.chfId.toString(),
    );
  }
  checkReach(r, where);
}

/** SMETS1: an S1SP, and CSP region SMETS1 or none. SMETS2: no S1SP, no region SMETS1, a region on a CHF. */
function checkReach(r: DeviceRecord, where: string): void {
  if (r.smetsVersion === 'SMETS1') {
    if (r.s1spId === undefined) {
      throw new InvalidInputError(`S1SP of ${where}`, 'the S1SP serving this SMETS1 device', undefined);
    }
    if (r.cspRegion !== undefined && r.cspRegion !== 'SMETS1') {
      throw regionError(r, where, 'SMETS1 or none: a SMETS1 device is reached through its S1SP');
    }
    return;
  }
  if (r.s1spId !== undefined) {
    throw new InvalidInputError(`S1SP of ${where}`, 'no S1SP: only SMETS1 devices have one', r.s1spId);
  }
  if (r.cspRegion === 'SMETS1') throw regionError(r, where, 'a SMETS2 CSP region (North, Central, South …)');
  if (r.deviceType === 'CHF' && r.cspRegion === undefined) {
    throw regionError(r, where, 'the CSP region of this SMETS2 CHF (North, Central, South …)');
  }
}

function regionError(r: DeviceRecord, where: string, expected: string): InvalidInputError {
  return new InvalidInputError(`CSPRegion of ${where}`, expected, r.cspRegion);
}

function checkText(id: Eui, field: string, value: unknown, max: number): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length < 1 || value.length > max) {
    throw new InvalidInputError(`${field} of device ${id}`, `text of 1 to ${max} characters`, value);
  }
  return value;
}

function optionalEui(value: unknown, field: string): Eui | undefined {
  if (value === undefined) return undefined;
  if (!(value instanceof Eui)) throw new InvalidInputError(field, 'an Eui', value);
  return value;
}
