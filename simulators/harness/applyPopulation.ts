import type { Eui } from '../core/Eui.ts';
import { InvalidInputError } from '../core/errors.ts';
import type { Estate } from '../estate/Estate.ts';
import type { DeviceInput } from '../inventory/DeviceRecord.ts';
import type { SmartMeteringInventory } from '../inventory/SmartMeteringInventory.ts';
import type { RegistrationInput } from '../rdp/Registration.ts';
import { RegistrationBatchError, type RegistrationStore } from '../rdp/RegistrationStore.ts';
import type { InitialSlots, S1DeviceInput, S1sp, S1spDirectory } from '../s1sp/index.ts';
import type { Fleet, InstallationSpec } from '../smets2/index.ts';
import type { HomeDeviceType } from './homeDevices.ts';
import { type CellHolder, type HomeParties, resolveHomeParties } from './homeParties.ts';
import { type HeldCertificates, keyStoreCertificates } from './keyStoreCertificates.ts';
import type { Home, Population } from './population.ts';

/** The parts of a running harness a population fills. */
export interface PopulationTargets {
  readonly estate: Estate;
  readonly inventory: SmartMeteringInventory;
  readonly registrations: RegistrationStore;
  readonly fleet: Fleet;
  readonly s1sps: S1spDirectory;
}

/** What was installed. */
export interface AppliedPopulation {
  readonly homes: number;
  readonly smets2Devices: readonly Eui[];
  readonly smets1Devices: readonly Eui[];
}

interface Plan {
  readonly records: DeviceInput[];
  readonly registrations: RegistrationInput[];
  /** The index of the home each registration is for. */
  readonly registrationHomes: number[];
  readonly installs: { readonly eui: Eui; readonly spec: InstallationSpec }[];
  readonly enrolments: { readonly s1sp: S1sp; readonly device: S1DeviceInput; readonly slots: InitialSlots }[];
}

/**
 * Installs a population: inventory records (SMETS2: the CHF with its CSP region, then ESME / GSME /
 * GPF on its device log; SMETS1: with their S1SP), all Commissioned – or, with `meters: installed`,
 * the SMETS2 ESMEs and GSMEs Installed Not Commissioned; Registration Data (supplier of
 * the MPAN and the MPRN, the MPRN's gas transporter, a network operator override where the home names
 * one – the distributor's NO needs no record); the SMETS2 devices in the fleet with their cells as
 * the home says, and their device certificates in the SMKI repository; the SMETS1 devices enrolled
 * at their S1SP with slots from the parties' key-store certificates. Every home is checked – party
 * names, roles, S1SPs, certificates – before anything changes; errors name the home's path.
 */
export async function applyPopulation(targets: PopulationTargets, population: Population): Promise<AppliedPopulation> {
  const held = await keyStoreCertificates(targets.estate);
  const plan: Plan = { records: [], registrations: [], registrationHomes: [], installs: [], enrolments: [] };
  const installedOnly = population.meters === 'installed';
  population.homes.forEach((home, i) => planHome(plan, home, i, targets, held, population.registeredFrom, installedOnly));
  // Registrations first: they can still clash with what the store holds (all or nothing either way).
  if (plan.registrations.length > 0) applyRegistrations(targets.registrations, plan);
  if (plan.records.length > 0) targets.inventory.addAll(plan.records);
  const { smki, smkiRepository } = targets.estate;
  for (const { eui, spec } of plan.installs) {
    targets.fleet.install(eui, spec, held);
    // The devices' first certificates, issued when someone looks at them (the SMKI issues them
    // deterministically: the same bytes the device holds).
    for (const usage of ['DS', 'KA'] as const) {
      const serial = smki.deviceCertificateSerial({ eui, usage });
      smkiRepository.addDevice({ serial, eui, usage }, () => smki.issueDeviceCertificate({ eui, usage }).der);
    }
  }
  for (const { s1sp, device, slots } of plan.enrolments) s1sp.enrol(device, slots);
  return {
    homes: population.homes.length,
    smets2Devices: plan.installs.map((x) => x.eui),
    smets1Devices: plan.enrolments.map((x) => x.device.deviceId),
  };
}

function planHome(plan: Plan, home: Home, index: number, t: PopulationTargets, held: HeldCertificates, from: Date, installedOnly: boolean): void {
  const parties = resolveHomeParties(home, index, t.estate.parties, held);
  const id = (type: HomeDeviceType) => home.devices[type]!;
  for (const eui of Object.values(home.devices)) {
    if (t.inventory.get(eui) !== undefined || t.fleet.find(eui) !== undefined) {
      throw new InvalidInputError(`homes[${index}].devices`, 'device IDs not yet in the estate', eui.toString());
    }
  }
  const before = plan.registrations.length;
  registrationsOf(plan, home, parties, from);
  for (let r = before; r < plan.registrations.length; r++) plan.registrationHomes.push(index);
  const commissioned = { status: 'Commissioned', dateCommissioned: from } as const;
  if (home.smets === 'SMETS1') return planSmets1(plan, home, index, t, parties, held, commissioned);
  plan.records.push({ deviceId: id('CHF'), deviceType: 'CHF', cspRegion: home.region, ...commissioned });
  plan.installs.push({ eui: id('CHF'), spec: { type: 'CHF' } });
  const supplier = parties.supplier.eui;
  // Meters only installed wait for their supplier's 8.1.1.
  const meter = installedOnly ? ({ status: 'InstalledNotCommissioned' } as const) : commissioned;
  if (home.mpan) {
    plan.records.push({ deviceId: id('ESME'), deviceType: 'ESME', importMpxn: home.mpan, chfId: id('CHF'), ...meter });
    plan.installs.push({ eui: id('ESME'), spec: { type: 'ESME', supplier, networkOperator: parties.electricityCells! } });
  }
  if (home.mprn) {
    plan.records.push({ deviceId: id('GSME'), deviceType: 'GSME', importMpxn: home.mprn, chfId: id('CHF'), ...meter });
    plan.records.push({ deviceId: id('GPF'), deviceType: 'GPF', chfId: id('CHF'), ...commissioned });
    // A GSME has no network operator cells (decision 0005); the GT's are on the GPF.
    plan.installs.push({ eui: id('GSME'), spec: { type: 'GSME', supplier } });
    plan.installs.push({ eui: id('GPF'), spec: { type: 'GPF', supplier, networkOperator: parties.gasCells! } });
  }
}

function planSmets1(
  plan: Plan,
  home: Home,
  index: number,
  t: PopulationTargets,
  parties: HomeParties,
  held: HeldCertificates,
  commissioned: Pick<DeviceInput, 'status' | 'dateCommissioned'>,
): void {
  let s1sp: S1sp;
  try {
    s1sp = t.s1sps.get(home.s1sp!);
  } catch (error) {
    if (error instanceof InvalidInputError) throw new InvalidInputError(`homes[${index}].s1sp`, error.expected, error.received);
    throw error;
  }
  const meters = [
    { type: 'ESME', mpxn: home.mpan, cells: parties.electricityCells },
    { type: 'GSME', mpxn: home.mprn, cells: parties.gasCells },
  ] as const;
  for (const { type, mpxn, cells } of meters) {
    if (mpxn === undefined) continue;
    const deviceId = home.devices[type]!;
    plan.records.push({ deviceId, deviceType: type, smetsVersion: 'SMETS1', s1spId: s1sp.id, importMpxn: mpxn, ...commissioned });
    plan.enrolments.push({ s1sp, device: { deviceId, deviceType: type, mpxn }, slots: slotsOf(parties.supplier.eui, cells!, held) });
  }
}

/** The four virtual slots: the supplier's DS and KA, and the NO slots' holder's. */
function slotsOf(supplier: Eui, noCells: CellHolder, held: HeldCertificates): InitialSlots {
  const holder = noCells === 'supplier' ? supplier : noCells === 'accessControlBroker' ? held.dcc('accessControlBroker')! : noCells;
  return {
    supplierDS: held.organisation(supplier, 'DS', 'management'),
    supplierKA: held.organisation(supplier, 'KA', 'management'),
    networkOperatorDS: held.organisation(holder, 'DS', 'management'),
    networkOperatorKA: held.organisation(holder, 'KA', 'management'),
  };
}

/** A registration that clashes with the store (e.g. an MPAN already supplied) is refused at its home. */
function applyRegistrations(store: RegistrationStore, plan: Plan): void {
  try {
    store.applyBatch(plan.registrations);
  } catch (error) {
    if (!(error instanceof RegistrationBatchError)) throw error;
    const { field, expected, received } = error.cause;
    throw new InvalidInputError(`homes[${plan.registrationHomes[error.index]}] (${field})`, expected, received);
  }
}

function registrationsOf(plan: Plan, home: Home, parties: HomeParties, from: Date): void {
  const supplier = parties.supplier.eui;
  if (home.mpan) plan.registrations.push({ mpxn: home.mpan, role: 'supplier', party: supplier, from });
  if (home.mpan && parties.networkOperator) {
    plan.registrations.push({ mpxn: home.mpan, role: 'networkOperator', party: parties.networkOperator.eui, from });
  }
  if (home.mprn) {
    plan.registrations.push({ mpxn: home.mprn, role: 'supplier', party: supplier, from });
    plan.registrations.push({ mpxn: home.mprn, role: 'gasTransporter', party: parties.gasTransporter!.eui, from });
  }
}
