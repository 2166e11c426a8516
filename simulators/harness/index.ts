/** Composition: one function builds the running estate – for the CLI, for Gherkin, for benchmarks alike. */
export { type AppliedPopulation, applyPopulation, type PopulationTargets } from './applyPopulation.ts';
export { assemble, closeParts, type HarnessParts } from './assemble.ts';
export {
  DCC_BOXED_POPULATION_DATA,
  DEFAULT_POPULATION_DATA,
  dccBoxedPopulation,
  defaultPopulation,
} from './defaultPopulation.ts';
export { fleetDeviceCredentials } from './fleetCredentials.ts';
export { Harness, type HarnessUser } from './Harness.ts';
export { type BuiltCsp, buildCsp, type HarnessCsp } from './harnessCsp.ts';
export {
  type HarnessHttpOptions,
  type HarnessOptions,
  type HarnessProfile,
  type HarnessTime,
  type ResolvedOptions,
  resolveOptions,
} from './harnessOptions.ts';
export { harnessRoutes, startHarnessServer } from './harnessServer.ts';
export { deviceTypesOf, HOME_DEVICE_TYPES, type HomeDeviceType, homeDeviceId, MAX_HOME_NUMBER } from './homeDevices.ts';
export { type CellHolder, type HomeParties, resolveHomeParties } from './homeParties.ts';
export { type HeldCertificates, keyStoreCertificates } from './keyStoreCertificates.ts';
export { parsePopulation } from './parsePopulation.ts';
export {
  DEFAULT_GAS_TRANSPORTER,
  DEFAULT_REGISTERED_FROM,
  type Home,
  type HomeData,
  type NetworkOperatorCells,
  NO_POPULATION,
  type Population,
  type PopulationData,
} from './population.ts';
export { buildS1sps } from './s1spCohorts.ts';
export { UnsolicitedAlerts, type UnsolicitedAlertsOptions } from './UnsolicitedAlerts.ts';
