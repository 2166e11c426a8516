import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Argv } from 'yargs';
import { BATCH_REPORT_JSON, readBatchReport } from './batchReportFile.ts';
import { CERTIFICATION_LIMITS, certificationHtml, certify, findSupplier, suppliersIn } from './certification.ts';
import { type Io, UsageError } from './Io.ts';
import type { CommandModule } from './main.ts';
import { givenOnce, isoDate } from './optionChecks.ts';

export const DEFAULT_CERTIFY_OUT = 'reports/certification';

/**
 * `certify`: one supplier's devices in a saved batch report judged against the post-commissioning
 * obligations and the certificate rules (NO cells included), per device with reasons, plus a summary
 * for an auditor (JSON and a self-contained HTML page). It judges what the supplier's simulated
 * flows did in that batch; it does not run anything.
 */
export function certifyCommand(): CommandModule {
  return (cli: Argv, io: Io, done) =>
    cli.command(
      'certify',
      "Certify one supplier's post-commissioning from a saved batch report (per device pass/fail, auditor summary)",
      (y) =>
        y
          .option('user', { type: 'string', demandOption: true, describe: 'the supplier: its User EUI (e.g. 90-B3-D5-1F-40-01-01-00) or party name ("Aurora Energy")' })
          .option('from', { type: 'string', demandOption: true, describe: `the ${BATCH_REPORT_JSON} batch wrote, or its directory` })
          .option('since', { type: 'string', describe: 'only devices commissioned at or after this ISO 8601 date/time' })
          .option('out', { type: 'string', default: DEFAULT_CERTIFY_OUT, describe: 'directory for certification-<supplier>.json and .html' })
          .check((args) => {
            givenOnce(args, ['user', 'from', 'since', 'out']);
            if (args.user.trim() === '') throw new UsageError('--user: expected a User EUI or a party name, got an empty text');
            if (args.since !== undefined) isoDate(args.since, '--since');
            return true;
          })
          .example('$0 certify --user "Cirrus Energy" --from reports/post-commissioning', "Cirrus Energy's devices in the last batch's report")
          .example('$0 certify --user 90-B3-D5-1F-40-01-01-00 --from pc.json --since 2026-01-01T04:00:00Z --out audit/', 'one User, the later waves only')
          .epilog(`Design limits:\n${CERTIFICATION_LIMITS.map((l) => `- ${l}`).join('\n')}`),
      (args) =>
        done(
          (async () => {
            const { file, report } = await readBatchReport(args.from);
            const supplier = findSupplier(report, args.user);
            if (!supplier) throw new UsageError(`--user: "${args.user}" is not a supplier in ${file}; it has ${suppliersIn(report).join(', ') || 'no suppliers'}`);
            const since = args.since === undefined ? undefined : isoDate(args.since, '--since');
            const c = certify(report, { supplier, file, ...(since && { since }) });
            const slug = (supplier.name ?? supplier.eui ?? 'supplier').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
            await mkdir(args.out, { recursive: true });
            const json = join(args.out, `certification-${slug}.json`);
            const html = join(args.out, `certification-${slug}.html`);
            await writeFile(json, `${JSON.stringify(c, null, 2)}\n`);
            await writeFile(html, certificationHtml(c));
            const s = c.summary;
            io.out(`${c.title}: ${c.verdict.toUpperCase()}`);
            io.out(`  ${s.devices} devices${c.since ? ` commissioned since ${c.since}` : ''}: ${s.pass} pass, ${s.fail} fail, ${s.pending} pending`);
            io.out(`  failing the obligations only (certificates right): ${s.failingObligationsOnly}; failing the certificate rules: ${s.failingCertificates} (wrong NO certificates: ${s.wrongNetworkOperatorCertificates})`);
            for (const r of s.reasons) io.out(`    ${r.judgement.padEnd(12)} ${r.causeTitle}: ${r.devices}`);
            io.out(`  written: ${json}, ${html}`);
            return 0;
          })(),
        ),
    );
}
