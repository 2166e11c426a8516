import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Argv } from 'yargs';
import { RULE_SET_NAMES, ruleSetNamed } from '../../simulators/dsp/index.ts';
import { UsageError } from './Io.ts';
import type { CommandModule } from './main.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * `run`: the Gherkin suite with its reports (reports/cucumber.html, -junit.xml, -messages.ndjson).
 * Cucumber runs as a child process (it is a development dependency: shipped code never imports
 * it), in the repository, with its output on this terminal.
 */
export function runCommand(): CommandModule {
  return (cli: Argv, io, done) =>
    cli.command(
      'run',
      'Run the Gherkin scenarios and write the reports',
      (y) =>
        y
          .option('tags', { type: 'string', describe: 'a cucumber tag expression, e.g. "@SMETS1 and @MP107"' })
          .option('rules', {
            type: 'string',
            describe: `run every scenario under this rule set instead of the one it names (${RULE_SET_NAMES.join(', ')}, or a+b): scenarios whose outcome depends on the rules then fail, which shows what the rule set changes`,
          })
          .example('$0 run --tags @SECMP0063', 'only the SECMP0063 scenarios')
          .example('$0 run --tags @SMETS1 --rules mp107-r1', 'the SMETS1 stories as if MP107 R1 were in force'),
      (args) =>
        done(
          (async () => {
            if (args.rules !== undefined) {
              try {
                ruleSetNamed(args.rules);
              } catch (error) {
                throw new UsageError(`--rules: ${(error as Error).message}`);
              }
            }
            const cucumberArgs = args.tags ? ['--tags', args.tags] : [];
            io.out(`running cucumber${args.tags ? ` --tags "${args.tags}"` : ''}${args.rules ? ` under the "${args.rules}" rules` : ''}; reports in ${ROOT}reports/`);
            return runCucumber(cucumberArgs, args.rules);
          })(),
        ),
    );
}

function runCucumber(cucumberArgs: string[], rules: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(new URL('../../node_modules/@cucumber/cucumber/bin/cucumber.js', import.meta.url)), ...cucumberArgs], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=tsx`.trim(), ...(rules ? { SMETS_HARNESS_RULES: rules } : {}) },
    });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
}
