import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { expect } from 'chai';
import WebSocket from 'ws';
import { Harness } from '../harness/index.ts';
import { ruleSetChoices } from './ruleSetChoices.ts';
import { type RunningLiveView, startLiveView } from './startLiveView.ts';
import type { DeviceView, EntryView, ServerMessage } from './messages.ts';
import { parseControlMessage } from './messages.ts';
import { StoryRegistry } from './Story.ts';

type Snapshot = Extract<ServerMessage, { type: 'snapshot' }>;

/** A page's socket, as a test reads it: every message kept, `next` waits for one that matches. */
class Page {
  readonly messages: ServerMessage[] = [];
  #seen = 0;
  readonly #waiters = new Set<() => void>();

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.messages.push(JSON.parse(String(data)) as ServerMessage);
      for (const wake of this.#waiters) wake();
    });
  }

  static async open(url: string, headers: Record<string, string> = {}): Promise<Page> {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/live/events`, { headers });
    // Listening before the handshake ends: the snapshot can arrive with the handshake's response.
    const page = new Page(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return page;
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The next message after the last one `next` returned that matches. */
  async next<T extends ServerMessage>(match: (m: ServerMessage) => m is T, timeoutMs?: number): Promise<T>;
  async next(match: (m: ServerMessage) => boolean, timeoutMs?: number): Promise<ServerMessage>;
  async next(match: (m: ServerMessage) => boolean, timeoutMs = 10_000): Promise<ServerMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (this.#seen < this.messages.length) {
        const m = this.messages[this.#seen++]!;
        if (match(m)) return m;
      }
      if (Date.now() > deadline) throw new Error(`no matching message; got ${this.messages.map((m) => m.type).join(', ')}`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.#waiters.delete(wake);
          resolve();
        };
        this.#waiters.add(wake);
        setTimeout(wake, 50);
      });
    }
  }

  close(): void {
    this.ws.close();
  }
}

const isSnapshot = (m: ServerMessage): m is Snapshot => m.type === 'snapshot';
const isReplayEnd = (m: ServerMessage) => m.type === 'replay' && m.state !== 'started';

describe('the live view over HTTP and WebSocket', () => {
  let h: Harness;
  let live: RunningLiveView;

  before(async () => {
    h = await Harness.start({ http: { port: 0 } });
    live = await startLiveView({ harness: h });
  });
  after(async () => {
    await live?.close();
    await h?.close();
  });

  it('serves the page and its files, self-contained, with a CSP that allows only this server', async () => {
    const page = await fetch(`${live.url}/live`);
    expect(page.status).to.equal(200);
    expect(page.headers.get('content-type')).to.match(/^text\/html/);
    expect(page.headers.get('content-security-policy')).to.contain("default-src 'none'").and.contain("connect-src 'self'");
    const html = await page.text();
    expect(html).to.contain('/live/app.js').and.contain('/live/app.css');
    expect(html).not.to.match(/https?:\/\//);
    const js = await fetch(`${live.url}/live/app.js`);
    expect(js.headers.get('content-type')).to.match(/^text\/javascript/);
    expect(await js.text()).not.to.match(/https?:\/\/(?!.*\$\{)/);
    expect((await fetch(`${live.url}/live/app.css`)).status).to.equal(200);
    expect((await fetch(`${live.url}/live/nope`)).status).to.equal(404);
    expect((await fetch(`${live.url}/live/events`)).status).to.equal(426);
    expect((await fetch(`${live.url}/live`, { method: 'POST' })).status).to.equal(405);
  });

  it('sends a snapshot on connect: rule set, parties, devices with wrong NO cells, the latest entries', async () => {
    h.journal.append({ at: h.clock.now(), via: 'DUIS', from: '90-B3-D5-1F-40-01-01-00', to: 'DSP', kind: 'request', summary: 'before', srv: '8.2' });
    const page = await Page.open(live.url);
    try {
      const s = await page.next(isSnapshot);
      expect(s.ruleSet?.name).to.equal('baseline');
      expect(s.run.title).to.equal('the running estate');
      expect(s.canWatchEstate).to.equal(false);
      expect(s.ruleSets).to.include.members(['baseline', 'mp107-r1', 'mp107-r1+secmp0063']);
      expect(s.stories.map((st) => st.name)).to.deep.equal(['wrong-no-smets1']);
      expect(s.parties.find((p) => p.name === 'Cirrus Energy')?.userRoles).to.deep.equal(['IS']);
      expect(s.devicesTotal).to.equal(h.inventory.devices().length);
      const mp107 = s.devices.find((d) => d.deviceId === '00-DB-40-00-00-07-00-01')!;
      expect(mp107.cells.filter((c) => c.state === 'wrong').map((c) => c.note)).to.deep.equal([
        'registered NO is SP Energy Networks (Merseyside & N Wales)',
        'registered NO is SP Energy Networks (Merseyside & N Wales)',
      ]);
      expect(s.entries.at(-1)).to.deep.include({ summary: 'before', label: '8.2 · request' });
      expect(s.entries.at(-1)!.from).to.include({ kind: 'user', label: 'Aurora Energy' });

      h.journal.append({ at: h.clock.now(), via: 'DUIS', from: 'DSP', to: '90-B3-D5-1F-40-01-01-00', kind: 'response', summary: 'after', responseCode: 'E4' });
      const entry = await page.next((m) => m.type === 'entry');
      expect(entry).to.deep.include({ runId: s.run.id });
      expect((entry as { entry: EntryView }).entry).to.deep.include({ summary: 'after', tone: 'refused', label: 'response · E4' });
    } finally {
      page.close();
    }
  });

  it('replays wrong-no-smets1 on a fresh harness: E4 under baseline, the slots corrected under mp107-r1', async () => {
    const page = await Page.open(live.url);
    try {
      await page.next(isSnapshot);
      page.send({ type: 'replay', story: 'wrong-no-smets1', ruleSet: 'baseline' });
      expect(await page.next((m) => m.type === 'replay')).to.deep.include({ state: 'started', story: 'wrong-no-smets1', ruleSet: 'baseline' });
      const fresh = await page.next(isSnapshot);
      expect(fresh.run.story).to.equal('wrong-no-smets1');
      expect(fresh.canWatchEstate).to.equal(true);
      expect(fresh.devices.map((d) => [d.deviceId, d.wrong])).to.deep.equal([['00-DB-40-00-00-07-00-01', 2]]);
      expect(fresh.entries).to.deep.equal([]);
      const refused = await page.next((m) => m.type === 'entry' && m.entry.responseCode === 'E4');
      expect((refused as { entry: EntryView }).entry.from.label).to.equal('DSP');
      const end = await page.next(isReplayEnd);
      expect(end).to.deep.include({ state: 'finished', ruleSet: 'baseline' });
      expect((end as { outcome: string }).outcome).to.match(/^refused E4 \(registration-data\): the NO slots still hold UK Power Networks \(London\)’s/);
      expect(live.view.harness!.s1sps.get('S1SP-B').slots(live.view.harness!.inventory.devices()[0]!.deviceId).networkOperatorDS?.owner.toString())
        .to.equal('90-B3-D5-1F-40-02-12-00');

      const first = live.view.harness!;
      page.send({ type: 'replay', story: 'wrong-no-smets1', ruleSet: 'mp107-r1' });
      const second = await page.next(isSnapshot);
      expect(second.ruleSet?.name).to.equal('mp107-r1');
      expect(second.run.id).to.be.greaterThan(fresh.run.id);
      const corrected = await page.next((m) => m.type === 'device' && m.device.wrong === 0);
      const device = (corrected as { device: DeviceView }).device;
      expect(device.cells.filter((c) => c.networkOperatorCell).map((c) => [c.owner?.name, c.state])).to.deep.equal([
        ['SP Energy Networks (Merseyside & N Wales)', 'ok'],
        ['SP Energy Networks (Merseyside & N Wales)', 'ok'],
      ]);
      const done = await page.next(isReplayEnd);
      expect((done as { outcome: string }).outcome).to.match(/^accepted \(I0, I99, I0\): the NO slots now hold SP Energy Networks/);
      // The first replay's harness was closed when the second started.
      await fetch(`${first.url}/healthz`).then(
        () => expect.fail('the earlier replay’s harness still listens'),
        () => undefined,
      );
    } finally {
      page.close();
    }
  });

  it('goes back to the running estate on request, and refuses bad control messages saying why', async () => {
    const page = await Page.open(live.url);
    try {
      await page.next(isSnapshot);
      page.send({ type: 'watch-estate' });
      const back = await page.next(isSnapshot);
      expect(back.run.title).to.equal('the running estate');
      expect(live.view.harness).to.equal(h);
      page.send('not json');
      expect(await page.next((m) => m.type === 'error')).to.deep.include({ message: 'expected a JSON control message, e.g. {"type":"replay","story":"wrong-no-smets1","ruleSet":"mp107-r1"}' });
      page.send({ type: 'replay', story: 'nope', ruleSet: 'baseline' });
      expect(await page.next((m) => m.type === 'error')).to.have.property('message').that.matches(/story: expected one of wrong-no-smets1/);
      page.send({ type: 'replay', story: 'wrong-no-smets1', ruleSet: 'mp999' });
      expect(await page.next((m) => m.type === 'error')).to.have.property('message').that.matches(/rule set: expected one of baseline, mp107-r1/);
      expect(live.view.harness).to.equal(h);
    } finally {
      page.close();
    }
  });

  it('refuses a WebSocket from another site’s page', async () => {
    let refused: unknown;
    await Page.open(live.url, { origin: 'http://evil.example' }).then(
      (p) => p.close(),
      (error: unknown) => (refused = error),
    );
    expect(String(refused)).to.contain('403');
  });
});

describe('the live view on its own', () => {
  it('offers every rule set name and the combinations the DSP accepts', () => {
    const choices = ruleSetChoices();
    expect(choices.slice(0, 4)).to.deep.equal(['baseline', 'mp107-r1', 'mp107-r2', 'secmp0063']);
    expect(choices).to.include('mp107-r1+secmp0063');
    expect(choices).not.to.include('baseline+mp107-r1');
  });

  it('reads control messages strictly', () => {
    expect(parseControlMessage('{"type":"replay","story":" wrong-no-smets1 ","ruleSet":"mp107-r1"}')).to.deep.equal({
      type: 'replay',
      story: 'wrong-no-smets1',
      ruleSet: 'mp107-r1',
    });
    expect(() => parseControlMessage('{"type":"drop"}')).to.throw(/type: expected "replay" or "watch-estate"/);
    expect(() => parseControlMessage('{"type":"replay","story":"x"}')).to.throw(/ruleSet: expected/);
    expect(() => parseControlMessage('[1]')).to.throw(/type/);
  });

  it('refuses a second story of the same name, and a replay while one runs', async () => {
    const registry = new StoryRegistry();
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    registry.add({ name: 'slow', title: 'Slow', description: '', run: async () => (await gate, { summary: 'done' }) });
    expect(() => registry.add({ name: 'slow', title: '', description: '', run: async () => ({ summary: '' }) })).to.throw(/not yet registered/);
    const live = await startLiveView({ stories: registry });
    try {
      const page = await Page.open(live.url);
      const idle = await page.next(isSnapshot);
      expect(idle.ruleSet).to.equal(undefined);
      expect(idle.run.title).to.match(/nothing running yet/);
      const running = live.view.replay('slow', 'secmp0063');
      await page.next((m) => m.type === 'snapshot' && m.run.story === 'slow');
      await live.view.replay('slow', 'baseline').then(
        () => expect.fail('a second replay started'),
        (error: Error) => expect(error.message).to.match(/a replay is running \(slow under secmp0063\)/),
      );
      open();
      expect(await running).to.deep.equal({ state: 'finished', story: 'slow', ruleSet: 'secmp0063', outcome: 'done' });
      page.close();
    } finally {
      await live.close();
    }
  });

  it('close() disconnects pages, closes the replay’s harness and leaves nothing listening', async () => {
    const before = handles();
    const live = await startLiveView();
    const page = await Page.open(live.url);
    await page.next(isSnapshot);
    await live.view.replay('wrong-no-smets1', 'baseline');
    const replayed = live.view.harness!.url!;
    const closed = new Promise<void>((resolve) => page.ws.once('close', () => resolve()));
    await live.close();
    await closed;
    for (const url of [live.url, replayed]) {
      await fetch(`${url}/live`).then(
        () => expect.fail(`${url} still listens`),
        () => undefined,
      );
    }
    for (let waited = 0; handles() > before && waited < 2000; waited += 20) await sleep(20);
    expect(handles()).to.be.at.most(before);
  });
});

function handles(): number {
  return process.getActiveResourcesInfo().filter((r) => r === 'TCPServerWrap' || r === 'TCPSocketWrap' || r === 'Timeout').length;
}
