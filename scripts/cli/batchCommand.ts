import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Argv } from 'yargs';
import {
  BATCH_PRESET_NAMES,
  BATCH_PRESETS,
  type BatchPresetName,
  CSV_VIEWS,
  type FaultMix,
  type PostCommissioningReport,
  SCENARIO_NAMES,
  runBatch,
  toCsv,
  toHtml,
  toJson,
} from '../../simulators/postcommissioning/index.ts';
import { BATCH_REPORT_JSON } from './batchReportFile.ts';
import { faultMixOption } from './faultMixOption.ts';
import { type Io, UsageError } from './Io.ts';
import { ProgressBar } from './ProgressBar.ts';
import type { CommandModule } from './main.ts';
import { givenOnce } from './optionChecks.ts';
import { settingsOption } from './settingsOption.ts';

export const DEFAULT_BATCH_OUT = 'reports/post-commissioning';

/**
 * `batch`: the post-commissioning overnight batch in simulated time (suppliers commission meters in
 * waves, send their Service Requests through the DSP, the tracker judges the journal under the
 * current and proposed criteria), then the report as JSON, CSV views and one HTML page.
 */
export function batchCommand(): CommandModule {
  return (cli: Argv, io: Io, done) =>
    cli.command(
      'batch',
      'Run the post-commissioning overnight batch in simulated time and write its report',
      (y) =>
        y
          .option('preset', { choices: BATCH_PRESET_NAMES, default: 'seed-004' as BatchPresetName, describe: 'the causes injected and who commissions' })
          .option('devices', { type: 'number', describe: "electricity meters commissioned, 1 to 999999 (default: the preset's, 1000)" })
          .option('seed', { type: 'number', default: 1, describe: 'seeds where the causes and suppliers fall (same seed, same report)' })
          .option('out', { type: 'string', default: DEFAULT_BATCH_OUT, describe: 'directory for the report (created if missing)' })
          .option('signing', {
            choices: ['xmldsig', 'in-process'] as const,
            default: 'xmldsig' as const,
            describe: 'xmldsig: DUIS over HTTP with XML-DSig, as a real client; in-process: the faster path for very large runs, same validation (decision 0009)',
          })
          .option('shards', { type: 'number', default: 1, describe: 'estates working the homes in parallel, one thread each (1 to 64; the cores you have is a good choice)' })
          .option('mix', {
            type: 'string',
            describe: `the causes injected instead of the preset's: name=share pairs (${SCENARIO_NAMES.filter((n) => n !== 'clean').join(', ')}; shares as fractions or percentages) or a YAML/JSON file mapping them`,
          })
          .option('settings', { type: 'string', describe: 'post-commissioning deadlines and obligations: the postCommissioning section of a YAML/JSON file (an estate file will do)' })
          .check((args) => {
            givenOnce(args, ['preset', 'devices', 'seed', 'out', 'signing', 'shards', 'mix', 'settings']);
            if (!Number.isInteger(args.shards) || args.shards < 1 || args.shards > 64) {
              throw new UsageError(`--shards: expected a whole number from 1 to 64, got ${String(args.shards)}`);
            }
            if (args.devices !== undefined && (!Number.isInteger(args.devices) || args.devices < 1 || args.devices > 999_999)) {
              throw new UsageError(`--devices: expected a whole number from 1 to 999999, got ${String(args.devices)}`);
            }
            if (!Number.isSafeInteger(args.seed)) throw new UsageError(`--seed: expected a whole number, got ${String(args.seed)}`);
            if (args.out.trim() === '') throw new UsageError('--out: expected a directory, got an empty text');
            if (args.mix !== undefined && args.mix.trim() === '') throw new UsageError('--mix: expected name=share pairs or a file, got an empty text');
            if (args.settings !== undefined && args.settings.trim() === '') throw new UsageError('--settings: expected a file, got an empty text');
            return true;
          })
          .example('$0 batch', 'seed 004: 1000 meters, ≈7% reported failing against ≈1% real; report in reports/post-commissioning/')
          .example('$0 batch --preset clean --devices 200 --seed 7 --out /tmp/pc', 'a fault-free night of 200 meters')
          .example('$0 batch --devices 100000 --signing in-process --shards 2', 'the 100,000-meter night on two cores')
          .example('$0 batch --mix responseTimeout=5%,wrongNetworkOperatorInstalled=1% --settings estate.yaml', "another mix of causes, judged under the estate file's deadlines")
          .epilog(
            `Writes ${BATCH_REPORT_JSON}, post-commissioning-{${CSV_VIEWS.join(',')}}.csv and post-commissioning.html. ` +
              'The rates come from judging the simulated journal, not from the preset. See the README for measured times and memory.',
          ),
      (args) =>
        done(
          (async () => {
            const presetName = args.preset as BatchPresetName;
            const preset = BATCH_PRESETS[presetName];
            const devices = args.devices ?? preset.devices;
            // Read before anything runs: a bad mix or settings file writes nothing.
            const mix = args.mix === undefined ? preset.mix : await faultMixOption(args.mix);
            const settings = args.settings === undefined ? undefined : await settingsOption(args.settings);
            const causes = args.mix === undefined ? `preset ${presetName} (${preset.description})` : `preset ${presetName} with --mix ${describeMix(mix)}`;
            io.out(`batch: ${causes}, ${devices} devices, seed ${args.seed}, ${args.signing} signing, ${args.shards} shard(s)${args.settings ? `, settings from ${args.settings}` : ''}`);
            const progress = new ProgressBar({ total: devices, unit: 'meters commissioned and worked', write: io.write ?? ((text) => io.err(text.replace(/\n$/, ''))), tty: io.tty === true });
            const result = await runBatch({
              devices,
              mix,
              suppliers: preset.suppliers,
              ...(settings && { settings }),
              seed: args.seed,
              assignment: preset.assignment,
              signing: args.signing,
              shards: args.shards,
              onProgress: (n) => progress.update(n),
            });
            progress.finish();
            const files = await writeBatchReport(result.report, args.out);
            io.out(`  simulated ${result.simulatedFrom.toISOString()} → ${result.simulatedTo.toISOString()}; ${result.serviceRequests} Service Requests`);
            for (const line of headline(result.report)) io.out(`  ${line}`);
            io.out(`  report: ${files.join(', ')}`);
            return 0;
          })(),
        ),
    );
}

/** `responseTimeout 2.5%, handover 1%`: the injected shares, the clean rest left out. */
function describeMix(mix: FaultMix): string {
  const parts = Object.entries(mix)
    .filter(([name, share]) => name !== 'clean' && share !== undefined && share > 0)
    .map(([name, share]) => `${name} ${+(share! * 100).toFixed(4)}%`);
  return parts.length > 0 ? parts.join(', ') : 'no causes';
}

/** Writes the report's JSON, every CSV view and the HTML page into `dir`; returns the paths. */
export async function writeBatchReport(report: PostCommissioningReport, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: [string, string][] = [
    [BATCH_REPORT_JSON, toJson(report)],
    ...CSV_VIEWS.map((view): [string, string] => [`post-commissioning-${view}.csv`, toCsv(report, view)]),
    ['post-commissioning.html', toHtml(report)],
  ];
  for (const [name, text] of files) await writeFile(join(dir, name), text);
  return files.map(([name]) => join(dir, name));
}

/** The headline rates: reported (current) against real (proposed), false positives, CHF incidents. */
export function headline(r: PostCommissioningReport): string[] {
  const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
  const rep = r.totals.byCriteria[r.reported]!;
  const real = r.totals.byCriteria[r.real]!;
  return [
    `reported failure rate (${r.reported}): ${pct(rep.failureRate)} (${rep.failed} of ${rep.devices} devices)`,
    `real failure rate (${r.real}):     ${pct(real.failureRate)} (${real.failed} of ${real.devices} devices)`,
    `false positives ${r.totals.classifications.falsePositive}, missed by ${r.reported} ${r.totals.classifications.missedByReported}, pending ${r.totals.classifications.pending}; ` +
      `CHF incidents ${r.chfIncidents[r.reported]?.length ?? 0} (${r.reported}) vs ${r.chfIncidents[r.real]?.length ?? 0} (${r.real})`,
  ];
}
