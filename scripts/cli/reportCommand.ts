import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Argv } from 'yargs';
import { CSV_VIEWS, type CsvView, toCsv, toHtml, toJson } from '../../simulators/postcommissioning/index.ts';
import { BATCH_REPORT_JSON, readBatchReport } from './batchReportFile.ts';
import { type Io, UsageError } from './Io.ts';
import type { CommandModule } from './main.ts';
import { givenOnce } from './optionChecks.ts';

const FORMATS = ['json', 'csv', 'html'] as const;
type Format = (typeof FORMATS)[number];

/** `report post-commissioning`: a saved batch report (the JSON `batch` writes) in another format. */
export function reportCommand(): CommandModule {
  return (cli: Argv, io: Io, done) =>
    cli.command(
      'report <kind>',
      'Re-render a saved post-commissioning report (from batch) as JSON, CSV or HTML',
      (y) =>
        y
          .positional('kind', { choices: ['post-commissioning'] as const, demandOption: true, describe: 'the report' })
          .option('in', { type: 'string', demandOption: true, describe: `the ${BATCH_REPORT_JSON} batch wrote, or its directory` })
          .option('format', { choices: FORMATS, demandOption: true, describe: 'what to write' })
          .option('view', { choices: CSV_VIEWS, default: 'devices' as CsvView, describe: 'with --format csv: which table' })
          .option('out', { type: 'string', describe: 'file to write (its directory is created); default: standard output' })
          .check((args) => {
            givenOnce(args, ['in', 'format', 'view', 'out']);
            if (args.view !== 'devices' && args.format !== 'csv') throw new UsageError(`--view ${args.view} goes with --format csv, not --format ${args.format}`);
            if (args.out !== undefined && args.out.trim() === '') throw new UsageError('--out: expected a file name, got an empty text');
            return true;
          })
          .example('$0 report post-commissioning --in reports/post-commissioning --format html --out pc.html', 'the page again, e.g. after editing the JSON')
          .example('$0 report post-commissioning --in pc.json --format csv --view failures', 'one row per failed obligation, on standard output'),
      (args) =>
        done(
          (async () => {
            const { report } = await readBatchReport(args.in);
            const format = args.format as Format;
            const text = format === 'json' ? toJson(report) : format === 'csv' ? toCsv(report, args.view as CsvView) : toHtml(report);
            if (args.out === undefined) {
              io.out(text.replace(/\n$/, ''));
            } else {
              await mkdir(dirname(args.out), { recursive: true });
              await writeFile(args.out, text);
              io.out(`report: ${args.out} (${format}${format === 'csv' ? `, ${args.view}` : ''}, ${report.devices.length} devices)`);
            }
            return 0;
          })(),
        ),
    );
}
