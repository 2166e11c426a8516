/**
 * A progress bar for long runs (the overnight batch): on a terminal one line redrawn in place –
 * `[██████░░░░░░] 52% 52,000/100,000 devices · 41 s, about 38 s left` – and elsewhere (a CI log,
 * a test) a plain line at each tenth, so logs stay short.
 */
export interface ProgressBarOptions {
  readonly total: number;
  /** What is counted, e.g. `devices`. */
  readonly unit: string;
  /** Writes text as it is, no newline added (e.g. `process.stderr.write`). */
  readonly write: (text: string) => void;
  /** Redraw in place (a terminal); default false: a line per tenth. */
  readonly tty?: boolean;
  /** Milliseconds since some fixed moment (default `performance.now`). */
  readonly now?: () => number;
  readonly width?: number;
}

export class ProgressBar {
  readonly #o: ProgressBarOptions;
  readonly #started: number;
  #tenth = 0;
  #last = -1;
  #finished = false;

  constructor(options: ProgressBarOptions) {
    if (!Number.isInteger(options.total) || options.total < 1) throw new RangeError(`ProgressBar: total must be a whole number above 0, got ${options.total}`);
    this.#o = options;
    this.#started = (options.now ?? performance.now.bind(performance))();
  }

  update(done: number): void {
    if (this.#finished) return;
    const { total, tty } = this.#o;
    const n = Math.max(0, Math.min(done, total));
    this.#last = n;
    if (tty) {
      this.#o.write(`\r${this.line(n)}\u001b[K`);
      return;
    }
    const tenth = Math.floor((n * 10) / total);
    if (tenth > this.#tenth) {
      this.#tenth = tenth;
      this.#o.write(`${this.line(n)}\n`);
    }
  }

  /** Draws the full bar (if not drawn yet) and ends the line. */
  finish(): void {
    if (this.#finished) return;
    if (this.#last < this.#o.total) this.update(this.#o.total);
    if (this.#o.tty) this.#o.write('\n');
    this.#finished = true;
  }

  /** The bar for `done` of the total, with the time taken and, once started, the time left at this pace. */
  line(count: number): string {
    const { total, unit } = this.#o;
    const done = Math.max(0, Math.min(count, total));
    const width = this.#o.width ?? 24;
    const filled = Math.round((done / total) * width);
    const elapsed = ((this.#o.now ?? performance.now.bind(performance))() - this.#started) / 1000;
    const left = done > 0 && done < total ? `, about ${formatSeconds((elapsed * (total - done)) / done)} left` : '';
    const pct = Math.floor((done / total) * 100);
    return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(pct).padStart(3)}% ${grouped(done)}/${grouped(total)} ${unit} · ${formatSeconds(elapsed)}${left}`;
  }
}

function grouped(n: number): string {
  return n.toLocaleString('en-GB');
}

function formatSeconds(s: number): string {
  if (s < 90) return `${Math.round(s)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - m * 60)} s`;
}
