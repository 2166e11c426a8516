/**
 * Test support for the client (not used at run time): a real DSP over HTTP – the default estate,
 * one commissioned SMETS2 premises, a fake device gateway that answers like a device, the real
 * HTTP delivery client (retries without wall-clock waits) – and a ResponseReceiver registered as
 * the Users' response URL.
 */
import { updateSecurityCredentialsBody } from './requestBodies.ts';
import { SimulatedClock } from '../core/clock.ts';
import { Eui } from '../core/Eui.ts';
import { Journal } from '../core/Journal.ts';
import { Mpan } from '../core/Mpan.ts';
import { type FetchLike, HttpDeliveryClient, instantSleep } from '../delivery/index.ts';
import { Dsp } from '../dsp/Dsp.ts';
import { type DuisRemotePartyRole, type RequestBody } from '../duis/index.ts';
import { FakeDeviceGateway, SmkiDeviceCredentials } from '../dsp/testDoubles.ts';
import { PartyUserDirectory } from '../dsp/UserDirectory.ts';
import { buildEstate, type Estate } from '../estate/Estate.ts';
import type { Route } from '../http/HttpAnswer.ts';
import { duisRoutes } from '../http/duisRoutes.ts';
import { type RunningServer, startHttpServer } from '../http/httpServer.ts';
import { SmartMeteringInventory } from '../inventory/SmartMeteringInventory.ts';
import { RegistrationStore } from '../rdp/RegistrationStore.ts';
import { signDuis } from '../xmldsig/signDuis.ts';
import { DuisClient, type DuisClientOptions } from './DuisClient.ts';
import { RequestCounter } from './RequestCounter.ts';
import { ResponseReceiver } from './ResponseReceiver.ts';

export const DCC_ACB = Eui.parse('90-B3-D5-1F-40-00-00-02');
export const AURORA = Eui.parse('90-B3-D5-1F-40-01-01-00'); // IS and GS
export const NO_12 = Eui.parse('90-B3-D5-1F-40-02-12-00'); // ED
export const CHF = Eui.parse('00-DB-12-34-56-78-90-A2');
export const ESME = Eui.parse('00-DB-12-34-56-78-90-A0');
export const MPAN_12 = Mpan.parse('1200000000011');

let estateOnce: Promise<Estate> | undefined;

/** The default estate, built once per test file (tests must not add to its key store). */
export function defaultEstate(): Promise<Estate> {
  estateOnce ??= buildEstate();
  return estateOnce;
}

export interface DspOverHttpOptions {
  /** Wraps the DUIS route, e.g. to tamper with the DSP's answers. */
  readonly wrapRoute?: (route: Route) => Route;
  /** The delivery client's fetch, e.g. to tamper with what the DSP POSTs. */
  readonly deliveryFetch?: FetchLike;
  /** Users whose response URL is the receiver's (default: Aurora and NO 12). */
  readonly receivingUsers?: readonly Eui[];
}

export interface DspOverHttp {
  readonly estate: Estate;
  readonly clock: SimulatedClock;
  readonly dsp: Dsp;
  readonly users: PartyUserDirectory;
  readonly gateway: FakeDeviceGateway;
  readonly outbox: HttpDeliveryClient;
  readonly server: RunningServer;
  readonly receiver: ResponseReceiver;
  /** A client for `user` against this DSP, on the simulated clock, sharing the User's counter with its other clients. */
  client(user: Eui, options?: Partial<DuisClientOptions>): DuisClient;
  close(): Promise<void>;
}

export async function dspOverHttp(options: DspOverHttpOptions = {}): Promise<DspOverHttp> {
  const estate = await defaultEstate();
  const clock = new SimulatedClock('2026-01-01T00:00:00Z');
  const journal = new Journal();
  const inventory = new SmartMeteringInventory();
  inventory.addAll([
    { deviceId: CHF, deviceType: 'CHF', status: 'Commissioned', cspRegion: 'North', manufacturer: 'AB01', model: 'CH1' },
    { deviceId: ESME, deviceType: 'ESME', status: 'Commissioned', importMpxn: MPAN_12, chfId: CHF, esmeVariant: 'A' },
  ]);
  const registrations = new RegistrationStore({ parties: estate.parties, clock });
  registrations.registerSupplier(MPAN_12, AURORA, new Date('2025-01-01T00:00:00Z'));
  const receiver = await ResponseReceiver.start({ keyStore: estate.keyStore, clock });
  const users = new PartyUserDirectory(estate.parties);
  for (const user of options.receivingUsers ?? [AURORA, NO_12]) users.setResponseUrl(user, receiver.url);
  const outbox = new HttpDeliveryClient({
    journal,
    clock,
    responseUrl: (eui) => users.get(eui)?.responseUrl,
    sleep: instantSleep({ clock }),
    retry: { attemptTimeoutMs: 2000 },
    ...(options.deliveryFetch && { fetch: options.deliveryFetch }),
  });
  const gateway = new FakeDeviceGateway(estate.smki);
  const dsp = new Dsp({
    clock,
    keyStore: estate.keyStore,
    parties: estate.parties,
    users,
    registrations,
    inventory,
    journal,
    deviceGateway: gateway,
    outbox,
    deviceCredentials: new SmkiDeviceCredentials(estate.smki),
  });
  const counters = new Map<string, RequestCounter>();
  const route = duisRoutes(dsp);
  const server = await startHttpServer([options.wrapRoute ? options.wrapRoute(route) : route]);
  return {
    estate,
    clock,
    dsp,
    users,
    gateway,
    outbox,
    server,
    receiver,
    client: (user, overrides = {}) => {
      // One counter per User, shared by its clients, unless the test sets its own.
      const own = overrides.counter !== undefined || overrides.counterStart !== undefined;
      if (!own && !counters.has(user.hex)) counters.set(user.hex, new RequestCounter({ clock }));
      const counter = own ? {} : { counter: counters.get(user.hex)! };
      return new DuisClient({ baseUrl: server.url, user, keyStore: estate.keyStore, clock, ...counter, ...overrides });
    },
    close: async () => {
      await server.close();
      await dsp.idle();
      await outbox.close();
      await receiver.close();
    },
  };
}

/** 6.15.1 replacing `role`'s DS and KA cells with `owner`'s certificates from the estate. */
export function krpBody(estate: Estate, role: DuisRemotePartyRole, owner: Eui): Promise<RequestBody> {
  return updateSecurityCredentialsBody(estate.keyStore, estate.smki.organisationCa.der, role, owner);
}

/** The DSP's own signature on an XML document, as the DSP would sign it. */
export async function signAsDsp(estate: Estate, xml: string): Promise<string> {
  const dsp = await estate.keyStore.lookup(estate.parties.dspSigner().eui, 'XML');
  return signDuis(xml, { privateKey: dsp.privateKey, certificate: dsp.certificate });
}
