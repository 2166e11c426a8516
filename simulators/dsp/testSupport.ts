/**
 * Test support for the DSP (not used at run time): the default estate with one SMETS2 premises and
 * one SMETS1 meter, a fake device gateway that answers like a device, a recording outbox, and
 * signed-request builders.
 */
import { SimulatedClock } from '../core/clock.ts';
import { Eui } from '../core/Eui.ts';
import { Journal } from '../core/Journal.ts';
import { Mpan } from '../core/Mpan.ts';
import { Mprn } from '../core/Mprn.ts';
import { RequestId } from '../core/RequestId.ts';
import { buildDuisRequest, type ParsedDuisResponse, parseDuisResponse, type RequestBody } from '../duis/index.ts';
import { noSchemaValidation, validateDuis } from '../duis/testSupport.ts';
import { buildEstate, type Estate } from '../estate/Estate.ts';
import { SmartMeteringInventory } from '../inventory/SmartMeteringInventory.ts';
import { RegistrationStore } from '../rdp/RegistrationStore.ts';
import { issuerSerialResolver } from '../xmldsig/issuerSerialResolver.ts';
import { signDuis } from '../xmldsig/signDuis.ts';
import { verifyDuis } from '../xmldsig/verifyDuis.ts';
import { Dsp, type DspOptions } from './Dsp.ts';
import type { DspAnswer, DuisService } from './DspAnswer.ts';
import { FakeDeviceGateway, FakeS1sp, RecordingOutbox, SmkiDeviceCredentials } from './testDoubles.ts';
import { PartyUserDirectory } from './UserDirectory.ts';

export * from './testDoubles.ts';

export const ACB = Eui.parse('90-B3-D5-1F-40-00-00-02');
export const TRANS_COS = Eui.parse('90-B3-D5-1F-40-00-00-04');
export const AURORA = Eui.parse('90-B3-D5-1F-40-01-01-00'); // IS and GS
export const BOREALIS = Eui.parse('90-B3-D5-1F-40-01-02-00'); // IS
export const NO_12 = Eui.parse('90-B3-D5-1F-40-02-12-00'); // ED, default NO for MPANs 12…
export const NO_13 = Eui.parse('90-B3-D5-1F-40-02-13-00'); // ED, default NO for MPANs 13…

export const ESME = Eui.parse('00-DB-12-34-56-78-90-A0');
export const GSME = Eui.parse('00-DB-12-34-56-78-90-A1');
export const CHF = Eui.parse('00-DB-12-34-56-78-90-A2');
export const GPF = Eui.parse('00-DB-12-34-56-78-90-A3');
export const S1_ESME = Eui.parse('00-DB-12-34-56-78-91-00');
export const UNKNOWN_DEVICE = Eui.parse('00-DB-FF-FF-FF-FF-FF-FF');

export const MPAN_12 = Mpan.parse('1200000000011');
export const MPAN_13 = Mpan.parse('1300000000007');
export const MPRN = Mprn.parse('7412345678');

let estateOnce: Promise<Estate> | undefined;

/** The default estate, built once per test file (its keys never change; tests must not add to its store). */
export function defaultEstate(): Promise<Estate> {
  estateOnce ??= buildEstate();
  return estateOnce;
}

/** A DSP over the default estate, with everything a test looks at. */
export interface Harness {
  readonly estate: Estate;
  readonly clock: SimulatedClock;
  readonly dsp: Dsp;
  readonly journal: Journal;
  readonly inventory: SmartMeteringInventory;
  readonly registrations: RegistrationStore;
  readonly users: PartyUserDirectory;
  readonly gateway: FakeDeviceGateway;
  readonly s1sp: FakeS1sp;
  readonly outbox: RecordingOutbox;
  /** Signs a request as `from` (its XML credential) and sends it. */
  send(service: DuisService, request: RequestSpec): Promise<DspAnswer>;
  /** The signed XML of a request, to send or tamper with. */
  signed(request: RequestSpec): Promise<string>;
  /** What a refused request must leave as it was. */
  observable(): Observable;
}

export interface RequestSpec {
  readonly from: Eui;
  readonly target: Eui;
  readonly counter: bigint | number;
  readonly cv: number;
  readonly srv: string;
  readonly body: RequestBody;
  readonly serviceReference?: string;
  /** Sign as another party than `from`. */
  readonly signAs?: Eui;
}

export interface Observable {
  readonly inventoryVersion: number;
  readonly registrationsVersion: number;
  readonly counters: Record<string, string | undefined>;
  readonly pending: number;
  readonly deliveries: number;
  readonly commands: number;
  readonly s1spRequests: number;
}

export async function harness(options: Partial<DspOptions> & { withS1sp?: boolean } = {}): Promise<Harness> {
  const estate = await defaultEstate();
  const clock = new SimulatedClock('2026-01-01T00:00:00Z');
  const journal = new Journal();
  const inventory = premises();
  const registrations = new RegistrationStore({ parties: estate.parties, clock });
  const from = new Date('2025-01-01T00:00:00Z');
  registrations.registerSupplier(MPAN_12, AURORA, from);
  registrations.registerSupplier(MPRN, AURORA, from);
  registrations.registerSupplier(MPAN_13, BOREALIS, from);
  const users = new PartyUserDirectory(estate.parties, {
    responseUrls: [[AURORA, 'https://aurora.example/duis']],
  });
  const gateway = new FakeDeviceGateway(estate.smki);
  const s1sp = new FakeS1sp();
  const outbox = new RecordingOutbox();
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
    ...(options.withS1sp && { s1spGateway: s1sp }),
    ...options,
  });
  const signed = async (r: RequestSpec) => {
    const xml = await estate.keyStore.lookup(r.signAs ?? r.from, 'XML');
    return buildDuisRequest(
      {
        header: {
          requestId: RequestId.of(r.from, r.target, BigInt(r.counter)),
          commandVariant: r.cv,
          srv: r.srv,
          ...(r.serviceReference && { serviceReference: r.serviceReference }),
        },
        body: r.body,
      },
      { sign: (unsigned) => signDuis(unsigned, { privateKey: xml.privateKey, certificate: xml.certificate }) },
    );
  };
  const watched = [AURORA, BOREALIS, NO_12, NO_13, ACB];
  return {
    estate,
    clock,
    dsp,
    journal,
    inventory,
    registrations,
    users,
    gateway,
    s1sp,
    outbox,
    signed,
    send: async (service, r) => dsp.receive(service, await signed(r), { contentType: 'application/xml' }),
    observable: () => ({
      inventoryVersion: inventory.version,
      registrationsVersion: registrations.version,
      counters: Object.fromEntries(watched.map((e) => [e.hex, dsp.lastCounter(e)?.toString()])),
      pending: dsp.pendingPreCommands().length,
      deliveries: outbox.deliveries.length,
      commands: gateway.commands.length,
      s1spRequests: s1sp.requests.length,
    }),
  };
}

/** One commissioned SMETS2 premises (CHF North, ESME on MPAN 12…, GSME and GPF on MPRN) and one SMETS1 ESME on MPAN 13…. */
export function premises(): SmartMeteringInventory {
  const inventory = new SmartMeteringInventory();
  inventory.addAll([
    { deviceId: CHF, deviceType: 'CHF', status: 'Commissioned', cspRegion: 'North', manufacturer: 'AB01', model: 'CH1' },
    { deviceId: ESME, deviceType: 'ESME', status: 'Commissioned', importMpxn: MPAN_12, chfId: CHF, esmeVariant: 'A' },
    { deviceId: GSME, deviceType: 'GSME', status: 'Commissioned', importMpxn: MPRN, chfId: CHF },
    { deviceId: GPF, deviceType: 'GPF', status: 'Commissioned', chfId: CHF },
    {
      deviceId: S1_ESME,
      deviceType: 'ESME',
      status: 'Commissioned',
      smetsVersion: 'SMETS1',
      s1spId: 'S1SP-A',
      importMpxn: MPAN_13,
    },
  ]);
  return inventory;
}

export { noSchemaValidation };

/**
 * Checks a DSP response as a DUIS client would: its signature verifies with the DSP's XML-signing
 * certificate, and (where xmllint and the schema are there) it validates against DUIS 5.4.
 */
export async function checkDspXml(estate: Estate, xml: string): Promise<ParsedDuisResponse> {
  const dsp = await estate.keyStore.lookup(estate.parties.dspSigner().eui, 'XML');
  const verdict = await verifyDuis(xml, issuerSerialResolver([dsp.certificate]));
  if (!verdict.ok) throw new Error(`DSP signature does not verify: ${verdict.reasons.map((r) => r.message).join('; ')}`);
  if (!noSchemaValidation) {
    // libxml2 reads xs:integer only up to 24 digits, and SMKI serials are 16 bytes (up to 39
    // digits): xmllint would refuse a valid X509SerialNumber, so the serial is shortened for it.
    const result = validateDuis(xml.replace(/(<ds:X509SerialNumber>)[0-9]+(<\/ds:X509SerialNumber>)/, '$11$2'));
    if (!result.valid) throw new Error(`not valid DUIS 5.4: ${result.output}\n${xml}`);
  }
  return parseDuisResponse(xml);
}
