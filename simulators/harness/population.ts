import type { Eui } from '../core/Eui.ts';
import type { Mpan } from '../core/Mpan.ts';
import type { Mprn } from '../core/Mprn.ts';
import type { CspRegion, SmetsVersion } from '../inventory/enumerations.ts';
import type { PostCommissioningSettings } from '../postcommissioning/settings.ts';
import type { HomeDeviceType } from './homeDevices.ts';

/**
 * What a home's network operator trust anchor cells (SMETS2) or virtual slots (SMETS1) hold at
 * installation – where the wrong-NO stories start:
 * - `registered`: the registered party – the MPAN's network operator (the distributor's by default)
 *   on an ESME, the MPRN's gas transporter on a GPF or SMETS1 GSME;
 * - `supplier`: the supplier's certificates (SMETS2 only; the supplier later places the NO's with 6.15.1);
 * - `accessControlBroker`: the DCC ACB's (SMETS2 only; the supplier asks for 6.21);
 * - a party's name: that party's certificates, right or wrong.
 */
export type NetworkOperatorCells = 'registered' | 'supplier' | 'accessControlBroker' | (string & {});

/** One home of a population, parsed: value objects, device IDs resolved. */
export interface Home {
  readonly name: string;
  /** Its device IDs derive from it (`homeDeviceId`) unless given. */
  readonly number: number;
  /** The supplier's party name; registered for the MPAN and the MPRN. */
  readonly supplier: string;
  readonly smets: SmetsVersion;
  /** SMETS1: the S1SP that serves it (`S1SP-A` …). */
  readonly s1sp?: string;
  /** SMETS2: the CHF's CSP region. */
  readonly region?: CspRegion;
  readonly mpan?: Mpan;
  readonly mprn?: Mprn;
  /** The MPRN's gas transporter (party name); default `Cadent Gas`. */
  readonly gasTransporter?: string;
  /** The MPAN's network operator when not the distributor's (party name), registered as an override. */
  readonly networkOperator?: string;
  readonly networkOperatorCells: NetworkOperatorCells;
  /** Every device the home has, by type. */
  readonly devices: Readonly<Partial<Record<HomeDeviceType, Eui>>>;
}

/**
 * How the SMETS2 meters (ESME, GSME) arrive: `commissioned` (the default) – in the inventory as
 * Commissioned from `registeredFrom`; `installed` – Installed Not Commissioned, for their supplier
 * to commission with SRV 8.1.1 (the DSP records the commissioning when the device answers). CHFs
 * and GPFs are commissioned either way (they join the WAN and the HAN at installation); SMETS1
 * meters are always commissioned.
 */
export type MeterArrival = 'commissioned' | 'installed';

export const METER_ARRIVALS: readonly MeterArrival[] = ['commissioned', 'installed'];

/** A population of homes: the devices of an estate, as data. */
export interface Population {
  readonly homes: readonly Home[];
  /** When the registrations (supplier, gas transporter, NO overrides) start; default 2025-01-01. */
  readonly registeredFrom: Date;
  /** Default `commissioned`. */
  readonly meters?: MeterArrival;
  /** The post-commissioning deadlines and obligations the estate is judged under; default the [assumed] ones. */
  readonly postCommissioning?: PostCommissioningSettings;
}

/** A home as an estate file (YAML or JSON) writes it: plain text and numbers. */
export interface HomeData {
  readonly name: string;
  /** Default: the home's position in the list, from 1. */
  readonly number?: number;
  readonly supplier: string;
  readonly smets: 'SMETS1' | 'SMETS2';
  readonly s1sp?: string;
  readonly region?: string;
  readonly mpan?: string;
  readonly mprn?: string;
  readonly gasTransporter?: string;
  readonly networkOperator?: string;
  /** Default `registered`. */
  readonly networkOperatorCells?: string;
  /** Device IDs to use instead of the derived ones (e.g. DCC Boxed's). */
  readonly devices?: Readonly<Partial<Record<HomeDeviceType, string>>>;
}

export interface PopulationData {
  readonly homes: readonly HomeData[];
  /** `false` accepts MPANs whose check digit is wrong (DCC's test data: 1312345678333). Default true. */
  readonly validateCheckDigits?: boolean;
  /** ISO date; default `2025-01-01`. */
  readonly registeredFrom?: string;
  /** `commissioned` (default) or `installed` (see `MeterArrival`). */
  readonly meters?: string;
  /** `{ deadlines: { default: 30d, … }, obligationsByDeviceType: { … } }` (`parsePostCommissioningSettings`). */
  readonly postCommissioning?: unknown;
}

export const DEFAULT_REGISTERED_FROM = '2025-01-01T00:00:00Z';
export const DEFAULT_GAS_TRANSPORTER = 'Cadent Gas';

/** An empty population: an estate with parties and no devices. */
export const NO_POPULATION: Population = Object.freeze({
  homes: Object.freeze([]),
  registeredFrom: new Date(DEFAULT_REGISTERED_FROM),
});
