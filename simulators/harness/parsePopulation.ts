import { Eui } from '../core/Eui.ts';
import { describeReceived, InvalidFileError, InvalidInputError } from '../core/errors.ts';
import { Mpan } from '../core/Mpan.ts';
import { Mprn } from '../core/Mprn.ts';
import { CSP_REGIONS, type CspRegion } from '../inventory/enumerations.ts';
import { parsePostCommissioningSettings, type PostCommissioningSettings } from '../postcommissioning/settings.ts';
import { deviceTypesOf, HOME_DEVICE_TYPES, type HomeDeviceType, homeDeviceId, MAX_HOME_NUMBER } from './homeDevices.ts';
import { DEFAULT_REGISTERED_FROM, type Home, METER_ARRIVALS, type MeterArrival, type Population } from './population.ts';

const POPULATION_FIELDS = ['homes', 'validateCheckDigits', 'registeredFrom', 'meters', 'postCommissioning'];
const HOME_FIELDS = [
  'name', 'number', 'supplier', 'smets', 's1sp', 'region', 'mpan', 'mprn',
  'gasTransporter', 'networkOperator', 'networkOperatorCells', 'devices',
];
/** SMETS2 homes' regions: the inventory's, but not `SMETS1`. */
const SMETS2_REGIONS = CSP_REGIONS.filter((r) => r !== 'SMETS1');

type Fields = Readonly<Record<string, unknown>>;

/**
 * A population from data (an estate file's `population`, already read from YAML or JSON). Every
 * problem names its place – `homes[2].mpan: expected an MPAN core …` – and `file`. Party names are
 * checked against the estate later, by `applyPopulation`, with the same paths.
 */
export function parsePopulation(data: unknown, file: string): Population {
  const at = (path: string, expected: string, got: unknown) =>
    new InvalidFileError(file, path, `expected ${expected}, got ${describeReceived(got)}`);
  const top = record(data, '', 'an object with a list of homes', at);
  unknownFields(top, POPULATION_FIELDS, '', at);
  if (!Array.isArray(top.homes)) throw at('homes', 'a list of homes', top.homes);
  const validateCheckDigit = top.validateCheckDigits ?? true;
  if (typeof validateCheckDigit !== 'boolean') throw at('validateCheckDigits', 'true or false', validateCheckDigit);
  const from = top.registeredFrom ?? DEFAULT_REGISTERED_FROM;
  const registeredFrom = typeof from === 'string' ? new Date(from) : new Date(Number.NaN);
  if (Number.isNaN(registeredFrom.getTime())) throw at('registeredFrom', 'a date (ISO 8601, e.g. 2025-01-01)', from);
  const meters = top.meters ?? 'commissioned';
  if (!(METER_ARRIVALS as readonly unknown[]).includes(meters)) throw at('meters', `one of ${METER_ARRIVALS.join(', ')}`, meters);
  const postCommissioning = top.postCommissioning === undefined ? undefined : settingsOf(top.postCommissioning, file);
  const homes = top.homes.map((h: unknown, i: number) => parseHome(h, i, { validateCheckDigit, at }));
  checkUnique(homes, at);
  return Object.freeze({
    homes: Object.freeze(homes),
    registeredFrom,
    ...(meters !== 'commissioned' && { meters: meters as MeterArrival }),
    ...(postCommissioning && { postCommissioning }),
  });
}

/** The `postCommissioning:` section, its problems named with their path in the file. */
function settingsOf(data: unknown, file: string): PostCommissioningSettings {
  try {
    return parsePostCommissioningSettings(data, 'postCommissioning');
  } catch (error) {
    if (error instanceof InvalidInputError) throw InvalidFileError.of(file, error);
    throw error;
  }
}

type At = (path: string, expected: string, got: unknown) => InvalidFileError;

function parseHome(data: unknown, index: number, o: { validateCheckDigit: boolean; at: At }): Home {
  const p = `homes[${index}]`;
  const { at } = o;
  const h = record(data, p, 'a home: { name, supplier, smets, mpan and/or mprn, … }', at);
  unknownFields(h, HOME_FIELDS, p, at);
  const name = text(h.name, `${p}.name`, at);
  const number = h.number ?? index + 1;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1 || number > MAX_HOME_NUMBER) {
    throw at(`${p}.number`, `a home number from 1 to ${MAX_HOME_NUMBER}`, number);
  }
  const supplier = text(h.supplier, `${p}.supplier`, at);
  const smets = h.smets;
  if (smets !== 'SMETS1' && smets !== 'SMETS2') throw at(`${p}.smets`, 'SMETS1 or SMETS2', smets);
  const mpan = optional(h.mpan, `${p}.mpan`, at, (v, f) => Mpan.parse(v, { validateCheckDigit: o.validateCheckDigit }, f));
  const mprn = optional(h.mprn, `${p}.mprn`, at, (v, f) => Mprn.parse(v, f));
  if (mpan === undefined && mprn === undefined) throw at(`${p}.mpan`, 'an MPAN, an MPRN or both', undefined);
  const reach = smets === 'SMETS2' ? smets2Reach(h, p, at) : smets1Reach(h, p, at);
  const cells = h.networkOperatorCells === undefined ? 'registered' : text(h.networkOperatorCells, `${p}.networkOperatorCells`, at);
  if (smets === 'SMETS1' && (cells === 'supplier' || cells === 'accessControlBroker')) {
    throw at(`${p}.networkOperatorCells`, "'registered' or a network operator's name (a SMETS1 NO slot takes only NO certificates)", cells);
  }
  const types = deviceTypesOf(smets, { mpan: mpan !== undefined, mprn: mprn !== undefined });
  const home: Home = {
    name,
    number,
    supplier,
    smets,
    ...reach,
    ...(mpan && { mpan }),
    ...(mprn && { mprn }),
    ...optionalText(h, 'gasTransporter', p, at),
    ...optionalText(h, 'networkOperator', p, at),
    networkOperatorCells: cells,
    devices: devices(h.devices, types, number, p, at),
  };
  if (home.gasTransporter !== undefined && mprn === undefined) throw at(`${p}.gasTransporter`, 'none: the home has no MPRN', home.gasTransporter);
  if (home.networkOperator !== undefined && mpan === undefined) throw at(`${p}.networkOperator`, 'none: the home has no MPAN', home.networkOperator);
  return Object.freeze(home);
}

function smets2Reach(h: Fields, p: string, at: At): { region: CspRegion } {
  if (h.s1sp !== undefined) throw at(`${p}.s1sp`, 'none: only a SMETS1 home has an S1SP', h.s1sp);
  const region = SMETS2_REGIONS.find((r) => typeof h.region === 'string' && r.toLowerCase() === h.region.trim().toLowerCase());
  if (region === undefined) throw at(`${p}.region`, `the CSP region of a SMETS2 home (${SMETS2_REGIONS.join(', ')})`, h.region);
  return { region };
}

function smets1Reach(h: Fields, p: string, at: At): { s1sp: string } {
  if (h.region !== undefined) throw at(`${p}.region`, 'none: a SMETS1 home is reached through its S1SP', h.region);
  return { s1sp: text(h.s1sp, `${p}.s1sp`, at) };
}

function devices(data: unknown, types: readonly HomeDeviceType[], number: number, p: string, at: At): Home['devices'] {
  const given = data === undefined ? {} : record(data, `${p}.devices`, `device IDs by type (${types.join(', ')})`, at);
  const out: Partial<Record<HomeDeviceType, Eui>> = {};
  for (const [type, value] of Object.entries(given)) {
    const t = HOME_DEVICE_TYPES.find((d) => d === type);
    if (t === undefined || !types.includes(t)) throw at(`${p}.devices`, `device types this home has (${types.join(', ')})`, type);
    out[t] = optional(value, `${p}.devices.${t}`, at, (v, f) => Eui.parse(v, f));
  }
  for (const t of types) out[t] ??= homeDeviceId(number, t);
  return Object.freeze(out);
}

function checkUnique(homes: readonly Home[], at: At): void {
  const numbers = new Map<number, number>();
  const ids = new Map<string, string>();
  homes.forEach((home, i) => {
    const other = numbers.get(home.number);
    if (other !== undefined) throw at(`homes[${i}].number`, `a number no other home has (homes[${other}] has it)`, home.number);
    numbers.set(home.number, i);
    for (const [type, eui] of Object.entries(home.devices)) {
      const holder = ids.get(eui.hex);
      if (holder !== undefined) throw at(`homes[${i}].devices.${type}`, `a device ID no other device has (${holder} has it)`, eui.toString());
      ids.set(eui.hex, `homes[${i}].devices.${type}`);
    }
  });
}

function record(value: unknown, path: string, expected: string, at: At): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw at(path, expected, value);
  return value as Fields;
}

function unknownFields(value: Fields, known: readonly string[], path: string, at: At): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) throw at(path === '' ? key : `${path}.${key}`, `one of the fields ${known.join(', ')}`, key);
  }
}

function text(value: unknown, path: string, at: At): string {
  if (typeof value !== 'string' || value.trim() === '') throw at(path, 'a non-empty text', value);
  return value.trim();
}

function optionalText<K extends 'gasTransporter' | 'networkOperator'>(h: Fields, key: K, p: string, at: At): Partial<Record<K, string>> {
  return h[key] === undefined ? {} : ({ [key]: text(h[key], `${p}.${key}`, at) } as Partial<Record<K, string>>);
}

/** Parses with a value object's own parser, re-throwing its complaint at `path`. */
function optional<T>(value: unknown, path: string, at: At, parse: (value: unknown, field: string) => T): T | undefined {
  if (value === undefined) return undefined;
  try {
    return parse(value, path);
  } catch (error) {
    if (error instanceof InvalidInputError) throw at(path, error.expected, error.received);
    throw error;
  }
}
