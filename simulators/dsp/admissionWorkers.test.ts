import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { expect } from 'chai';
import type { Eui } from '../core/Eui.ts';
import { RequestId } from '../core/RequestId.ts';
import { buildDuisRequest } from '../duis/index.ts';
import { Credential, type KeyStore } from '../keystore/index.ts';
import { signDuis } from '../xmldsig/signDuis.ts';
import { AdmissionWorkers, type PreRead } from './admissionWorkers.ts';
import type { DspAnswer, DuisService } from './DspAnswer.ts';
import { krpBody, readInventoryBody } from './testBodies.ts';
import { ACB, AURORA, BOREALIS, CHF, defaultEstate, ESME, harness, NO_12 } from './testSupport.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

interface Sent {
  readonly service: DuisService;
  readonly body: string;
  readonly contentType?: string;
}

/** Requests of every kind admission tells apart: good ones, refused ones at each step, a replay. */
async function mixedRequests(): Promise<Sent[]> {
  const estate = await defaultEstate();
  const h = await harness();
  const read = (from: Eui, counter: number, signAs?: Eui) =>
    h.signed({ from, target: ACB, counter, cv: 8, srv: '8.2', body: readInventoryBody(CHF), ...(signAs && { signAs }) });
  const good = await read(AURORA, 1);
  const krp = await h.signed({ from: AURORA, target: ESME, counter: 2, cv: 4, srv: '6.15.1', body: await krpBody(estate, 'Supplier', AURORA) });
  const aurora = await estate.keyStore.lookup(AURORA, 'XML');
  const unsigned = buildDuisRequest({
    header: { requestId: RequestId.of(AURORA, ACB, 9n), commandVariant: 8, srv: '8.2' },
    body: readInventoryBody(CHF),
  });
  // Signed, but not a DUIS request the DSP reads (an old schemaVersion): a signed E12.
  const notDuis = signDuis(unsigned.replace('schemaVersion="5.4"', 'schemaVersion="4.9"'), {
    privateKey: aurora.privateKey,
    certificate: aurora.certificate,
  });
  return [
    { service: 'D', body: good },
    { service: 'T', body: krp },
    { service: 'D', body: good }, // a replay
    { service: 'D', body: await read(AURORA, 3, BOREALIS) }, // signed by another User
    { service: 'D', body: (await read(AURORA, 4)).replace('<sr:CommandVariant>8<', '<sr:CommandVariant>9<') }, // changed after signing
    { service: 'D', body: good.slice(0, 200) }, // not XML
    { service: 'D', body: await read(AURORA, 5), contentType: 'text/plain' },
    { service: 'D', body: notDuis },
    { service: 'X' as DuisService, body: await read(AURORA, 6) },
    { service: 'D', body: (await read(AURORA, 7)).replace('?>', '?><!-- not plain -->') }, // read by xmldom, still good
    { service: 'D', body: await read(NO_12, 1) }, // another signer
    { service: 'D', body: await read(AURORA, 8) },
  ];
}

/** An answer and the journal as a tester sees them; the SignatureValue (ECDSA is randomised) left out. */
function comparable(answers: readonly DspAnswer[], journal: readonly object[]): unknown {
  const unsigned = (text: unknown) => (typeof text === 'string' ? text.replace(/<ds:SignatureValue>[^<]*<\/ds:SignatureValue>/, '') : text);
  return {
    answers: answers.map((a) => ({ ...a, body: unsigned(a.body) })),
    journal: journal.map((e) => ({ ...e, payload: unsigned((e as { payload?: unknown }).payload) })),
  };
}

async function run(requests: readonly Sent[], workers?: AdmissionWorkers, keyStore?: KeyStore): Promise<unknown> {
  const h = await harness({ ...(workers && { admissionWorkers: workers }), ...(keyStore && { keyStore }) });
  // All at once, as over HTTP: the workers read ahead while the DSP admits in order.
  const answers = await Promise.all(
    requests.map((r) => h.dsp.receive(r.service, r.body, { contentType: r.contentType ?? 'application/xml' })),
  );
  await h.dsp.idle();
  return comparable(answers, h.journal.entries());
}

/** Counts the reads a pool answered (rather than leaving to the DSP). */
function counted(pool: AdmissionWorkers): { readonly used: () => number } {
  let used = 0;
  const read = pool.read.bind(pool);
  pool.read = async (body: string): Promise<PreRead | undefined> => {
    const result = await read(body);
    if (result !== undefined) used++;
    return result;
  };
  return { used: () => used };
}

describe('AdmissionWorkers', () => {
  const pools: AdmissionWorkers[] = [];
  const pool = async (keyStore?: KeyStore) => {
    const p = new AdmissionWorkers({ keyStore: keyStore ?? (await defaultEstate()).keyStore, size: 1 });
    pools.push(p);
    return p;
  };
  after(() => Promise.all(pools.map((p) => p.close())));

  it('changes nothing a User or the journal sees: the same answers, in the same order, as the DSP alone', async () => {
    const requests = await mixedRequests();
    const workers = await pool();
    const reads = counted(workers);
    const alone = await run(requests);
    expect(await run(requests, workers)).to.deep.equal(alone);
    // Read by the worker: what parses and verifies (the good ones, the replay, the one signed by
    // another User, which the DSP then refuses itself, and the one sent as text/plain).
    expect(reads.used()).to.equal(8);
  });

  it('leaves every request to the DSP once closed', async () => {
    const requests = await mixedRequests();
    const workers = await pool();
    await workers.close();
    const reads = counted(workers);
    expect(await run(requests, workers)).to.deep.equal(await run(requests));
    expect(reads.used()).to.equal(0);
  });

  it('trusts a read only while the key store still gives the certificate that verified it', async () => {
    const estate = await defaultEstate();
    let replace = false;
    let lookups = 0;
    // The same credentials, but after `replace` each lookup gives a fresh certificate object (as a reloaded key store would).
    const store = estate.keyStore;
    const keyStore: KeyStore = {
      lookup: (...args) => store.lookup(...args),
      find: (...args) => store.find(...args),
      list: () => store.list(),
      add: (credential) => store.add(credential),
      findBySerial: async (issuer, serial) => {
        lookups++;
        const found = await store.findBySerial(issuer, serial);
        return found && replace ? new Credential(found) : found;
      },
    };
    const workers = await pool(keyStore);
    const forgotten: bigint[] = [];
    const forget = workers.forget.bind(workers);
    workers.forget = (issuerName, serial) => {
      forgotten.push(serial);
      forget(issuerName, serial);
    };
    const h = await harness({ admissionWorkers: workers, keyStore });
    const read = async (counter: number) =>
      h.dsp.receive('D', await h.signed({ from: AURORA, target: ACB, counter, cv: 8, srv: '8.2', body: readInventoryBody(CHF) }), {
        contentType: 'application/xml',
      });
    expect((await read(1)).responseCode).to.equal('I0');
    expect(lookups, "the worker's lookup, then the DSP's in turn").to.equal(2);
    replace = true;
    const answer = await read(2);
    expect(answer.responseCode, answer.reason).to.equal('I0');
    const aurora = await estate.keyStore.lookup(AURORA, 'XML');
    expect(forgotten).to.deep.equal([aurora.serial]);
    expect(lookups, "the DSP's check, then authenticate()'s own lookup").to.equal(4);
  });

  for (const [how, args, env] of [
    ['node --import tsx', ['--import', 'tsx'], {}],
    ['NODE_OPTIONS=--import=tsx (as cucumber runs)', [], { NODE_OPTIONS: '--import=tsx' }],
  ] as const) {
    it(`starts its workers under ${how}, and keeps no process alive, closed or not`, () => {
      const module = (path: string) => JSON.stringify(join(REPO, path));
      const script = `
        import { AdmissionWorkers } from ${module('simulators/dsp/admissionWorkers.ts')};
        import { Harness } from ${module('simulators/harness/index.ts')};
        import { harness, AURORA, ACB, CHF } from ${module('simulators/dsp/testSupport.ts')};
        import { readInventoryBody } from ${module('simulators/dsp/testBodies.ts')};
        const h = await harness();
        const xml = await h.signed({ from: AURORA, target: ACB, counter: 1, cv: 8, srv: '8.2', body: readInventoryBody(CHF) });
        const workers = new AdmissionWorkers({ keyStore: h.estate.keyStore, size: 2 });
        const read = await workers.read(xml);
        const started = await Harness.start({ population: 'none', workers: 1 });
        await started.close();
        // Neither these workers nor an idle harness's may hold the process open.
        new AdmissionWorkers({ keyStore: h.estate.keyStore, size: 1 });
        await Harness.start({ population: 'none', workers: 1 });
        console.log(JSON.stringify({ read: read?.header.srv.id }));
      `;
      const dir = mkdtempSync(join(tmpdir(), 'admission-workers-'));
      try {
        const file = join(dir, 'script.mts');
        writeFileSync(file, script);
        const child = spawnSync(process.execPath, [...args, file], {
          cwd: REPO,
          env: { ...process.env, ...env },
          encoding: 'utf8',
          timeout: 120_000,
        });
        expect(child.signal, 'the process exited by itself').to.equal(null);
        expect(child.status, child.stderr).to.equal(0);
        expect(child.stdout.trim().split('\n').at(-1)).to.equal('{"read":"8.2"}');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
