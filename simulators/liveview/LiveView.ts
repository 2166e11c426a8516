import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { type WebSocket, WebSocketServer } from 'ws';
import { Eui } from '../core/Eui.ts';
import type { JournalEntry } from '../core/Journal.ts';
import { ruleSetNamed } from '../dsp/index.ts';
import { Harness, parsePopulation } from '../harness/index.ts';
import type { Route } from '../http/HttpAnswer.ts';
import { entryView } from './entryView.ts';
import { deviceView, devicesView, partiesView } from './estateView.ts';
import { type ControlMessage, parseControlMessage, type ReplayView, type RunView, type ServerMessage } from './messages.ts';
import { ruleSetChoices } from './ruleSetChoices.ts';
import { builtInStories } from './stories/index.ts';
import type { Story, StoryRegistry } from './Story.ts';
import { EVENTS_PATH, liveRoutes } from './liveRoutes.ts';

export interface LiveViewOptions {
  /**
   * The running estate (`up`'s): the page watches it until a replay starts, and can go back to it.
   * The live view never closes it. Without one the page waits for the first replay.
   */
  readonly harness?: Harness;
  /** Stories the page can replay; default the built-in ones (`wrong-no-smets1`). */
  readonly stories?: StoryRegistry;
  /** Rule sets the page offers; default the DSP's names and the combinations it accepts. */
  readonly ruleSets?: readonly string[];
  /** Entries sent with a snapshot (the latest); default 300. */
  readonly entriesLimit?: number;
  /** Devices sent with a snapshot; default 200. */
  readonly devicesLimit?: number;
  /** Where the page's files are; default the repository's `web/`. */
  readonly webDir?: string;
}

interface Watched {
  readonly run: RunView;
  readonly harness: Harness;
  /** A replay's harness: the live view started it and closes it. */
  readonly owned: boolean;
  readonly stop: () => void;
  ruleSetName: string;
}

/** A client sending more than this is dropped (it reconnects and gets a fresh snapshot). */
const MAX_BUFFERED = 8 * 1024 * 1024;

/**
 * The live view: a page (`GET /live`) and a WebSocket (`/live/events`) fed from a harness's journal.
 * On connect a client gets a snapshot – rule set in force, parties, devices with who owns each cell
 * or slot (a network-operator cell whose owner is not the registered NO, or GT, is `wrong`), the
 * latest entries – then every new entry as it is journalled and every device whose cells changed.
 * The page may ask for a story to be replayed under another rule set: the live view starts a fresh
 * harness for it, watches that one instead, and runs the story.
 */
export class LiveView {
  readonly stories: StoryRegistry;
  readonly ruleSets: readonly string[];
  readonly #o: LiveViewOptions;
  readonly #wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  readonly #route: Route;
  #watched: Watched | undefined;
  #runs = 0;
  #replaying: ReplayView | undefined;
  #replay: Promise<ReplayView> | undefined;
  #dirty = new Set<string>();
  #allDirty = false;
  #flushScheduled = false;
  readonly #sentDevices = new Map<string, string>();
  #closed = false;

  constructor(options: LiveViewOptions = {}) {
    this.#o = options;
    this.stories = options.stories ?? builtInStories();
    this.ruleSets = options.ruleSets ?? ruleSetChoices();
    this.#route = liveRoutes(options.webDir);
    this.#wss.on('connection', (ws) => this.#connected(ws));
    if (options.harness) void this.#watch(options.harness, { owned: false, title: 'the running estate' });
  }

  /** `GET /live`, `/live/app.js`, `/live/app.css`; everything else under `/live` is 404. */
  get route(): Route {
    return this.#route;
  }

  /** The harness the page watches now. */
  get harness(): Harness | undefined {
    return this.#watched?.harness;
  }

  /** Serves `/live/events` on this server's upgrades; returns the function that stops it. */
  attach(server: Server): () => void {
    const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      const path = new URL(req.url ?? '/', 'http://live').pathname;
      if (path !== EVENTS_PATH) {
        // Another upgrade handler may own the path; alone on the server, nobody does.
        if (server.listenerCount('upgrade') === 1) socket.destroy();
        return;
      }
      if (this.#closed || !sameOrigin(req)) {
        socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      this.#wss.handleUpgrade(req, socket, head, (ws) => this.#wss.emit('connection', ws, req));
    };
    server.on('upgrade', onUpgrade);
    return () => server.off('upgrade', onUpgrade);
  }

  /**
   * Replays a story under a rule set on a fresh harness, which the page watches from now on. One
   * replay at a time; an unknown story or rule set is refused before anything starts.
   */
  replay(storyName: string, ruleSetName: string): Promise<ReplayView> {
    if (this.#closed) return Promise.reject(new Error('the live view is closed'));
    if (this.#replaying !== undefined) {
      const r = this.#replaying;
      return Promise.reject(new Error(`a replay is running (${r.story} under ${r.ruleSet}); wait for it to finish`));
    }
    let story: Story;
    let ruleSet: string;
    try {
      story = this.stories.get(storyName);
      ruleSet = ruleSetNamed(ruleSetName).name;
    } catch (error) {
      return Promise.reject(error);
    }
    const started: ReplayView = { state: 'started', story: story.name, ruleSet };
    this.#replaying = started;
    this.#broadcast({ type: 'replay', ...started });
    const run = (async (): Promise<ReplayView> => {
      let outcome: ReplayView;
      try {
        const harness = await Harness.start({
          population: story.population ? parsePopulation(story.population, `story ${story.name}`) : 'none',
          ruleSet,
          http: { host: '127.0.0.1', port: 0 },
        });
        if (this.#closed) {
          await harness.close();
          throw new Error('the live view closed');
        }
        await this.#watch(harness, { owned: true, title: `${story.title} – under ${ruleSet}`, story: story.name });
        const result = await story.run(harness);
        outcome = { state: 'finished', story: story.name, ruleSet, outcome: result.summary };
      } catch (error) {
        outcome = { state: 'failed', story: story.name, ruleSet, error: error instanceof Error ? error.message : String(error) };
      }
      await nextTurn();
      this.#flush();
      this.#replaying = undefined;
      this.#broadcast({ type: 'replay', ...outcome });
      return outcome;
    })();
    this.#replay = run;
    return run;
  }

  /** Watches the estate given at construction again (after a replay); closes the replay's harness. */
  async watchEstate(): Promise<void> {
    const estate = this.#o.harness;
    if (estate === undefined) throw new Error('this live view was started without an estate: there is only the replay to watch');
    if (this.#replaying !== undefined) throw new Error('a replay is running; wait for it to finish');
    if (this.#watched?.harness !== estate) await this.#watch(estate, { owned: false, title: 'the running estate' });
  }

  /** Disconnects every page, waits for a running replay, and closes the replay's harness (never the estate's). */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const ws of this.#wss.clients) ws.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
    await this.#replay?.catch(() => undefined);
    const watched = this.#watched;
    this.#watched = undefined;
    watched?.stop();
    if (watched?.owned) await watched.harness.close();
  }

  async #watch(harness: Harness, run: { owned: boolean; title: string; story?: string }): Promise<void> {
    const previous = this.#watched;
    previous?.stop();
    const stops = [
      harness.journal.subscribe((entry) => this.#guarded(() => this.#journalled(entry))),
      harness.registrations.onChange(() => this.#markAll()),
      harness.inventory.onChange(() => this.#markAll()),
    ];
    this.#runs += 1;
    this.#watched = {
      run: {
        id: this.#runs,
        title: run.title,
        ...(run.story !== undefined && { story: run.story }),
        ...(harness.url !== undefined && { url: harness.url }),
      },
      harness,
      owned: run.owned,
      ruleSetName: harness.ruleSet.name,
      stop: () => stops.forEach((stop) => stop()),
    };
    this.#dirty.clear();
    this.#allDirty = false;
    this.#sentDevices.clear();
    const snapshot = JSON.stringify(this.#snapshot());
    for (const ws of this.#wss.clients) this.#sendText(ws, snapshot);
    if (previous?.owned) await previous.harness.close();
  }

  #snapshot(): ServerMessage {
    const w = this.#watched;
    const base = {
      type: 'snapshot' as const,
      ruleSets: this.ruleSets,
      stories: this.stories.list(),
      canWatchEstate: this.#o.harness !== undefined && w?.harness !== this.#o.harness,
      ...(this.#replaying !== undefined && { replaying: this.#replaying }),
    };
    if (w === undefined) {
      return {
        ...base,
        run: { id: 0, title: 'nothing running yet: replay a story' },
        parties: [],
        devices: [],
        devicesTotal: 0,
        entries: [],
        entriesTotal: 0,
      };
    }
    const h = w.harness;
    const limit = this.#o.entriesLimit ?? 300;
    const entries = h.journal.entries({ afterSeq: Math.max(0, h.journal.size - limit) }).map((e) => entryView(h, e));
    const { devices, total } = devicesView(h, this.#o.devicesLimit ?? 200);
    for (const d of devices) this.#sentDevices.set(d.deviceId, JSON.stringify(d));
    return {
      ...base,
      run: w.run,
      ruleSet: { name: h.ruleSet.name, description: h.ruleSet.description },
      parties: partiesView(h),
      devices,
      devicesTotal: total,
      entries,
      entriesTotal: h.journal.size,
    };
  }

  #journalled(entry: JournalEntry): void {
    const w = this.#watched;
    if (w === undefined) return;
    this.#broadcast({ type: 'entry', runId: w.run.id, entry: entryView(w.harness, entry) });
    if (entry.deviceId !== undefined) this.#dirty.add(entry.deviceId);
    else if (entry.via === 'S1SP' || entry.via === 'DCC' || entry.via === 'RDP') this.#allDirty = true;
    this.#scheduleFlush();
  }

  /**
   * Runs inside the harness's own calls (the journal's append) or on a timer: a fault in drawing
   * must not break the estate, so it is told to the pages instead.
   */
  #guarded(work: () => void): void {
    try {
      work();
    } catch (error) {
      this.#broadcast({ type: 'error', message: `live view: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  #markAll(): void {
    this.#allDirty = true;
    this.#scheduleFlush();
  }

  #scheduleFlush(): void {
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    // After the change that journalled the entry has landed (a slot is set, then journalled).
    setImmediate(() => {
      this.#flushScheduled = false;
      this.#guarded(() => this.#flush());
    });
  }

  /** Sends the devices whose cells changed, and the rule set when it changed. */
  #flush(): void {
    const w = this.#watched;
    if (w === undefined) return;
    const h = w.harness;
    if (h.ruleSet.name !== w.ruleSetName) {
      w.ruleSetName = h.ruleSet.name;
      this.#broadcast({ type: 'ruleSet', runId: w.run.id, ruleSet: { name: h.ruleSet.name, description: h.ruleSet.description } });
      this.#allDirty = true;
    }
    const limit = this.#o.devicesLimit ?? 200;
    const records = this.#allDirty
      ? h.inventory.devices().slice(0, limit)
      : [...this.#dirty].flatMap((id) => {
          const record = h.inventory.get(Eui.parse(id, 'deviceId'));
          return record === undefined || (!this.#sentDevices.has(id) && this.#sentDevices.size >= limit) ? [] : [record];
        });
    this.#dirty.clear();
    this.#allDirty = false;
    for (const record of records) {
      const device = deviceView(h, record);
      const text = JSON.stringify(device);
      if (this.#sentDevices.get(device.deviceId) === text) continue;
      this.#sentDevices.set(device.deviceId, text);
      this.#broadcast({ type: 'device', runId: w.run.id, device });
    }
  }

  #connected(ws: WebSocket): void {
    if (this.#closed) {
      ws.terminate();
      return;
    }
    this.#sendText(ws, JSON.stringify(this.#snapshot()));
    ws.on('message', (data, isBinary) => {
      if (isBinary) return this.#send(ws, { type: 'error', message: 'expected a text (JSON) control message' });
      let control: ControlMessage;
      try {
        control = parseControlMessage(String(data));
      } catch (error) {
        return this.#send(ws, { type: 'error', message: (error as Error).message });
      }
      const done = control.type === 'replay' ? this.replay(control.story, control.ruleSet) : this.watchEstate();
      done.catch((error: unknown) => this.#send(ws, { type: 'error', message: error instanceof Error ? error.message : String(error) }));
    });
    ws.on('error', () => ws.terminate());
  }

  #broadcast(message: ServerMessage): void {
    if (this.#wss.clients.size === 0) return;
    const text = JSON.stringify(message);
    for (const ws of this.#wss.clients) this.#sendText(ws, text);
  }

  #send(ws: WebSocket, message: ServerMessage): void {
    this.#sendText(ws, JSON.stringify(message));
  }

  #sendText(ws: WebSocket, text: string): void {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > MAX_BUFFERED) {
      ws.terminate();
      return;
    }
    ws.send(text);
  }
}

/** A page from another site may not drive the harness: a browser's Origin must name this host. */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
