/**
 * Test support (not used at run time): a live estate in which suppliers have done their
 * post-commissioning through the DSP's real request path – DUIS requests signed and POSTed by
 * DuisClient (via SupplierDriver), devices answering behind the CSP, in simulated time.
 */
import { ResponseReceiver } from '../client/index.ts';
import { Harness } from '../harness/index.ts';
import { DAY_MS, installScenarioHomes, type ScenarioHome, SupplierDriver } from '../postcommissioning/index.ts';

/** Aurora Energy: a clean dual-fuel home (ESME, GSME, GPF) and one whose 6.15.1 placed the wrong NO's certificates. Cirrus Energy: a clean home. */
export const FIRST_HOMES: readonly ScenarioHome[] = [
  { number: 1, supplier: 'Aurora Energy', scenario: 'clean', gas: true },
  { number: 2, supplier: 'Aurora Energy', scenario: 'wrongNetworkOperatorPlaced' },
  { number: 3, supplier: 'Cirrus Energy', scenario: 'clean' },
];

/** Aurora Energy's later, clean home (for `since`). */
export const LATER_HOME: ScenarioHome = { number: 4, supplier: 'Aurora Energy', scenario: 'clean' };

export interface SupplierEstate {
  readonly harness: Harness;
  /** Installs the homes now and drives their suppliers' post-commissioning Service Requests. */
  installAndDrive(homes: readonly ScenarioHome[]): Promise<void>;
  close(): Promise<void>;
}

/** A harness on 127.0.0.1 with HTTP on a free port, no default population, every User's responses to one receiver. */
export async function startSupplierEstate(): Promise<SupplierEstate> {
  const harness = await Harness.start({ http: { host: '127.0.0.1', port: 0 }, population: 'none' });
  const receiver = await ResponseReceiver.start({ keyStore: harness.estate.keyStore });
  for (const user of harness.users()) harness.setResponseUrl(user.eui, receiver.url);
  const driver = new SupplierDriver({ harness, receiver });
  return {
    harness,
    installAndDrive: async (homes) => {
      await driver.run(await installScenarioHomes(harness, homes));
    },
    close: async () => {
      await receiver.close();
      await harness.close();
    },
  };
}

/** FIRST_HOMES driven, a day later LATER_HOME driven, then past every deadline; returns when LATER_HOME was installed. */
export async function driveEveryHome(estate: SupplierEstate): Promise<Date> {
  await estate.installAndDrive(FIRST_HOMES);
  await estate.harness.advance(DAY_MS);
  const later = estate.harness.clock.now();
  await estate.installAndDrive([LATER_HOME]);
  await estate.harness.advance(31 * DAY_MS);
  return later;
}
