import { InvalidInputError } from '../core/errors.ts';
import {
  CSP_REGIONS,
  type CspRegion,
  DEVICE_STATUSES,
  type DeviceStatus,
  DUIS_DEVICE_TYPES,
  ESME_VARIANTS,
  type EsmeVariant,
} from '../duis/enumerations.ts';

/**
 * The Smart Metering Inventory's enumerations, as the DUIS 5.4 schema spells them
 * (../../../shared/reference/duis-schema/duis-5.4.xsd, simpleTypes DeviceType, DeviceStatus,
 * CSPRegion, ESMEVariant). `other` is the harness's own device type for anything else.
 */
export const DEVICE_TYPES = [...DUIS_DEVICE_TYPES, 'other'] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

export { CSP_REGIONS, type CspRegion, DEVICE_STATUSES, type DeviceStatus, ESME_VARIANTS, type EsmeVariant };

/** SMETS1 devices are reached through an S1SP; SMETS2 devices through a CSP region. */
export const SMETS_VERSIONS = ['SMETS1', 'SMETS2'] as const;
export type SmetsVersion = (typeof SMETS_VERSIONS)[number];

/** The Communications Hub's devices: 8.4 sets their status with UpdateDeviceStatusCH. */
export const COMMS_HUB_TYPES: readonly DeviceType[] = ['CHF', 'GPF'];

function parseOneOf<T extends string>(
  values: readonly T[],
  text: unknown,
  field: string,
  ignoreCase: boolean,
): T {
  if (typeof text === 'string') {
    const t = text.trim();
    const found = values.find((v) => (ignoreCase ? v.toLowerCase() === t.toLowerCase() : v === t));
    if (found !== undefined) return found;
  }
  throw new InvalidInputError(field, `one of ${values.join(', ')}`, text);
}

export function parseDeviceType(text: unknown, field = 'DeviceType'): DeviceType {
  return parseOneOf(DEVICE_TYPES, text, field, true);
}

export function parseDeviceStatus(text: unknown, field = 'DeviceStatus'): DeviceStatus {
  return parseOneOf(DEVICE_STATUSES, text, field, true);
}

export function parseCspRegion(text: unknown, field = 'CSPRegion'): CspRegion {
  return parseOneOf(CSP_REGIONS, text, field, true);
}

export function parseEsmeVariant(text: unknown, field = 'ESMEVariant'): EsmeVariant {
  return parseOneOf(ESME_VARIANTS, text, field, true);
}

export function parseSmetsVersion(text: unknown, field = 'smetsVersion'): SmetsVersion {
  return parseOneOf(SMETS_VERSIONS, text, field, true);
}
