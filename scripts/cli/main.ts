import yargs, { type Argv } from 'yargs';
import { SimulatedClock } from '../../simulators/core/clock.ts';
import { HarnessError } from '../../simulators/core/errors.ts';
import { loadDccBoxedEstate } from '../../simulators/estate/dccBoxedEstate.ts';
import { loadDefaultEstate } from '../../simulators/estate/defaultEstate.ts';
import type { Estate } from '../../simulators/estate/Estate.ts';
import { type CertsFormat, exportCertificates } from './certsExport.ts';
import { CommandFailure, type Io, UsageError } from './Io.ts';

export const PROFILES = ['default', 'dccboxed'] as const;
export type Profile = (typeof PROFILES)[number];

/** Extra commands registered by other modules (e.g. `up`), so this file stays the CLI's frame. */
export type CommandModule = (cli: Argv, io: Io, done: (code: Promise<number>) => void) => Argv;

/**
 * The `smets-harness` command line, runnable in process: returns the exit code instead of exiting,
 * writes through `io`. A bad command line is exit code 2 with a message saying what to change;
 * nothing is started.
 */
export async function main(argv: readonly string[], io: Io, commands: readonly CommandModule[] = []): Promise<number> {
  let running: Promise<number> = Promise.resolve(0);
  const done = (code: Promise<number>) => {
    running = code;
  };
  let cli = yargs([...argv])
    .scriptName('smets-harness')
    .usage('$0 <command> [options]\n\nSimulates the GB smart-metering estate behind the real DCC interfaces.')
    .command(
      'certs export',
      "Write the estate's credentials for your own DUIS client",
      (y) =>
        profileOptions(y)
          .option('format', { choices: ['pem', 'dccboxed'] as const, default: 'pem' as const, describe: 'pem files, or one DCC Boxed keystore.json' })
          .option('out', { type: 'string', demandOption: true, describe: 'directory to write into (created if missing)' })
          .example('$0 certs export --format dccboxed --out ./my-client', 'a keystore.json your DCC Boxed client can load'),
      (args) =>
        done(
          (async () => {
            const estate = await loadProfile(args.profile as Profile, args.keystore);
            await exportCertificates(estate, args.format as CertsFormat, args.out, io);
            return 0;
          })(),
        ),
    )
    .demandCommand(1, 'Name a command: see --help for the list.')
    .strict()
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .version(false)
    .wrap(Math.min(110, process.stdout.columns ?? 110))
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    });
  for (const command of commands) cli = command(cli, io, done);

  try {
    let printed = '';
    await cli.parseAsync([...argv], {}, (_error, _args, output) => {
      printed = output;
    });
    if (printed) io.out(printed);
    return await running;
  } catch (error) {
    return report(error, io);
  }
}

export function profileOptions<T>(y: Argv<T>) {
  return y
    .option('profile', { choices: PROFILES, default: 'default' as Profile, describe: "the embedded default estate, or DCC Boxed's identities" })
    .option('keystore', { type: 'string', describe: "DCC Boxed keystore.json (with --profile dccboxed): the credentials DCC Boxed's tools use" });
}

export async function loadProfile(profile: Profile, keystore: string | undefined, clock = new SimulatedClock()): Promise<Estate> {
  if (profile === 'dccboxed') {
    if (!keystore) {
      throw new UsageError(
        '--profile dccboxed needs --keystore FILE: a DCC Boxed keystore.json (e.g. the one in the npm package @smartdcc/dccboxed-keystore)',
      );
    }
    return loadDccBoxedEstate({ keystoreFile: keystore, clock });
  }
  return loadDefaultEstate({ clock });
}

function report(error: unknown, io: Io): number {
  if (error instanceof UsageError || (error instanceof Error && error.name === 'YError')) {
    io.err(`smets-harness: ${error.message}`);
    io.err('Run smets-harness --help for usage.');
    return 2;
  }
  if (error instanceof HarnessError || error instanceof CommandFailure) {
    io.err(`smets-harness: ${error.message}`);
    return 1;
  }
  io.err(`smets-harness: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return 1;
}
