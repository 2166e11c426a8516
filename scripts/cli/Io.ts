/** Where a command writes: the terminal in real use, buffers in tests. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** Progress text on the error stream as it is (no newline added): a progress bar redraws with it. */
  write?(text: string): void;
  /** Whether the error stream is a terminal (progress bars redraw in place). */
  readonly tty?: boolean;
}

export const consoleIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  write: (text) => process.stderr.write(text),
  tty: process.stderr.isTTY === true,
};

/** A command-line mistake: printed with the usage hint, exit code 2, nothing started. */
export class UsageError extends Error {}

/** The command line was right but the work could not be done (e.g. no estate at --url): printed, exit code 1. */
export class CommandFailure extends Error {}
