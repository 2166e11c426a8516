import { defineParameterType } from '@cucumber/cucumber';
import { BATCH_PRESET_NAMES, type BatchPresetName, type Classification, type ScenarioName } from '../../simulators/postcommissioning/index.ts';

/** Post-commissioning nouns as parameter types (seed 004): situations, criteria sets, classifications, presets. */

/** What went on at a home, in the words of seed 004, and the `SCENARIOS` entry that produces it. */
export const SITUATIONS: Readonly<Record<string, ScenarioName>> = {
  'every Service Request succeeds': 'clean',
  'the response to its SRV 6.15.1 times out': 'responseTimeout',
  'its SRV 6.15.1 is future-dated, so the device answers with an empty execution status': 'emptyExecutionStatus',
  'its network operator cells hold DCC credentials': 'handover',
  "it was installed with another network operator's certificates": 'wrongNetworkOperatorInstalled',
  'its Recovery trust anchor cell is left empty': 'recoveryMissing',
  'the device never communicates': 'neverCommunicating',
  'the supplier never sends SRV 6.17 or SRV 6.15.2': 'credentialsNotRenewed',
  "the supplier's successful SRV 6.15.1 places another network operator's certificates": 'wrongNetworkOperatorPlaced',
};

const alternation = (texts: readonly string[]): RegExp => new RegExp(texts.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));

defineParameterType({
  name: 'postCommissioningSituation',
  regexp: alternation(Object.keys(SITUATIONS)),
  transformer: (text: string): ScenarioName => SITUATIONS[text]!,
});

/** A criteria set of the tracker: `current` (SEC Appendix AC §5 today) or `proposed` (the certificates on the device). */
defineParameterType({
  name: 'criteria',
  regexp: /current|proposed/,
  transformer: (text: string) => text as 'current' | 'proposed',
});

const CLASSIFICATIONS: Readonly<Record<string, Classification>> = {
  'a false positive': 'falsePositive',
  'a real failure': 'realFailure',
  'missed by the reported criteria': 'missedByReported',
  'passed': 'passed',
};

/** How the two judgements of a device compare: `a false positive`, `a real failure`, `missed by the reported criteria`. */
defineParameterType({
  name: 'classification',
  regexp: alternation(Object.keys(CLASSIFICATIONS)),
  transformer: (text: string): Classification => CLASSIFICATIONS[text]!,
});

/** A quoted batch preset name: `"seed-004"`, `"clean"`. */
defineParameterType({
  name: 'batchPreset',
  regexp: new RegExp(`"(${BATCH_PRESET_NAMES.join('|')})"`),
  transformer: (name: string) => name as BatchPresetName,
  useForSnippets: false,
});

/** A rate as a report prints it: `7.0%`. */
defineParameterType({
  name: 'percent',
  regexp: /\d+(?:\.\d+)?%/,
  transformer: (text: string) => Number.parseFloat(text) / 100,
});
