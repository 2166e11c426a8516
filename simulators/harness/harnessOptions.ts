import type { ServerOptions as TlsOptions } from 'node:https';
import { InvalidInputError } from '../core/errors.ts';
import { JOURNAL_INTERFACES, type JournalOptions } from '../core/Journal.ts';
import { defaultAdmissionWorkers } from '../dsp/admissionWorkers.ts';
import { type RuleSet, ruleSetNamed } from '../dsp/RuleSet.ts';
import { dccBoxedPopulation, defaultPopulation } from './defaultPopulation.ts';
import { NO_POPULATION, type Population } from './population.ts';

export type HarnessProfile = 'default' | 'dccboxed';
export type HarnessTime = 'simulated' | 'wall';
/** How DUIS documents are signed between Users and the DSP (decision 0009). */
export type HarnessSigning = 'xmldsig' | 'in-process';

export interface HarnessHttpOptions {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0: a free port (see `Harness.url`). */
  readonly port?: number;
  /** Serve HTTPS with this key and certificate. */
  readonly tls?: TlsOptions;
}

export interface HarnessOptions {
  /** `default`: the embedded estate; `dccboxed`: DCC Boxed's identities and keys (needs `keystoreFile`). */
  readonly profile?: HarnessProfile;
  /** A DCC Boxed keystore.json; required for the `dccboxed` profile. */
  readonly keystoreFile?: string;
  /** A rule set of the DSP by name (`baseline`, `mp107-r1` …); default baseline. */
  readonly ruleSet?: string;
  /** `simulated` (default): time moves only through `advance`/`drain`; `wall`: the real clock, for standalone servers. */
  readonly time?: HarnessTime;
  /** Default false: no HTTP. Tests that want it pass `{ port: 0 }`. */
  readonly http?: false | HarnessHttpOptions;
  /** Every User's response URL, unless set per User afterwards. */
  readonly responseUrl?: string;
  /** `default` (the profile's own homes), `none`, or a population (`parsePopulation`). */
  readonly population?: 'default' | 'none' | Population;
  readonly journal?: JournalOptions;
  /**
   * Worker threads that parse and verify DUIS requests ahead of the DSP's queue (admission stays in
   * request order): a number, `auto` (sized by the cores: one fewer than there are, at least one) or
   * `false` for none. Default: `auto` on wall time (`up`), none on simulated time.
   */
  readonly workers?: false | 'auto' | number;
  /**
   * `xmldsig` (default): DUIS documents carry XML-DSig signatures, as with the real DSP.
   * `in-process`: for very large batches, Users of this process hand requests to the DSP directly,
   * each signed beside the text (`InProcessSigning`), and get answers and deliveries the same way
   * (`Harness.inProcess`); all other validation is unchanged. No HTTP then (decision 0009).
   */
  readonly signing?: HarnessSigning;
}

/** Options checked and defaults filled in. */
export interface ResolvedOptions {
  readonly profile: HarnessProfile;
  readonly keystoreFile?: string;
  readonly ruleSet: RuleSet;
  readonly time: HarnessTime;
  readonly http: false | HarnessHttpOptions;
  readonly responseUrl?: string;
  readonly population: Population;
  readonly journal: JournalOptions;
  /** Admission worker threads; 0 for none. */
  readonly workers: number;
  readonly signing: HarnessSigning;
}

const PROFILES: readonly HarnessProfile[] = ['default', 'dccboxed'];
const TIMES: readonly HarnessTime[] = ['simulated', 'wall'];
const SIGNINGS: readonly HarnessSigning[] = ['xmldsig', 'in-process'];

/** Checks the options as a CLI would pass them (untyped values are refused with the option's name). */
export function resolveOptions(options: HarnessOptions): ResolvedOptions {
  const profile = options.profile ?? 'default';
  if (!PROFILES.includes(profile)) throw new InvalidInputError('profile', `one of ${PROFILES.join(', ')}`, profile);
  const time = options.time ?? 'simulated';
  if (!TIMES.includes(time)) throw new InvalidInputError('time', `one of ${TIMES.join(', ')}`, time);
  const keystoreFile = options.keystoreFile;
  if (profile === 'dccboxed' && (typeof keystoreFile !== 'string' || keystoreFile.trim() === '')) {
    throw new InvalidInputError('keystoreFile', 'the path of a DCC Boxed keystore.json (the dccboxed profile needs one)', keystoreFile);
  }
  if (profile === 'default' && keystoreFile !== undefined) {
    throw new InvalidInputError('keystoreFile', 'none: only the dccboxed profile reads a DCC Boxed keystore.json', keystoreFile);
  }
  const signing = options.signing ?? 'xmldsig';
  if (!SIGNINGS.includes(signing)) throw new InvalidInputError('signing', `one of ${SIGNINGS.join(', ')}`, signing);
  const http = httpOptions(options.http);
  if (signing === 'in-process' && http !== false) {
    throw new InvalidInputError('http', "false: in-process signing never leaves the process (use signing 'xmldsig' to serve HTTP)", options.http);
  }
  const checkedWorkers = workersOf(options.workers, time);
  // In process nothing is read ahead of the queue (there is no XML-DSig to verify); the option is still checked.
  const workers = signing === 'in-process' ? 0 : checkedWorkers;
  const responseUrl = options.responseUrl;
  if (responseUrl !== undefined && (typeof responseUrl !== 'string' || !/^https?:\/\/\S+$/.test(responseUrl))) {
    throw new InvalidInputError('responseUrl', 'an http(s) URL', responseUrl);
  }
  return {
    profile,
    ...(keystoreFile !== undefined && { keystoreFile }),
    ruleSet: ruleSetNamed(options.ruleSet ?? 'baseline'),
    time,
    http,
    ...(responseUrl !== undefined && { responseUrl }),
    population: populationOf(options.population, profile),
    journal: journalOptions(options.journal),
    workers,
    signing,
  };
}

const JOURNAL_OPTION_NAMES: readonly string[] = ['keepPayloads', 'keepEntries'];

/** `{ keepPayloads?, keepEntries? }`, each checked: a typo would otherwise keep everything silently. */
function journalOptions(journal: HarnessOptions['journal']): JournalOptions {
  if (journal === undefined) return {};
  if (typeof journal !== 'object' || journal === null || Array.isArray(journal)) {
    throw new InvalidInputError('journal', '{ keepPayloads?, keepEntries? }', journal);
  }
  const unknown = Object.keys(journal).filter((key) => !JOURNAL_OPTION_NAMES.includes(key));
  if (unknown.length > 0) {
    throw new InvalidInputError('journal', `only the options ${JOURNAL_OPTION_NAMES.join(' and ')} (not ${unknown.join(', ')})`, journal);
  }
  const { keepPayloads, keepEntries } = journal;
  if (keepEntries !== undefined && typeof keepEntries !== 'boolean') {
    throw new InvalidInputError('journal.keepEntries', 'true or false', keepEntries);
  }
  const interfaces: readonly unknown[] = JOURNAL_INTERFACES;
  if (
    keepPayloads !== undefined &&
    typeof keepPayloads !== 'boolean' &&
    !(Array.isArray(keepPayloads) && keepPayloads.every((via: unknown) => interfaces.includes(via)))
  ) {
    throw new InvalidInputError('journal.keepPayloads', `true, false or a list of interfaces from ${JOURNAL_INTERFACES.join(', ')}`, keepPayloads);
  }
  return journal;
}

function workersOf(workers: HarnessOptions['workers'], time: HarnessTime): number {
  if (workers === undefined) return time === 'wall' ? defaultAdmissionWorkers() : 0;
  if (workers === false) return 0;
  if (workers === 'auto') return defaultAdmissionWorkers();
  if (!Number.isInteger(workers) || workers < 0 || workers > 64) {
    throw new InvalidInputError('workers', "false, 'auto' or a number of worker threads from 0 to 64", workers);
  }
  return workers;
}

function httpOptions(http: HarnessOptions['http']): false | HarnessHttpOptions {
  if (http === undefined || http === false) return false;
  if (typeof http !== 'object' || http === null) throw new InvalidInputError('http', 'false or { host?, port?, tls? }', http);
  const port = http.port;
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new InvalidInputError('http.port', 'a port number from 0 to 65535', port);
  }
  return http;
}

function populationOf(population: HarnessOptions['population'], profile: HarnessProfile): Population {
  if (population === undefined || population === 'default') {
    return profile === 'dccboxed' ? dccBoxedPopulation() : defaultPopulation();
  }
  if (population === 'none') return NO_POPULATION;
  if (typeof population !== 'object' || population === null || !Array.isArray(population.homes)) {
    throw new InvalidInputError('population', "'default', 'none' or a population (see parsePopulation)", population);
  }
  return population;
}
