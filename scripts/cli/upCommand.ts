import { readFileSync } from 'node:fs';
import type { Argv } from 'yargs';
import { DEFAULT_CERTS_DIR } from '../../simulators/estate/defaultEstate.ts';
import { Harness } from '../../simulators/harness/index.ts';
import { readEstateFile } from './estateFile.ts';
import { type Io, UsageError } from './Io.ts';
import { type CommandModule, type Profile, profileOptions } from './main.ts';
import { RULE_SET_NAMES } from '../../simulators/dsp/index.ts';
import { startLiveView } from '../../simulators/liveview/index.ts'; // live view

/** Resolves when the harness should stop: Ctrl-C / SIGTERM by default; tests pass their own. */
export type StopSignal = () => Promise<string>;

export const untilInterrupted: StopSignal = () =>
  new Promise((resolve) => {
    const stop = (signal: string) => resolve(signal);
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });

/**
 * `up`: the estate as a standalone server on wall-clock time for real clients, until stopped.
 * `onReady` lets in-process tests talk to it before stopping it.
 */
export function upCommand(options: { stop?: StopSignal; onReady?: (harness: Harness) => void } = {}): CommandModule {
  return (cli: Argv, io: Io, done) =>
    cli.command(
      'up',
      'Run the estate as a standalone DUIS/SMKI/RDP server for real clients (Ctrl-C stops it)',
      (y) =>
        profileOptions(y)
          .option('estate', { type: 'string', describe: 'an estate file (YAML or JSON) listing the homes, and the post-commissioning deadlines /certification judges under (postCommissioning:); default: the embedded default estate' })
          .option('rules', { type: 'string', default: 'baseline', describe: `rule set, or several joined by + (${RULE_SET_NAMES.join(', ')})` })
          .option('host', { type: 'string', default: '127.0.0.1', describe: 'address to listen on' })
          .option('port', { type: 'number', default: 8079, describe: 'port (DCC Boxed uses 8079 for DUIS); 0 picks a free one' })
          .option('live-port', { type: 'number', default: 0, describe: 'port of the live view page (/live) on --host; 0 picks a free one' }) // live view
          .option('response-url', { type: 'string', describe: "every User's response endpoint, where the DSP POSTs responses and alerts" })
          .option('tls-cert', { type: 'string', describe: 'serve HTTPS with this certificate (PEM)' })
          .option('tls-key', { type: 'string', describe: 'the private key for --tls-cert (PEM)' })
          .option('client-ca', { type: 'string', describe: 'with TLS: require client certificates issued by this CA (PEM)' })
          .check((args) => {
            if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) {
              throw new UsageError(`--port: expected a port number from 0 to 65535, got ${args.port}`);
            }
            // live view
            if (!Number.isInteger(args['live-port']) || args['live-port'] < 0 || args['live-port'] > 65535) {
              throw new UsageError(`--live-port: expected a port number from 0 to 65535, got ${args['live-port']}`);
            }
            if (Boolean(args['tls-cert']) !== Boolean(args['tls-key'])) throw new UsageError('--tls-cert and --tls-key go together');
            if (args['client-ca'] && !args['tls-cert']) throw new UsageError('--client-ca needs TLS: give --tls-cert and --tls-key too');
            if (args['response-url'] !== undefined && !/^https?:\/\/\S+$/.test(args['response-url'])) {
              throw new UsageError(`--response-url: expected an http(s) URL, got "${args['response-url']}"`);
            }
            return true;
          })
          .example('$0 up', 'the default estate on http://127.0.0.1:8079')
          .example('$0 up --profile dccboxed --keystore keystore.json --response-url http://127.0.0.1:9000/duis', "DCC Boxed's identities, for a DCC Boxed client"),
      (args) =>
        done(
          (async () => {
            const population = args.estate ? await readEstateFile(args.estate) : 'default';
            const tls = args['tls-cert']
              ? {
                  cert: readFileSync(args['tls-cert']),
                  key: readFileSync(args['tls-key']!),
                  ...(args['client-ca'] ? { ca: readFileSync(args['client-ca']), requestCert: true, rejectUnauthorized: true } : {}),
                }
              : undefined;
            const harness = await Harness.start({
              profile: args.profile as Profile,
              ...(args.keystore ? { keystoreFile: args.keystore } : {}),
              ruleSet: args.rules,
              time: 'wall',
              http: { host: args.host, port: args.port, ...(tls ? { tls } : {}) },
              ...(args['response-url'] ? { responseUrl: args['response-url'] } : {}),
              population,
            });
            // live view: the page (simulators/liveview) on its own port, watching this estate
            const live = await startLiveView({ harness, host: args.host, port: args['live-port'] }).catch(async (error: unknown) => {
              await harness.close();
              throw error;
            });
            try {
              printReady(harness, io, args.profile as Profile, `${live.url}/live`);
              options.onReady?.(harness);
              const signal = await (options.stop ?? untilInterrupted)();
              io.out(`${signal}: stopping`);
            } finally {
              await live.close(); // live view
              await harness.close();
            }
            return 0;
          })(),
        ),
    );
}

function printReady(harness: Harness, io: Io, profile: Profile, liveUrl: string): void {
  const url = harness.url!;
  io.out(`smets-harness: ${profile} estate ready under the "${harness.ruleSet.name}" rules`);
  io.out(`  DUIS         ${url}/api/v1/serviceS  serviceT  serviceD   (POST, application/xml, XML-DSig signed)`);
  io.out(`  SMKI         ${url}/services/certificatesearch  retrievecertificate`);
  io.out(`  RDP          ${url}/rdp/registrations  change-of-supplier  eligibility`);
  io.out(`  health       ${url}/healthz     parties: ${url}/parties`);
  io.out(`  certify      ${url}/certification?user=EUI-or-name[&since=ISO]   (JSON; .html for the auditor's page; or npx smets-harness certify --user EUI --url ${url})`);
  io.out(`  live view    ${liveUrl}   (the journal as it happens; replay a story under another rule set)`); // live view
  io.out('  Users (EUI, roles, response URL):');
  for (const user of harness.users()) {
    io.out(`    ${user.eui.toString()}  ${user.roles.join('/').padEnd(5)}  ${user.name.padEnd(48)} ${user.responseUrl ?? '(none: set --response-url)'}`);
  }
  if (profile === 'default') io.out(`  credentials: ${DEFAULT_CERTS_DIR} (PEM, keystore.json, dccboxed-keystore.json)`);
  io.out('Ctrl-C stops.');
}
