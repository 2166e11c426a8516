/** Where a command writes: the terminal in real use, buffers in tests. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export const consoleIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** A command-line mistake: printed with the usage hint, exit code 2, nothing started. */
export class UsageError extends Error {}

/** The command line was right but the work could not be done (e.g. no estate at --url): printed, exit code 1. */
export class CommandFailure extends Error {}
