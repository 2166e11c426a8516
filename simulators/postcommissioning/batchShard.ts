/**
 * One estate of an overnight batch: its own DSP, CSP, devices and journal working a share of the
 * homes through the night, tracked at the end. Estates share nothing, so threads work them in
 * parallel, each several one after another (batchWorkers.ts), and their verdicts are merged; the
 * homes, waves and simulated times are the same whichever estate a home lands in.
 */
import { ResponseReceiver } from '../client/index.ts';
import { Harness } from '../harness/index.ts';
import { parseMpxn } from '../rdp/mpxn.ts';
import { trackHarness } from './harnessPorts.ts';
import { JournalFacts } from './JournalFacts.ts';
import type { ScenarioHome } from './scenarioHomes.ts';
import { installScenarioHomes } from './scenarioHomes.ts';
import type { PostCommissioningSettings } from './settings.ts';
import { SupplierDriver } from './SupplierDriver.ts';
import type { DeviceVerdict } from './tracker.ts';

/** A home and the wave (0 …) that installs it. */
export type WaveHome = ScenarioHome & { readonly wave: number };

export interface ShardInput {
  readonly homes: readonly WaveHome[];
  readonly waves: number;
  readonly nightHours: number;
  readonly settings: PostCommissioningSettings;
  readonly signing: 'xmldsig' | 'in-process';
  readonly concurrency?: number;
  /** Homes a supplier's systems work through the steps together (default 2,000): bounds the devices' keys in memory at once. */
  readonly chunkSize?: number;
}

export const DEFAULT_CHUNK_SIZE = 2000;

/** A device verdict as it crosses a thread: meter points as text (the rest is plain data). */
export type ShardVerdict = Omit<DeviceVerdict, 'device'> & { readonly device: Omit<DeviceVerdict['device'], 'mpxns'> & { readonly mpxns: readonly string[] } };

export interface ShardResult {
  readonly devices: readonly ShardVerdict[];
  readonly warnings: readonly string[];
  readonly serviceRequests: number;
  readonly journalEntries: number;
  readonly simulatedFrom: Date;
  readonly simulatedTo: Date;
}

/**
 * Works `input.homes` through the night: wave w (of `waves`, evenly over `nightHours`) installs its
 * homes' meters and their suppliers commission them (8.1.1) and send their post-commissioning
 * Service Requests, `chunkSize` homes at a time; after the longest deadline and a day, the tracker
 * judges the journal. `onProgress(done)` after each chunk, with this shard's homes done so far.
 */
export async function runShard(input: ShardInput, onProgress?: (done: number) => void): Promise<ShardResult> {
  const { homes, waves, nightHours, settings } = input;
  const inProcess = input.signing === 'in-process';
  // The journal is read as it is written (JournalFacts) and kept no further: a night of a million
  // messages would not fit in memory otherwise. No payload is written: the reader takes the GBCS
  // frames themselves (frameOf), which a journal that keeps no entries hands to its listeners.
  const h = await Harness.start({
    http: inProcess ? false : { port: 0 },
    population: 'none',
    signing: input.signing,
    journal: { keepEntries: false, keepPayloads: false },
  });
  const facts = new JournalFacts();
  h.journal.subscribe((e) => facts.add(e));
  const receiver = inProcess ? new ResponseReceiver({ keyStore: h.estate.keyStore }) : await ResponseReceiver.start({ keyStore: h.estate.keyStore });
  try {
    for (const user of h.users()) {
      if (h.inProcess !== undefined) h.inProcess.outbox.register(user.eui, receiver.inProcessInbox(h.inProcess.channel));
      else h.setResponseUrl(user.eui, receiver.url);
    }
    const driver = new SupplierDriver({ harness: h, receiver, ...(input.concurrency && { concurrency: input.concurrency }) });
    const from = h.clock.now();
    const waveMs = (nightHours * 3_600_000) / waves;
    let done = 0;
    for (let w = 0; w < waves; w++) {
      const start = from.getTime() + w * waveMs;
      if (h.clock.now().getTime() < start) await h.advance(start - h.clock.now().getTime());
      const wave = homes.filter((home) => home.wave === w);
      const size = input.chunkSize ?? DEFAULT_CHUNK_SIZE;
      for (let i = 0; i < wave.length; i += size) {
        const chunk = wave.slice(i, i + size);
        // Meters arrive installed; each supplier commissions its own with 8.1.1, then works through its obligations.
        await driver.run(await installScenarioHomes(h, chunk, h.clock.now(), 'installed'));
        done += chunk.length;
        onProgress?.(done);
      }
    }
    const longest = Math.max(...Object.values(settings.deadlines));
    await h.advance(from.getTime() + nightHours * 3_600_000 + longest + 86_400_000 - h.clock.now().getTime());
    const tracking = trackHarness(h, { settings, facts });
    return {
      devices: tracking.devices.map((v) => ({ ...v, device: { ...v.device, mpxns: v.device.mpxns.map((m) => m.value) } })),
      warnings: tracking.warnings,
      serviceRequests: driver.stats.serviceRequests,
      journalEntries: h.journal.size,
      simulatedFrom: from,
      simulatedTo: h.clock.now(),
    };
  } finally {
    await receiver.close();
    await h.close();
  }
}

/** A shard's verdict back as the tracker made it (meter points as value objects). */
export function verdictFromShard(v: ShardVerdict): DeviceVerdict {
  return { ...v, device: { ...v.device, mpxns: v.device.mpxns.map((m) => parseMpxn(m, { validateCheckDigit: false })) } };
}
