/**
 * The journal: one append-only record per message on every interface. Reports, the
 * post-commissioning tracker, the live view, cucumber attachments and replay all read it; nothing
 * else keeps a second history.
 */
/** The interfaces a journal entry can be on (`keepPayloads` names some of them). */
export const JOURNAL_INTERFACES = ['DUIS', 'GBCS', 'CSP', 'RDP', 'S1SP', 'DELIVERY', 'SMKI', 'DCC'] as const;
export type JournalInterface = (typeof JOURNAL_INTERFACES)[number];

export interface JournalInput {
  readonly at: Date;
  /** Which interface the message crossed. */
  readonly via: JournalInterface;
  /** Lane names for sequence diagrams: a party's EUI or name, `DSP`, `CSP`, a device EUI, an S1SP id. */
  readonly from: string;
  readonly to: string;
  /** What the message is: `request`, `response`, `alert`, `command`, `pre-command`, `delivery`, `refusal` … */
  readonly kind: string;
  /** One line a tester reads, e.g. `SRV 6.15.1 CV 4 accepted` or `E4: not registered for MPAN …`. */
  readonly summary: string;
  readonly requestId?: string;
  readonly deviceId?: string;
  readonly srv?: string;
  readonly responseCode?: string;
  /** The message itself (XML, or GBCS hex), when the journal keeps payloads. */
  readonly payload?: string;
  /**
   * The message as bytes, when it is binary (a GBCS frame), instead of `payload`: the journal writes
   * the hex itself when it keeps payloads on `via`, and the listeners of a journal that keeps no
   * entries take the bytes (`frameOf`) rather than decoding hex.
   */
  readonly frame?: Buffer;
}

export interface JournalEntry extends Omit<JournalInput, 'frame'> {
  readonly seq: number;
}

/** Frames beside their entries (not in them: an entry stays plain data to print, copy and send). */
const FRAMES = new WeakMap<JournalEntry, Buffer>();

/**
 * The bytes an entry was journalled from (see `JournalInput.frame`), for the listeners of a journal
 * that keeps no entries (an overnight batch's tracker), while they read the entry. A journal that
 * keeps its entries keeps no frames beside them – memory would grow with every message held –, and
 * its readers decode the kept hex. Undefined then, and for entries with text payloads.
 */
export function frameOf(entry: JournalEntry): Buffer | undefined {
  return FRAMES.get(entry);
}

export type JournalListener = (entry: JournalEntry) => void;

export interface JournalOptions {
  /**
   * Keep message payloads (default true), or only those of the interfaces listed (a batch keeps
   * `['GBCS']`: the post-commissioning tracker judges device responses on them). Large batch runs
   * keep fewer to save memory.
   */
  readonly keepPayloads?: boolean | readonly JournalInterface[];
  /**
   * Keep the entries (default true). `false`: every entry is numbered and handed to the listeners,
   * then let go – for runs whose readers all subscribe (an overnight batch of a million messages
   * reduced by the tracker as they come); `entries()` is then empty and `size` still counts.
   */
  readonly keepEntries?: boolean;
}

export class Journal {
  readonly #entries: JournalEntry[] = [];
  readonly #listeners = new Set<JournalListener>();
  readonly #keepPayloads: (via: JournalInterface) => boolean;
  readonly #keepEntries: boolean;
  #size = 0;

  constructor(options: JournalOptions = {}) {
    const keep = options.keepPayloads ?? true;
    this.#keepPayloads = typeof keep === 'boolean' ? () => keep : (via) => keep.includes(via);
    this.#keepEntries = options.keepEntries ?? true;
  }

  append(input: JournalInput): JournalEntry {
    const keepPayload = this.#keepPayloads(input.via);
    const entry = entryOf(input, keepPayload, ++this.#size);
    if (input.frame !== undefined && !this.#keepEntries) FRAMES.set(entry, input.frame);
    if (this.#keepEntries) this.#entries.push(entry);
    for (const listener of this.#listeners) listener(entry);
    return entry;
  }

  /** Whether payloads on `via` are kept: a writer can skip making one (hex of a frame) that would be dropped. */
  keepsPayload(via: JournalInterface): boolean {
    return this.#keepPayloads(via);
  }

  /** Entries appended so far (kept or not). */
  get size(): number {
    return this.#size;
  }

  /** Whether `entries()` gives the history (see `JournalOptions.keepEntries`). */
  get keepsEntries(): boolean {
    return this.#keepEntries;
  }

  /** Entries in order, optionally only those after `afterSeq` or matching a filter. */
  entries(filter: { afterSeq?: number; where?: (entry: JournalEntry) => boolean } = {}): JournalEntry[] {
    const after = filter.afterSeq ?? 0;
    const from = this.#entries.slice(after);
    return filter.where ? from.filter(filter.where) : from;
  }

  /** Calls the listener for every entry appended from now on; returns the unsubscribe function. */
  subscribe(listener: JournalListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

/**
 * The entry for `input`, frozen: its fields in their order but the frame, and its payload only where
 * kept – the hex of its frame, if it came as bytes. Copied key by key: spreading inputs of as many
 * shapes as the journal gets cost several times more (~1.5 µs an entry against ~0.25).
 */
function entryOf(input: JournalInput, keepPayload: boolean, seq: number): JournalEntry {
  const entry: Record<string, unknown> = {};
  for (const key in input) {
    if (key === 'frame') {
      if (keepPayload && input.payload === undefined) entry.payload = input.frame!.toString('hex');
    } else if (key !== 'payload' || keepPayload) {
      entry[key] = input[key as keyof JournalInput];
    }
  }
  entry.seq = seq;
  return Object.freeze(entry) as unknown as JournalEntry;
}
