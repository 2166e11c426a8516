/**
 * Homes built for scenarios: a population (harness data) whose installation already carries each
 * scenario's cells, plus the devices the supplier's driver then works through. Device IDs and meter
 * points derive from the home number, so a run is reproducible.
 */
import { Mpan } from '../core/Mpan.ts';
import { Mprn } from '../core/Mprn.ts';
import { applyPopulation, type Harness, type HomeData, homeDeviceId, parsePopulation } from '../harness/index.ts';
import type { MeterArrival } from '../harness/population.ts';
import type { CspRegion } from '../inventory/enumerations.ts';
import { scenarioNamed, type ScenarioName } from './scenarios.ts';
import type { DrivenDevice } from './SupplierDriver.ts';

export interface ScenarioHome {
  /** 1 … 999 999: device IDs `00-DB-40-NN-NN-NN-00-0T` derive from it. */
  readonly number: number;
  /** The supplier's party name. */
  readonly supplier: string;
  readonly scenario: ScenarioName;
  /** The MPAN's distributor (10–23, 24+ IDNOs); default cycles through 10–23 by home number. */
  readonly distributorId?: number;
  readonly region?: CspRegion;
  /** Also a gas meter and GPF on an MPRN (Cadent Gas); the scenario applies to them too. */
  readonly gas?: boolean;
  /** For `changeOfSupplier`: who takes over (default another large import supplier). */
  readonly newSupplier?: string;
}

const REGIONS: readonly CspRegion[] = ['North', 'Central', 'South'];

/**
 * Installs the homes (registered from now; commissioned now, or installed for the supplier's 8.1.1), applies what the scenarios change at
 * installation (NO cells, an empty Recovery cell) and returns the devices for `SupplierDriver.run`.
 */
export async function installScenarioHomes(
  h: Harness,
  homes: readonly ScenarioHome[],
  at: Date = h.clock.now(),
  /** `installed`: the meters wait for their supplier's 8.1.1 (the driver's `commission` step). */
  meters: MeterArrival = 'commissioned',
): Promise<DrivenDevice[]> {
  const parties = h.estate.parties;
  const data: HomeData[] = homes.map((home) => {
    const scenario = scenarioNamed(home.scenario, `homes[${home.number}].scenario`);
    const distributor = distributorOf(home);
    const cells = scenario.networkOperatorCells === 'wrongNetworkOperator' ? parties.networkOperatorFor(wrongDistributor(distributor))!.name : scenario.networkOperatorCells;
    return {
      name: `${home.supplier} home ${home.number} (${home.scenario})`,
      number: home.number,
      supplier: home.supplier,
      smets: 'SMETS2',
      region: home.region ?? REGIONS[home.number % REGIONS.length]!,
      mpan: mpanOf(home.number, distributor).value,
      ...(home.gas && { mprn: mprnOf(home.number).value }),
      networkOperatorCells: cells,
    };
  });
  await applyPopulation(h, parsePopulation({ homes: data, registeredFrom: at.toISOString(), meters }, 'scenario homes'));
  return homes.flatMap((home) => devicesOf(h, home, at));
}

function devicesOf(h: Harness, home: ScenarioHome, at: Date): DrivenDevice[] {
  const parties = h.estate.parties;
  const scenario = scenarioNamed(home.scenario);
  const supplier = parties.byName(home.supplier).eui;
  const distributor = distributorOf(home);
  const mpan = mpanOf(home.number, distributor);
  const newSupplier = scenario.changeOfSupplierBefore === undefined ? undefined : parties.byName(home.newSupplier ?? otherSupplier(home.supplier)).eui;
  const common = { supplier, scenario, ...(newSupplier && { newSupplier }) };
  const devices: DrivenDevice[] = [
    {
      ...common,
      deviceId: homeDeviceId(home.number, 'ESME'),
      deviceType: 'ESME',
      mpxn: mpan,
      networkOperator: h.registrations.networkOperatorAt(mpan, at)!,
      wrongNetworkOperator: parties.networkOperatorFor(wrongDistributor(distributor))!.eui,
    },
  ];
  if (home.gas) {
    const mprn = mprnOf(home.number);
    const gt = h.registrations.gasTransporterAt(mprn, at)!;
    devices.push({ ...common, deviceId: homeDeviceId(home.number, 'GSME'), deviceType: 'GSME', mpxn: mprn });
    devices.push({
      ...common,
      deviceId: homeDeviceId(home.number, 'GPF'),
      deviceType: 'GPF',
      mpxn: mprn,
      networkOperator: gt,
      wrongNetworkOperator: parties.networkOperatorFor(wrongDistributor(distributor))!.eui,
    });
  }
  if (scenario.recoveryEmpty === true) for (const d of devices) h.fleet.device(d.deviceId).setCell('recovery', undefined);
  return devices;
}

function distributorOf(home: ScenarioHome): number {
  return home.distributorId ?? 10 + (home.number % 14);
}

/** Another DNO area's network operator: Yorkshire (23), or North East (15) for Yorkshire's own homes. */
function wrongDistributor(distributor: number): number {
  return distributor === 23 ? 15 : 23;
}

function otherSupplier(name: string): string {
  return name === 'Borealis Power' ? 'Aurora Energy' : 'Borealis Power';
}

/** `DD` + the home number in ten digits + the check digit. */
export function mpanOf(homeNumber: number, distributorId: number): Mpan {
  return Mpan.withCheckDigit(`${String(distributorId).padStart(2, '0')}${String(homeNumber).padStart(10, '0')}`);
}

export function mprnOf(homeNumber: number): Mprn {
  return Mprn.parse(`74${String(homeNumber).padStart(8, '0')}`);
}

/** A home's ESME, as the journal names it. */
export function esmeOf(homeNumber: number): string {
  return homeDeviceId(homeNumber, 'ESME').toString();
}
