import type { Argv } from 'yargs';
import { Eui } from '../../simulators/core/Eui.ts';
import type { JournalEntry } from '../../simulators/core/Journal.ts';
import { ruleSetNamed } from '../../simulators/dsp/index.ts';
import { Harness, parsePopulation } from '../../simulators/harness/index.ts';
import { builtInStories } from '../../simulators/liveview/stories/index.ts';
import { type Io, UsageError } from './Io.ts';
import type { CommandModule } from './main.ts';

/**
 * `demo <story> [--rules a,b]`: narrates a story in the terminal – who sent what, and why it was
 * accepted or refused – once per rule set, on a fresh estate each time, then what changed.
 */
export function demoCommand(): CommandModule {
  const stories = builtInStories();
  return (cli: Argv, io, done) =>
    cli.command(
      'demo <story>',
      'Narrate a story step by step, under one or more rule sets',
      (y) =>
        y
          .positional('story', { type: 'string', describe: `the story: ${stories.names().join(', ')}`, demandOption: true })
          .option('rules', { type: 'string', default: 'baseline,mp107-r1', describe: 'rule sets to run it under, comma-separated' })
          .example('$0 demo wrong-no-smets1', 'the MP107 story under baseline, then under mp107-r1')
          .example('$0 demo wrong-no-smets1 --rules baseline,mp107-r1+secmp0063', 'against a combination'),
      (args) =>
        done(
          (async () => {
            const names = String(args.rules).split(',').map((r) => r.trim()).filter(Boolean);
            let story: ReturnType<typeof stories.get>;
            try {
              story = stories.get(String(args.story));
              for (const name of names) ruleSetNamed(name);
            } catch (error) {
              throw new UsageError((error as Error).message);
            }
            if (names.length === 0) throw new UsageError('--rules: name at least one rule set');
            io.out(`${story.title}\n${story.description}\n`);
            const outcomes: [string, string][] = [];
            for (const ruleSet of names) outcomes.push([ruleSet, await narrate(story, ruleSet, io)]);
            io.out('What changes:');
            for (const [ruleSet, outcome] of outcomes) io.out(`  ${ruleSet.padEnd(22)} ${outcome}`);
            return 0;
          })(),
        ),
    );
}

async function narrate(story: ReturnType<ReturnType<typeof builtInStories>['get']>, ruleSet: string, io: Io): Promise<string> {
  io.out(`── under the "${ruleSet}" rules ──`);
  const harness = await Harness.start({
    ruleSet,
    http: { port: 0 },
    population: story.population ? parsePopulation(story.population, `story ${story.name}`) : 'none',
  });
  const name = (who: string) => {
    try {
      return harness.estate.parties.byEui(Eui.parse(who))?.name ?? who;
    } catch {
      return who;
    }
  };
  const stop = harness.journal.subscribe((e: JournalEntry) => {
    if (e.via === 'DELIVERY') return;
    const code = e.responseCode ? ` [${e.responseCode}]` : '';
    io.out(`  ${String(e.seq).padStart(3)}  ${e.via.padEnd(5)} ${name(e.from)} → ${name(e.to)}: ${e.summary}${code}`);
  });
  try {
    const outcome = await story.run(harness);
    io.out(`  ⇒ ${outcome.summary}\n`);
    return outcome.summary;
  } finally {
    stop();
    await harness.close();
  }
}
