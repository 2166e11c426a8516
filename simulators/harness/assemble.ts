import { type Clock, SimulatedClock, SystemClock } from '../core/clock.ts';
import { Journal } from '../core/Journal.ts';
import { HttpDeliveryClient, instantSleep } from '../delivery/index.ts';
import { InProcessOutbox } from '../delivery/InProcessOutbox.ts';
import type { InProcessDuisChannel } from '../client/DuisClient.ts';
import { InProcessSigning } from '../duis/InProcessSigning.ts';
import { AdmissionWorkers } from '../dsp/admissionWorkers.ts';
import { Dsp } from '../dsp/Dsp.ts';
import { PartyUserDirectory } from '../dsp/UserDirectory.ts';
import { loadDccBoxedEstate } from '../estate/dccBoxedEstate.ts';
import { loadDefaultEstate } from '../estate/defaultEstate.ts';
import type { Estate } from '../estate/Estate.ts';
import { SmartMeteringInventory } from '../inventory/SmartMeteringInventory.ts';
import { RegistrationStore } from '../rdp/RegistrationStore.ts';
import { s1spGateway, type S1spDirectory } from '../s1sp/index.ts';
import { Fleet } from '../smets2/index.ts';
import { applyPopulation } from './applyPopulation.ts';
import { type BuiltCsp, buildCsp } from './harnessCsp.ts';
import type { ResolvedOptions } from './harnessOptions.ts';
import { fleetDeviceCredentials } from './fleetCredentials.ts';
import { buildS1sps } from './s1spCohorts.ts';
import { UnsolicitedAlerts } from './UnsolicitedAlerts.ts';

/** Everything a harness is made of, before any of it listens on a port. */
export interface HarnessParts {
  readonly estate: Estate;
  readonly journal: Journal;
  readonly registrations: RegistrationStore;
  readonly inventory: SmartMeteringInventory;
  readonly fleet: Fleet;
  readonly csp: BuiltCsp;
  readonly s1sps: S1spDirectory;
  readonly users: PartyUserDirectory;
  readonly delivery: HttpDeliveryClient;
  readonly dsp: Dsp;
  readonly alerts: UnsolicitedAlerts;
  /** The DSP's admission worker threads, when it has any. */
  readonly admissionWorkers?: AdmissionWorkers;
  /** With in-process signing (decision 0009): the DSP's channel for in-process Users, and their outbox. */
  readonly inProcess?: InProcessParts;
}

export interface InProcessParts {
  /** What a DuisClient takes as `inProcess`. */
  readonly channel: InProcessDuisChannel;
  /** Where the DSP's responses and alerts go: register each User's inbox. */
  readonly outbox: InProcessOutbox;
}

/**
 * Builds the running estate (architecture.md, "Composition"): the profile's estate on one clock,
 * the journal, Registration Data, the inventory, the SMETS2 fleet behind the CSP, the S1SPs, the
 * DSP with its ports wired to them, delivery to the Users, and the population installed.
 */
export async function assemble(o: ResolvedOptions): Promise<HarnessParts> {
  const clock: Clock = o.time === 'simulated' ? new SimulatedClock() : new SystemClock();
  const estate =
    o.profile === 'dccboxed' ? await loadDccBoxedEstate({ keystoreFile: o.keystoreFile!, clock }) : await loadDefaultEstate({ clock });
  const journal = new Journal(o.journal);
  const registrations = new RegistrationStore({ parties: estate.parties, clock });
  const inventory = new SmartMeteringInventory();
  const signing = o.signing === 'in-process' ? new InProcessSigning() : undefined;
  const fleet = new Fleet({ smki: estate.smki, clock, ...(signing && { gbcsSigning: signing.gbcs }) });
  const csp = buildCsp({ clock, fleet, inventory, journal });
  const s1sps = await buildS1sps(estate, journal, inventory);
  const users = new PartyUserDirectory(estate.parties);
  if (o.responseUrl !== undefined) for (const user of users.list()) users.setResponseUrl(user.eui, o.responseUrl);
  const delivery = new HttpDeliveryClient({
    journal,
    clock,
    responseUrl: (eui) => users.get(eui)?.responseUrl,
    ...(clock instanceof SimulatedClock && { sleep: instantSleep({ clock }) }),
  });
  const signer = await estate.keyStore.lookup(estate.parties.dspSigner().eui, 'XML');
  const inProcessOutbox = signing && new InProcessOutbox();
  const outbox = inProcessOutbox ?? delivery;
  const admissionWorkers = o.workers > 0 ? new AdmissionWorkers({ keyStore: estate.keyStore, size: o.workers }) : undefined;
  const dsp = new Dsp({
    clock,
    keyStore: estate.keyStore,
    parties: estate.parties,
    users,
    registrations,
    inventory,
    journal,
    ruleSet: o.ruleSet,
    deviceGateway: csp.gateway,
    outbox,
    deviceCredentials: fleetDeviceCredentials(fleet),
    ...(s1sps.all.length > 0 && { s1spGateway: s1spGateway(s1sps) }),
    ...(admissionWorkers && { admissionWorkers }),
    ...(signing && { inProcessSigning: signing }),
  });
  const alerts = new UnsolicitedAlerts({
    gateway: csp.gateway,
    users,
    inventory,
    registrations,
    signer: { privateKey: signer.privateKey, certificate: signer.certificate },
    clock,
    journal,
    outbox,
  });
  const inProcess: InProcessParts | undefined = signing && inProcessOutbox && {
    channel: { signing, dspEui: estate.parties.dspSigner().eui, receive: (service, body, meta) => dsp.receive(service, body, meta) },
    outbox: inProcessOutbox,
  };
  const parts = {
    ...{ estate, journal, registrations, inventory, fleet, csp, s1sps, users, delivery, dsp, alerts },
    ...(admissionWorkers && { admissionWorkers }),
    ...(inProcess && { inProcess }),
  };
  try {
    await applyPopulation(parts, o.population);
  } catch (error) {
    await closeParts(parts);
    throw error;
  }
  return parts;
}

/** Stops what the parts run: the alert hook, the CSP (open commands become unreachable), its timers, delivery, the DSP's workers. */
export async function closeParts(parts: Pick<HarnessParts, 'alerts' | 'csp' | 'delivery' | 'admissionWorkers'>): Promise<void> {
  parts.alerts.close();
  parts.csp.network.close();
  parts.csp.system?.close();
  await parts.delivery.close();
  await parts.admissionWorkers?.close();
}
