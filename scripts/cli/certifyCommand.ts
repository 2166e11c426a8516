import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Argv } from 'yargs';
import { CERTIFICATION_LIMITS, type Certification, certificationHtml, certify, findSupplier, supplierLabel, suppliersIn } from '../../simulators/certification/index.ts';
import { BATCH_REPORT_JSON, readBatchReport } from './batchReportFile.ts';
import { fetchCertification } from './estateCertification.ts';
import { type Io, UsageError } from './Io.ts';
import type { CommandModule } from './main.ts';
import { givenOnce, isoDate } from './optionChecks.ts';

export const DEFAULT_CERTIFY_OUT = 'reports/certification';

const ONE_SOURCE = '--from DIR judges a saved batch report (smets-harness batch), --url URL the live estate smets-harness up runs (e.g. http://127.0.0.1:8079)';

/**
 * `certify`: one supplier's devices judged against the post-commissioning obligations and the
 * certificate rules (NO cells included), per device with reasons, plus a summary for an auditor
 * (JSON and a self-contained HTML page). From a saved batch report (`--from`), judged here, or from
 * the live estate (`--url`), judged there and fetched over its `GET /certification`.
 */
export function certifyCommand(): CommandModule {
  return (cli: Argv, io: Io, done) =>
    cli.command(
      'certify',
      "Certify one supplier's post-commissioning from the live estate or a saved batch report (per device pass/fail, auditor summary)",
      (y) =>
        y
          .option('user', { type: 'string', demandOption: true, describe: 'the supplier: its User EUI (e.g. 90-B3-D5-1F-40-01-01-00) or party name ("Aurora Energy")' })
          .option('url', { type: 'string', describe: 'the live estate: the URL smets-harness up prints (default http://127.0.0.1:8079)' })
          .option('from', { type: 'string', describe: `a saved batch report: the ${BATCH_REPORT_JSON} batch wrote, or its directory` })
          .option('since', { type: 'string', describe: 'only devices commissioned at or after this ISO 8601 date/time' })
          .option('out', { type: 'string', default: DEFAULT_CERTIFY_OUT, describe: 'directory for certification-<supplier>.json and .html' })
          .check((args) => {
            givenOnce(args, ['user', 'url', 'from', 'since', 'out']);
            if (args.user.trim() === '') throw new UsageError('--user: expected a User EUI or a party name, got an empty text');
            if (args.from !== undefined && args.url !== undefined) throw new UsageError(`--from and --url: give one, not both; ${ONE_SOURCE}`);
            if (args.from === undefined && args.url === undefined) throw new UsageError(`give --url or --from: ${ONE_SOURCE}`);
            if (args.url !== undefined && !isHttpUrl(args.url)) {
              throw new UsageError(`--url: expected the http(s) URL smets-harness up prints, such as http://127.0.0.1:8079, got "${args.url}"`);
            }
            if (args.since !== undefined) isoDate(args.since, '--since');
            return true;
          })
          .example('$0 certify --user "Aurora Energy" --url http://127.0.0.1:8079', "Aurora Energy's devices in the running estate (smets-harness up)")
          .example('$0 certify --user "Cirrus Energy" --from reports/post-commissioning', "Cirrus Energy's devices in the last batch's report")
          .example('$0 certify --user 90-B3-D5-1F-40-01-01-00 --from pc.json --since 2026-01-01T04:00:00Z --out audit/', 'one User, the later waves only')
          .epilog(`Design limits:\n${CERTIFICATION_LIMITS.map((l) => `- ${l}`).join('\n')}`),
      (args) =>
        done(
          (async () => {
            const since = args.since === undefined ? undefined : isoDate(args.since, '--since');
            const c = args.url !== undefined ? await fetchCertification(args.url, args.user.trim(), since) : await fromReport(args.from!, args.user, since);
            await writeCertification(c, args.out, io);
            return 0;
          })(),
        ),
    );
}

async function fromReport(from: string, user: string, since: Date | undefined): Promise<Certification> {
  const { file, report } = await readBatchReport(from);
  const suppliers = suppliersIn(report);
  const supplier = findSupplier(suppliers, user);
  if (!supplier) throw new UsageError(`--user: "${user}" is not a supplier in ${file}; it has ${suppliers.map(supplierLabel).join(', ') || 'no suppliers'}`);
  return certify(report, { supplier, ...(since && { since }), source: { kind: 'saved batch report', location: file } });
}

/** certification-<supplier>.json and .html in `out`, and the summary on the terminal. */
async function writeCertification(c: Certification, out: string, io: Io): Promise<void> {
  const slug = (c.supplier.name ?? c.supplier.eui ?? 'supplier').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  await mkdir(out, { recursive: true });
  const json = join(out, `certification-${slug}.json`);
  const html = join(out, `certification-${slug}.html`);
  await writeFile(json, `${JSON.stringify(c, null, 2)}\n`);
  await writeFile(html, certificationHtml(c));
  const s = c.summary;
  io.out(`${c.title}: ${c.verdict.toUpperCase()}`);
  io.out(`  judged from the ${c.source.kind} at ${c.source.location}, as of ${c.source.asOf}`);
  io.out(`  ${s.devices} devices${c.since ? ` commissioned since ${c.since}` : ''}: ${s.pass} pass, ${s.fail} fail, ${s.pending} pending`);
  io.out(`  failing the obligations only (certificates right): ${s.failingObligationsOnly}; failing the certificate rules: ${s.failingCertificates} (wrong NO certificates: ${s.wrongNetworkOperatorCertificates})`);
  for (const r of s.reasons) io.out(`    ${r.judgement.padEnd(12)} ${r.causeTitle}: ${r.devices}`);
  io.out(`  written: ${json}, ${html}`);
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
