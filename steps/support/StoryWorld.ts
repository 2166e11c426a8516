import { expect } from 'chai';
import { DuisClient, type ReceivedMessage, RequestCounter, type SentRequest } from '../../simulators/client/index.ts';
import { Eui } from '../../simulators/core/Eui.ts';
import type { JournalEntry } from '../../simulators/core/Journal.ts';
import type { Mpan } from '../../simulators/core/Mpan.ts';
import type { Mprn } from '../../simulators/core/Mprn.ts';
import type { RequestId } from '../../simulators/core/RequestId.ts';
import type { Srv } from '../../simulators/core/Srv.ts';
import type { RuleSet } from '../../simulators/dsp/RuleSet.ts';
import { type RequestBody, replacementsFor } from '../../simulators/duis/index.ts';
import type { Party } from '../../simulators/estate/Party.ts';
import { decodeGbcsMessage } from '../../simulators/gbcs/index.ts';
import { applyPopulation, Harness, type Home, type HomeData, parsePopulation } from '../../simulators/harness/index.ts';
import { DEFAULT_SMETS1_ERROR_CODES, type SlotName } from '../../simulators/s1sp/index.ts';
import type { CellName } from '../../simulators/smets2/cells.ts';
import { type Anchors, anchorsOf, type CertificateHolder } from './anchors.ts';
import { cellsOf, smets1Home } from './homeData.ts';
import { CorrectiveJob } from './CorrectiveJob.ts';
import { isSmets1Answer, readSmets1Answer } from './smets1Answer.ts';
import { UserEndpoints } from './UserEndpoints.ts';

/** One request a User sent, and the DSP's synchronous answers (CV 4 and CV 5 for a critical one). */
export interface SentStory {
  readonly sender: Party;
  readonly srv: Srv;
  readonly target: Eui;
  readonly requestId: RequestId;
  readonly answers: readonly SentRequest[];
}

/** What the DSP answered at once: the refusal where there was one, else the first answer. */
export interface DspAnswer {
  /** The DUIS response code, or `HTTP nnn` for a plain HTTP refusal. */
  readonly code: string;
  readonly reason?: string;
  /** `CV 4: I0, CV 5: I99`. */
  readonly trail: string;
}

/** SMETS2 homes are put in this CSP region **[assumed]**: the stories do not depend on the WAN. */
const REGION = 'South';
/** Real milliseconds to wait for a message already due at a User's endpoint (time is simulated). */
const WAIT_MS = 2000;

/**
 * One scenario's running estate, driven as its Users drive it: a `Harness` on simulated time with
 * its HTTP server, a response endpoint per User (`UserEndpoints`), and a `DuisClient` per sending
 * User that signs and POSTs its requests. Homes are added as population data; each request is
 * followed by `drain()`, so its outcome has reached the Users' endpoints when the next step reads it.
 * Then-steps read what a User received, or look at cells and slots directly (the test's observation).
 */
export class StoryWorld {
  readonly harness: Harness;
  readonly endpoints: UserEndpoints;
  readonly job: CorrectiveJob;
  readonly #clients = new Map<string, DuisClient>();
  readonly #homes: Home[] = [];
  readonly #sent: SentStory[] = [];

  private constructor(harness: Harness, endpoints: UserEndpoints) {
    this.harness = harness;
    this.endpoints = endpoints;
    this.job = new CorrectiveJob(harness, () => this.smets1Homes());
  }

  /** Starts an estate with no homes under `ruleSet`, listening on a free port. */
  static async start(ruleSet: RuleSet): Promise<StoryWorld> {
    const harness = await Harness.start({ ruleSet: ruleSet.name, http: { port: 0 }, population: 'none' });
    try {
      return new StoryWorld(harness, await UserEndpoints.start(harness, harness.clock));
    } catch (error) {
      await harness.close();
      throw error;
    }
  }

  party(name: string): Party {
    return this.harness.estate.parties.byName(name);
  }

  /** The DCC's certificates in a network operator cell are the Access Control Broker's. */
  get dcc(): Party {
    return this.harness.estate.parties.ofKind('accessControlBroker')[0]!;
  }

  get sent(): readonly SentStory[] {
    return this.#sent;
  }

  // --- homes -------------------------------------------------------------------------------

  async addSmets2ElectricityMeter(supplier: Party, mpan: Mpan, cells: CertificateHolder): Promise<void> {
    await this.#addHomes([
      { name: `${supplier.name}, MPAN ${mpan}`, supplier: supplier.name, smets: 'SMETS2', region: REGION, mpan: mpan.value, networkOperatorCells: cellsOf(cells) },
    ]);
  }

  async addSmets2GasMeter(supplier: Party, mprn: Mprn, gasTransporter: Party, cells: CertificateHolder): Promise<void> {
    await this.#addHomes([
      {
        name: `${supplier.name}, MPRN ${mprn.value}`,
        supplier: supplier.name,
        smets: 'SMETS2',
        region: REGION,
        mprn: mprn.value,
        gasTransporter: gasTransporter.name,
        networkOperatorCells: cellsOf(cells),
      },
    ]);
  }

  async addSmets1ElectricityMeter(s1sp: string, supplier: Party, mpan: Mpan, slots: CertificateHolder): Promise<void> {
    await this.#addHomes([smets1Home(s1sp, supplier.name, mpan.value, cellsOf(slots))]);
  }

  /** A table with the columns `S1SP`, `supplier`, `MPAN` and `network operator slots hold`. */
  async addSmets1ElectricityMeters(rows: readonly Readonly<Record<string, string>>[]): Promise<void> {
    const columns = ['S1SP', 'supplier', 'MPAN', 'network operator slots hold'];
    await this.#addHomes(
      rows.map((row, i) => {
        const missing = columns.filter((c) => row[c] === undefined);
        const extra = Object.keys(row).filter((c) => !columns.includes(c));
        if (missing.length > 0 || extra.length > 0) {
          throw new Error(`SMETS1 meters table, row ${i + 1}: expected the columns ${columns.join(', ')}; missing ${missing.join(', ') || 'none'}, unknown ${extra.join(', ') || 'none'}`);
        }
        return smets1Home(row.S1SP!, row.supplier!, row.MPAN!, row['network operator slots hold']!);
      }),
    );
  }

  smets1Homes(): Home[] {
    return this.#homes.filter((h) => h.smets === 'SMETS1');
  }

  /** The one home of the scenario, which "the meter" and "the gas proxy function" refer to. */
  get home(): Home {
    if (this.#homes.length !== 1) {
      throw new Error(`"the meter" needs exactly one home in the scenario; it has ${this.#homes.length}`);
    }
    return this.#homes[0]!;
  }

  /** Homes are numbered 1, 2 … in the order the scenario adds them; device IDs derive from the number. */
  async #addHomes(data: readonly HomeData[]): Promise<void> {
    const numbered = data.map((home, i) => ({ ...home, number: this.#homes.length + i + 1 }));
    const population = parsePopulation({ homes: numbered }, 'the scenario\'s homes');
    await applyPopulation(this.harness, population);
    this.#homes.push(...population.homes);
  }

  // --- what Users send ---------------------------------------------------------------------

  /** `sender` sends `srv` (6.15.1 critical, or 6.21 non-critical) placing `owner`'s DS and KA certificates `at`. */
  async placeCertificates(sender: Party, srv: Srv, owner: Party, at: Anchors): Promise<void> {
    const target = this.#deviceOf(at);
    await this.#send(sender, srv, target, await this.#placementBody(srv, at, owner));
  }

  /** SRV 6.24.1 for the supplier's and the network operator's cells of the meter. */
  async readSecurityCredentials(sender: Party, srv: Srv): Promise<void> {
    if (srv.id !== '6.24.1') throw new Error(`reading security credentials is SRV 6.24.1, not ${srv.id}`);
    const body: RequestBody = { kind: 'RetrieveDeviceSecurityCredentialsKRP', remotePartyRoles: ['Supplier', 'NetworkOperator'] };
    await this.#send(sender, srv, this.#deviceOf(anchorsOf("the meter's network operator cells")), body);
  }

  async #placementBody(srv: Srv, at: Anchors, owner: Party): Promise<RequestBody> {
    const keyStore = this.harness.estate.keyStore;
    const [ds, ka] = await Promise.all([keyStore.lookup(owner.eui, 'DS'), keyStore.lookup(owner.eui, 'KA')]);
    const certificates = { digitalSigning: Buffer.from(ds.certificate.raw), keyAgreement: Buffer.from(ka.certificate.raw) };
    const common = {
      remotePartyRole: at.role,
      remotePartyFloorSeqNumber: 0n,
      replacements: replacementsFor(at.role, certificates),
      certificationPathCertificates: [this.harness.estate.smki.organisationCa.der],
    };
    switch (srv.id) {
      case '6.15.1':
        return { kind: 'UpdateSecurityCredentialsKRP', ...common, applyTimeBasedCpvChecks: true };
      case '6.21':
        return { kind: 'RequestHandoverOfDCCControlledDevice', ...common, applyTimeBasedCpvChecks: false };
      default:
        throw new Error(`SRV ${srv.id} (${srv.name}) does not place certificates: use 6.15.1 or 6.21`);
    }
  }

  /** Signs and POSTs as `sender` – CV 4 then CV 5 for a critical SRV, CV 1 otherwise – then drains simulated time, so every outcome has reached the Users. */
  async #send(sender: Party, srv: Srv, target: Eui, body: RequestBody): Promise<void> {
    const client = this.#client(sender);
    const draft = { target, srv: srv.id, body };
    if (srv.critical) {
      const x = await client.critical(draft);
      this.#sent.push({ sender, srv, target, requestId: x.requestId, answers: x.cv5 ? [x.cv4, x.cv5] : [x.cv4] });
    } else if (srv.kind === 'nonCritical') {
      const sent = await client.nonCritical(draft);
      this.#sent.push({ sender, srv, target, requestId: sent.requestId, answers: [sent] });
    } else {
      throw new Error(`SRV ${srv.id} is a Non-Device Service: the stories send device SRVs only`);
    }
    await this.harness.drain();
  }

  #client(user: Party): DuisClient {
    let client = this.#clients.get(user.eui.hex);
    if (client === undefined) {
      const estate = this.harness.estate;
      client = new DuisClient({
        baseUrl: this.harness.url!,
        user: user.eui,
        keyStore: estate.keyStore,
        counter: new RequestCounter({ clock: this.harness.clock }),
        dcc: estate.parties.dspSigner().eui,
      });
      this.#clients.set(user.eui.hex, client);
    }
    return client;
  }

  #deviceOf(at: Anchors): Eui {
    const home = this.home;
    const smets = at.store === 'slots' ? 'SMETS1' : 'SMETS2';
    if (home.smets !== smets) {
      const has = home.smets === 'SMETS1' ? 'virtual anchor slots at its S1SP' : 'trust anchor cells';
      throw new Error(`${at.text}: the home's meter is ${home.smets}, which has ${has}`);
    }
    const type = at.device === 'gasProxyFunction' ? 'GPF' : home.mpan ? 'ESME' : 'GSME';
    const eui = home.devices[type];
    if (eui === undefined) throw new Error(`${at.text}: the home "${home.name}" has no ${type}`);
    return eui;
  }

  #lastSentBy(user: Party): SentStory {
    const sent = this.#sent.findLast((s) => s.sender.eui.equals(user.eui));
    if (sent === undefined) throw new Error(`${user.name} has sent nothing in this scenario`);
    return sent;
  }

  // --- what the DSP answered at once -------------------------------------------------------

  /** For a critical request the CV 4 answer (I0 with the Pre-Command), unless CV 5 was refused. */
  dspAnswer(sent: SentStory = this.#last()): DspAnswer {
    const codeOf = (a: SentRequest) => (a.status === 200 ? (a.responseCode ?? '?') : `HTTP ${a.status}`);
    const refused = sent.answers.find((a) => !['I0', 'I99'].includes(codeOf(a)));
    const decisive = refused ?? sent.answers[0]!;
    const trail = sent.answers.map((a) => `CV ${a.service === 'T' ? 4 : sent.srv.critical ? 5 : 1}: ${codeOf(a)}`).join(', ');
    return { code: codeOf(decisive), ...(decisive.reason !== undefined && { reason: decisive.reason }), trail };
  }

  expectDspAnswer(code: string): void {
    const sent = this.#last();
    const answer = this.dspAnswer(sent);
    expect(answer.code, `the DSP's answer to SRV ${sent.srv.id} from ${sent.sender.name} (${answer.trail}) ${answer.reason ?? ''}`).to.equal(code);
  }

  /** Refused with `code`, and nothing went on to the device or its S1SP. */
  expectDspRefusal(code: string): void {
    expect(code, 'a refusal is an E code').to.match(/^E/);
    this.expectDspAnswer(code);
    const sent = this.#last();
    const onward = this.harness.journal.entries({ where: (e) => e.requestId === sent.requestId.toString() && e.kind === 'command' });
    expect(onward.map((e) => e.summary), 'commands sent on after the refusal').to.deep.equal([]);
  }

  #last(): SentStory {
    const sent = this.#sent.at(-1);
    if (sent === undefined) throw new Error('nobody has sent a request in this scenario');
    return sent;
  }

  // --- what arrived at a User's endpoint ---------------------------------------------------

  /**
   * The device refused `user`'s last request: the DSP accepted it (I99), the device answered with
   * alert `alertCode` only, which the DSP forwarded to the User as a signed DUIS
   * DeviceAlertMessage carrying the request's RequestID; no device response came.
   */
  async expectDeviceRefusal(user: Party, alertCode: string): Promise<void> {
    const sent = this.#lastSentBy(user);
    expect(this.dspAnswer(sent).code, `the DSP's answer (${this.dspAnswer(sent).trail})`).to.be.oneOf(['I0', 'I99']);
    const receiver = this.endpoints.of(user.eui);
    const alert = await receiver.waitFor(
      (m) => m.kind === 'deviceAlert' && isFor(m, sent.requestId) && m.response?.body.kind === 'DeviceAlertMessage' && m.response.body.alertCode === alertCode,
      { timeoutMs: WAIT_MS },
    );
    expect(alert.signatureOk, `the DSP's signature on the alert: ${JSON.stringify(alert.reasons)}`).to.equal(true);
    const responses = receiver.responsesFor(sent.requestId).filter((m) => m.kind === 'response');
    expect(responses.map((m) => m.response?.header.responseCode), 'device responses to a refused command').to.deep.equal([]);
  }

  /** The device's signed response to `user`'s last request, with `code`, carrying the device's GBCS response. */
  async expectDeviceResponse(user: Party, code: string): Promise<void> {
    const sent = this.#lastSentBy(user);
    const response = await this.endpoints.of(user.eui).waitFor((m) => m.kind === 'response' && isFor(m, sent.requestId), { timeoutMs: WAIT_MS });
    expect(response.signatureOk, `the DSP's signature: ${JSON.stringify(response.reasons)}`).to.equal(true);
    expect(response.response!.header.responseCode, `the response code of the device's response to ${sent.requestId}`).to.equal(code);
    const body = response.response!.body;
    const content = body.kind === 'ResponseMessage' ? body.content : undefined;
    if (content?.kind !== 'GBCSPayload') throw new Error(`expected the device's GBCS response, got ${content?.kind ?? body.kind}`);
    const message = decodeGbcsMessage(content.gbcsPayload);
    expect(message.payload.direction, 'the GBCS message').to.equal('response');
  }

  /**
   * The S1SP refused `user`'s last request (the DSP had accepted it): the SMETS1 answer the User
   * received is signed by the S1SP serving the meter, MessageSuccess is false, and the S1SP's
   * reason is that `user` does not own the certificate in the authorising slot.
   */
  async expectS1spNotOwner(user: Party): Promise<void> {
    const sent = this.#lastSentBy(user);
    expect(this.dspAnswer(sent).code, `the DSP's answer (${this.dspAnswer(sent).trail})`).to.be.oneOf(['I0', 'I99']);
    const id = `<sr:RequestID>${sent.requestId}</sr:RequestID>`;
    const message = await this.endpoints.of(user.eui).waitFor((m) => isSmets1Answer(m.xml) && m.xml.includes(id), { timeoutMs: WAIT_MS });
    const answer = await readSmets1Answer(message.xml, this.harness.estate.keyStore);
    const s1sp = this.harness.estate.parties.ofKind('s1sp').find((p) => p.s1spId === this.home.s1sp);
    expect(answer.signatureOk, `the S1SP's signature: ${JSON.stringify(answer.reasons)}`).to.equal(true);
    expect(answer.signer?.eui.toString(), 'signed by').to.equal(s1sp?.eui.toString());
    expect(answer.messageSuccess, 'MessageSuccess').to.equal(false);
    expect(answer.errorNumber, `the S1SP's error number (${answer.error})`).to.equal(DEFAULT_SMETS1_ERROR_CODES['not-certificate-owner']);
    expect(answer.error).to.contain(`${user.eui} (${user.name}) does not own the certificate`);
  }

  // --- what the cells and slots hold (the test's own observation) --------------------------

  async expectHeld(at: Anchors, holder: CertificateHolder): Promise<void> {
    const owner = this.holder(holder);
    const device = this.#deviceOf(at);
    const keyStore = this.harness.estate.keyStore;
    const expected = { DS: await keyStore.lookup(owner.eui, 'DS'), KA: await keyStore.lookup(owner.eui, 'KA') };
    const prefix = at.role === 'NetworkOperator' ? 'networkOperator' : 'supplier';
    for (const usage of ['DS', 'KA'] as const) {
      const name = `${prefix}${usage}` as const;
      const held = at.store === 'cells' ? this.#cell(device, name) : this.#slot(device, name);
      const what = `${at.text}: the ${usage} ${at.store === 'cells' ? 'cell' : 'slot'} of ${device}`;
      const found = held ? this.describe(held.owner) : 'nothing';
      if (!held?.owner.equals(owner.eui)) expect.fail(`${what} holds the certificate of ${found}, expected ${this.describe(owner.eui)}'s`);
      expect(held.der.equals(Buffer.from(expected[usage].certificate.raw)), `${what} holds ${owner.name}'s key-store certificate`).to.equal(true);
    }
  }

  holder(holder: CertificateHolder): Party {
    switch (holder.kind) {
      case 'dcc':
        return this.dcc;
      case 'supplier':
        return this.party(this.home.supplier);
      case 'party':
        return this.party(holder.name);
    }
  }

  #cell(device: Eui, name: CellName): { owner: Eui; der: Buffer } | undefined {
    const entry = this.harness.fleet.device(device).cell(name);
    return entry && { owner: entry.entityId, der: entry.der };
  }

  #slot(device: Eui, name: SlotName): { owner: Eui; der: Buffer } | undefined {
    const held = this.harness.s1sps.route(device).slots(device)[name];
    return held && { owner: held.owner, der: Buffer.from(held.der) };
  }

  /** `Party name (EUI)`, or the EUI alone when it is not a party's. */
  describe(eui: Eui): string {
    const party = this.harness.estate.parties.byEui(eui);
    return party ? `${party.name} (${eui})` : eui.toString();
  }

  // --- the scenario's record ---------------------------------------------------------------

  /** Journal entries that say something broke inside the harness, and plain HTTP 5xx answers. */
  internalErrors(): string[] {
    const journalled = this.harness.journal.entries({
      where: (e) => e.kind === 'error' || (e.via === 'DELIVERY' && e.summary.includes('(internal-error)')),
    });
    const http = this.#sent.flatMap((s) => s.answers.filter((a) => a.status >= 500).map((a) => `HTTP ${a.status} to ${s.requestId}: ${a.responseXml}`));
    return [...journalled.map((e) => `#${e.seq} ${e.via} ${e.from} → ${e.to}: ${e.summary}`), ...http];
  }

  journal(): JournalEntry[] {
    return this.harness.journal.entries();
  }

  async close(): Promise<void> {
    try {
      await this.harness.close();
    } finally {
      await this.endpoints.close();
    }
  }
}

function isFor(message: ReceivedMessage, requestId: RequestId): boolean {
  return message.response?.header.requestId?.equals(requestId) ?? false;
}
