/**
 * An estate with in-process signing (decision 0009): Users hand DUIS XML to the DSP with a sealed
 * signature beside the text instead of XML-DSig inside it; the DSP refuses what its originator did not sign,
 * and everything else runs as over HTTP.
 */
import { X509Certificate } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { expect } from 'chai';
import { DuisClient, ResponseReceiver } from '../client/index.ts';
import type { Eui } from '../core/Eui.ts';
import { InvalidInputError } from '../core/errors.ts';
import { RequestId } from '../core/RequestId.ts';
import { krpBody, readInventoryBody } from '../dsp/testBodies.ts';
import { buildDuisRequest } from '../duis/index.ts';
import { InProcessSigning } from '../duis/InProcessSigning.ts';
import { decodeGroupingHeader, IN_PROCESS_SEAL_TAG, verifyGroupingHeaderSignature } from '../gbcs/index.ts';
import { Harness } from './Harness.ts';
import { homeDeviceId } from './homeDevices.ts';
import { cs02bCellStatuses, gbcsPayloadOf } from './testSupport.ts';

const AURORA = 'Aurora Energy';
const BOREALIS = 'Borealis Power';
const NPG_YORKSHIRE = 'Northern Powergrid (Yorkshire)';
const NPG_NORTH_EAST = 'Northern Powergrid (North East)';

describe("Harness.start({ signing: 'in-process' }) options", () => {
  it('is refused together with http, naming http', async () => {
    let error: unknown;
    await Harness.start({ signing: 'in-process', http: { port: 0 }, population: 'none' }).then(
      (h) => h.close(),
      (e: unknown) => (error = e),
    );
    expect(error).to.be.instanceOf(InvalidInputError);
    expect((error as Error).message).to.match(/^http: expected false/);
  });

  it('refuses an unknown signing, naming signing', async () => {
    let error: unknown;
    await Harness.start({ signing: 'hmac' as 'in-process', population: 'none' }).then(
      (h) => h.close(),
      (e: unknown) => (error = e),
    );
    expect(error).to.be.instanceOf(InvalidInputError);
    expect((error as Error).message).to.match(/^signing: expected one of xmldsig, in-process/);
  });

  it(
    'refuses a bad workers value with in-process signing too, naming workers',
    async () => {
      let error: unknown;
      await Harness.start({ signing: 'in-process', workers: -1, population: 'none' }).then(
        (h) => h.close(),
        (e: unknown) => (error = e),
      );
      expect(error).to.be.instanceOf(InvalidInputError);
      expect((error as Error).message).to.match(/^workers: expected/);
    },
  );

  it('has no in-process parts with the default xmldsig signing', async () => {
    const h = await Harness.start({ population: 'none' });
    try {
      expect(h.inProcess).to.equal(undefined);
    } finally {
      await h.close();
    }
  });
});

describe('an estate with in-process signing', () => {
  let h: Harness;
  const clients = new Map<string, DuisClient>();

  before(async () => {
    h = await Harness.start({ signing: 'in-process' });
  });

  after(async () => {
    await h?.close();
  });

  const eui = (name: string): Eui => h.estate.parties.byName(name).eui;
  const dcc = (): Eui => h.estate.parties.dspSigner().eui;
  const client = (name: string): DuisClient => {
    let c = clients.get(name);
    if (c === undefined) {
      c = new DuisClient({ inProcess: h.inProcess!.channel, user: eui(name), keyStore: h.estate.keyStore, dcc: dcc(), clock: h.clock });
      clients.set(name, c);
    }
    return c;
  };
  /** A Read Inventory from `from` numbered `counter`, built unsigned as an in-process request is. */
  const readInventoryXml = (from: Eui, counter: bigint): string =>
    buildDuisRequest({
      header: { requestId: RequestId.of(from, dcc(), counter), commandVariant: 8, srv: '8.2' },
      body: readInventoryBody(homeDeviceId(1, 'ESME')),
    });
  const refusalsSince = (seq: number) => h.journal.entries({ afterSeq: seq, where: (e) => e.kind === 'refusal' });

  it('exposes a channel and an outbox, and the channel trusts the DSP signer', () => {
    expect(h.inProcess).to.not.equal(undefined);
    expect(h.inProcess!.channel.dspEui.equals(dcc())).to.equal(true);
    expect(h.url).to.equal(undefined);
  });

  it("a DuisClient on the channel reads the inventory (8.2): I0, the DSP's in-process signature accepted, the answer parsed", async () => {
    const sent = await client(AURORA).nonDevice({ srv: '8.2', body: readInventoryBody(homeDeviceId(1, 'ESME')) });
    expect(sent.status).to.equal(200);
    expect(sent.responseCode, sent.reason).to.equal('I0');
    expect(sent.xml, 'no XML-DSig inside an in-process request').to.not.contain('Signature');
    expect(sent.responseXml).to.not.contain('ds:Signature');
    expect(sent.response!.header.requestId!.equals(sent.requestId)).to.equal(true);
    const content = sent.response?.body.kind === 'ResponseMessage' ? sent.response.body.content : undefined;
    if (content?.kind !== 'DSPInventory') throw new Error('expected a DSPInventory');
    const ids = content.devices.map((d) => d.deviceId.toString()).sort();
    const home = (['CHF', 'ESME', 'GSME', 'GPF'] as const).map((t) => homeDeviceId(1, t).toString()).sort();
    expect(ids).to.deep.equal(home);
    expect(h.dsp.lastCounter(eui(AURORA))).to.equal(sent.requestId.counter);
  });

  it('refuses with 400 a request whose in-process signature is wrong or missing; journals the refusal; the counter stays', async () => {
    const borealis = eui(BOREALIS);
    const signing = h.inProcess!.channel.signing;
    const counterBefore = h.dsp.lastCounter(borealis);
    const seq = h.journal.size;
    const xml = readInventoryXml(borealis, 1_000_000n);
    const good = signing.sign(borealis, xml);
    // A signature of another estate's signing, for the same signer and text: not this DSP's to accept.
    const foreign = new InProcessSigning().sign(borealis, xml);

    const missing = await h.inProcess!.channel.receive('D', xml, { contentType: 'application/xml' });
    const tampered = await h.inProcess!.channel.receive('D', xml, { contentType: 'application/xml', inProcessSignature: foreign });
    const changedText = await h.inProcess!.channel.receive('D', xml.replace('1000000', '1000001'), { contentType: 'application/xml', inProcessSignature: good });
    for (const answer of [missing, tampered, changedText]) {
      expect(answer.status).to.equal(400);
      expect(answer.responseCode).to.equal(undefined);
      expect(answer.reason).to.match(/in-process signature/);
    }
    expect(refusalsSince(seq).map((e) => [e.from, e.summary.slice(0, 8)])).to.deep.equal([
      [borealis.toString(), 'HTTP 400'],
      [borealis.toString(), 'HTTP 400'],
      [borealis.toString(), 'HTTP 400'],
    ]);
    expect(h.journal.entries({ afterSeq: seq, where: (e) => e.kind === 'request' })).to.deep.equal([]);
    expect(h.dsp.lastCounter(borealis)).to.equal(counterBefore);

    // The same text with its originator's signature goes through.
    const signed = await h.inProcess!.channel.receive('D', xml, { contentType: 'application/xml', inProcessSignature: good });
    expect(signed.status).to.equal(200);
    expect(signed.responseCode, signed.reason).to.equal('I0');
    expect(h.dsp.lastCounter(borealis)).to.equal(1_000_000n);
  });

  it("a DuisClient's sendRaw (no in-process signature) is refused 400", async () => {
    const seq = h.journal.size;
    const raw = await client(AURORA).sendRaw('D', readInventoryXml(eui(AURORA), 2_000_000n));
    expect(raw.status).to.equal(400);
    expect(raw.reason).to.match(/in-process signature/);
    expect(refusalsSince(seq)).to.have.length(1);
  });

  it('refuses with 400 a request signed by one User whose RequestID names another as originator', async () => {
    const aurora = eui(AURORA);
    const borealis = eui(BOREALIS);
    const counterBefore = h.dsp.lastCounter(borealis);
    const seq = h.journal.size;
    const xml = readInventoryXml(borealis, 3_000_000n);
    const answer = await h.inProcess!.channel.receive('D', xml, {
      contentType: 'application/xml',
      inProcessSignature: h.inProcess!.channel.signing.sign(aurora, xml),
    });
    expect(answer.status).to.equal(400);
    expect(answer.reason).to.match(/in-process signature/);
    expect(answer.reason).to.contain(borealis.toString());
    const refusals = refusalsSince(seq);
    expect(refusals).to.have.length(1);
    expect(refusals[0]!.from).to.equal(borealis.toString());
    expect(h.dsp.lastCounter(borealis)).to.equal(counterBefore);
  });

  it("a pre-command sealed with a key other than the cell holder's is refused by the device: 0x8F3D reaches the User, the cells stay", async () => {
    const yorkshire = eui(NPG_YORKSHIRE);
    const esme = homeDeviceId(3, 'ESME'); // Yorkshire holds its NO cells (until the next test)
    const receiver = new ResponseReceiver({ keyStore: h.estate.keyStore, clock: h.clock });
    const unregister = h.inProcess!.outbox.register(yorkshire, receiver.inProcessInbox(h.inProcess!.channel));
    try {
      const cellBefore = h.fleet.device(esme).cell('networkOperatorDS')?.der;
      const body = await krpBody(h.estate, 'NetworkOperator', eui(NPG_NORTH_EAST));
      // Yorkshire's request, sealed with North East's DS key: the seal names the wrong key pair.
      const dsKey = (await h.estate.keyStore.lookup(eui(NPG_NORTH_EAST), 'DS')).privateKey;
      const exchange = await client(NPG_YORKSHIRE).critical({ target: esme, srv: '6.15.1', body }, { dsKey });
      expect(exchange.cv5?.responseCode, exchange.cv5?.reason).to.equal('I99');
      await h.drain();
      const alert = await receiver.waitFor(
        (m) => m.kind === 'deviceAlert' && (m.response?.header.requestId?.equals(exchange.requestId) ?? false),
        { timeoutMs: 2000 },
      );
      expect(alert.response!.body).to.deep.include({ kind: 'DeviceAlertMessage', alertCode: '8F3D' });
      expect(receiver.all().some((m) => m.kind === 'response' && (m.response?.header.requestId?.equals(exchange.requestId) ?? false))).to.equal(false);
      expect(h.fleet.device(esme).cell('networkOperatorDS')?.der.equals(cellBefore!)).to.equal(true);
    } finally {
      unregister();
    }
  });

  it("a critical request (6.15.1) runs CV 4 and CV 5 in process; the device's response reaches the User's in-process inbox", async () => {
    const esme = homeDeviceId(3, 'ESME');
    const yorkshire = eui(NPG_YORKSHIRE);
    const receiver = new ResponseReceiver({ keyStore: h.estate.keyStore, clock: h.clock });
    const unregister = h.inProcess!.outbox.register(yorkshire, receiver.inProcessInbox(h.inProcess!.channel));
    try {
      const deliveredBefore = h.inProcess!.outbox.delivered;
      const body = await krpBody(h.estate, 'NetworkOperator', eui(NPG_NORTH_EAST));
      const exchange = await client(NPG_YORKSHIRE).critical({ target: esme, srv: '6.15.1', body });
      expect(exchange.cv4.responseCode, exchange.cv4.reason).to.equal('I0');
      expect(exchange.preCommand, 'a PreCommand came back with CV 4').to.not.equal(undefined);
      // The pre-command is sealed by the estate's GBCS signing (decision 0013), and the device accepted it.
      expect(exchange.signedPreCommand!.subarray(-32).equals(IN_PROCESS_SEAL_TAG)).to.equal(true);
      expect(exchange.cv5?.status).to.equal(200);
      // CV 5 is acknowledged (I99, as over HTTP): the device's answer comes later.
      expect(exchange.cv5?.responseCode, exchange.cv5?.reason).to.equal('I99');

      await h.drain();
      const response = await receiver.waitFor(
        (m) => m.kind === 'response' && (m.response?.header.requestId?.equals(exchange.requestId) ?? false),
        { timeoutMs: 2000 },
      );
      expect(response.signatureOk, JSON.stringify(response.reasons)).to.equal(true);
      expect(response.reasons).to.deep.equal([]);
      expect(response.response!.header.responseCode).to.equal('I0');
      expect(cs02bCellStatuses(response)).to.deep.equal(['success', 'success']);
      // The device sealed its response with its DS key; the seal holds under its certificate's key.
      const header = decodeGroupingHeader(gbcsPayloadOf(response));
      expect((header.signature as Buffer).subarray(32).equals(IN_PROCESS_SEAL_TAG)).to.equal(true);
      const deviceKey = new X509Certificate(h.fleet.device(esme).deviceCertificate('DS')).publicKey;
      expect(verifyGroupingHeaderSignature(header, deviceKey, h.inProcess!.channel.signing.gbcs).ok).to.equal(true);
      expect(h.inProcess!.outbox.delivered).to.be.greaterThan(deliveredBefore);
      expect(h.inProcess!.outbox.undelivered(yorkshire)).to.deep.equal([]);
      const northEast = await h.estate.keyStore.lookup(eui(NPG_NORTH_EAST), 'DS');
      expect(h.fleet.device(esme).cell('networkOperatorDS')?.der.equals(Buffer.from(northEast.certificate.raw))).to.equal(true);
    } finally {
      unregister();
    }
  });

  it("the receiver flags a delivered message whose in-process signature is not the DSP's", async () => {
    const receiver = new ResponseReceiver({ keyStore: h.estate.keyStore, clock: h.clock });
    const inbox = receiver.inProcessInbox(h.inProcess!.channel);
    const sent = await client(AURORA).nonDevice({ srv: '8.2', body: readInventoryBody(homeDeviceId(1, 'ESME')) });
    const forged = h.inProcess!.channel.signing.sign(eui(AURORA), sent.responseXml);
    await inbox(sent.responseXml, { kind: 'response', inProcessSignature: forged });
    const [kept] = receiver.all();
    expect(kept!.signatureOk).to.equal(false);
    expect(kept!.reasons.map((r) => r.code)).to.deep.equal(['signature-mismatch']);
  });
});
