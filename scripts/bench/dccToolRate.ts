import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Eui } from '../../simulators/core/Eui.ts';
import { loadDefaultEstate } from '../../simulators/estate/defaultEstate.ts';

/**
 * DCC's own XML-DSig tool (the jar in the npm package @smartdcc/duis-sign-wrap, a devDependency)
 * validating the benchmark's requests. The jar has only command-line classes (`Sign`, `Validate`;
 * no HTTP server mode), so this is one JVM per message: the figure is dominated by JVM start-up
 * and says so. `rate` is null where Java or the package is missing.
 */
export async function dccToolRate(sampleRequest: string, messages: number): Promise<{ rate: number | null; note: string }> {
  if (spawnSync('java', ['-version']).status !== 0) return { rate: null, note: 'not measured: java is not installed' };
  let jar: string;
  try {
    jar = join(dirname(createRequire(import.meta.url).resolve('@smartdcc/duis-sign-wrap')), 'tool.jar');
  } catch {
    return { rate: null, note: 'not measured: @smartdcc/duis-sign-wrap is not installed' };
  }
  const sender = /<sr:RequestID>([^:]+):/.exec(sampleRequest)![1]!;
  const estate = await loadDefaultEstate();
  const dir = mkdtempSync(join(tmpdir(), 'bench-dcc-tool-'));
  try {
    const certificate = join(dir, 'signer.pem');
    writeFileSync(certificate, (await estate.keyStore.lookup(Eui.parse(sender), 'XML')).certificatePem);
    const started = performance.now();
    let valid = 0;
    for (let i = 0; i < messages; i++) valid += (await validate(jar, sampleRequest, certificate)) === 0 ? 1 : 0;
    const rate = messages / ((performance.now() - started) / 1000);
    return {
      rate: Number(rate.toFixed(2)),
      note: `${rate.toFixed(2)} validations/s (${valid}/${messages} valid; one JVM per message – the jar has no server mode)`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function validate(jar: string, xml: string, certificate: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'java',
      ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-cp', jar, 'uk.co.smartdcc.boxed.xmldsig.Validate', '-', certificate],
      { stdio: ['pipe', 'ignore', 'ignore'] },
    );
    child.on('error', reject);
    child.on('close', resolve);
    child.stdin.end(xml);
  });
}
