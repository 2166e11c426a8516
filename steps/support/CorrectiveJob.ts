import { expect } from 'chai';
import type { Eui } from '../../simulators/core/Eui.ts';
import type { Harness, Home } from '../../simulators/harness/index.ts';
import { certificatesFromKeyStore, NETWORK_OPERATOR_SLOTS, type SlotChange } from '../../simulators/s1sp/index.ts';

/** One S1SP's part of a run: how many SMETS1 meters it serves, and what the job made of them. */
export interface JobResult {
  readonly s1sp: string;
  /** SMETS1 meters enrolled at the S1SP when the job ran: the ones it looked at. */
  readonly meters: number;
  readonly mismatched: number;
  readonly corrected: number;
  readonly changes: readonly SlotChange[];
  readonly failures: readonly string[];
}

export interface JobRun {
  readonly apply: boolean;
  readonly results: readonly JobResult[];
  /** Every SMETS1 meter's NO slot owners, before and after. */
  readonly before: string;
  readonly after: string;
  /** Slot replacements the S1SPs journalled during the run. */
  readonly replacements: number;
}

/** The job MP107 Requirement 2 asks for, offered by a rule set's `jobs`. */
export const MP107_R2_JOB = 'mp107-r2';

/**
 * MP107 Requirement 2: the DCC's one-off corrective action across the S1SP cohorts, run through the
 * harness's S1SP directory (`findMismatchedNetworkOperatorSlots`, then
 * `correctNetworkOperatorSlots` with the registered parties' key-store certificates). Only a rule
 * set that offers the job (`jobs: ['mp107-r2']`) lets the DCC run it. The DCC's instruction to
 * each S1SP and the S1SP's report are journalled on the `DCC` interface, so the scenario's record
 * shows them beside the slot replacements the S1SPs journal.
 */
export class CorrectiveJob {
  readonly #harness: Harness;
  readonly #homes: () => readonly Home[];
  #last: JobRun | undefined;

  constructor(harness: Harness, homes: () => readonly Home[]) {
    this.#harness = harness;
    this.#homes = homes;
  }

  get last(): JobRun {
    if (this.#last === undefined) throw new Error('the MP107 corrective job has not run in this scenario');
    return this.#last;
  }

  async run(options: { readonly apply: boolean }): Promise<JobRun> {
    const h = this.#harness;
    const ruleSet = h.ruleSet;
    if (!(ruleSet.jobs ?? []).includes(MP107_R2_JOB)) {
      throw new Error(
        `the MP107 corrective job is not available under the "${ruleSet.name}" rules: ` +
          `only a rule set with jobs: ['${MP107_R2_JOB}'] offers it (e.g. "${MP107_R2_JOB}")`,
      );
    }
    const now = h.clock.now();
    const before = this.#slotOwners();
    const from = h.journal.size;
    const found = h.s1sps.findMismatchedNetworkOperatorSlots(h.registrations.snapshot(), now);
    const registered = found.map((m) => m.registered).filter((e): e is Eui => e !== undefined);
    const certificatesOf = await certificatesFromKeyStore(h.estate.keyStore, registered);
    const busy = h.s1sps.all.filter((s) => s.deviceCount > 0);
    const mode = options.apply ? 'apply' : 'dry run';
    for (const s1sp of busy) {
      h.journal.append({ at: now, via: 'DCC', from: 'DCC', to: s1sp.id, kind: 'job', summary: `MP107 R2 corrective job (${mode})` });
    }
    const reports = h.s1sps.correctNetworkOperatorSlots(found, certificatesOf, { apply: options.apply });
    const results = reports
      .filter((r) => busy.some((s) => s.id === r.s1sp))
      .map((r) => ({
        s1sp: r.s1sp,
        meters: h.s1sps.get(r.s1sp).deviceCount,
        mismatched: r.mismatched,
        corrected: r.corrected,
        changes: r.changes,
        failures: r.failures.map((f) => `${f.deviceId} ${f.code}: ${f.reason}`),
      }));
    for (const r of results) {
      const summary = `${mode}: ${r.mismatched} mismatched of ${r.meters}, ${r.corrected} corrected, ${r.changes.length} slot replacements ${options.apply ? 'made' : 'planned'}${r.failures.length ? `, failures: ${r.failures.join('; ')}` : ''}`;
      h.journal.append({ at: h.clock.now(), via: 'DCC', from: r.s1sp, to: 'DCC', kind: 'report', summary });
    }
    const replacements = h.journal.entries({ afterSeq: from, where: (e) => e.kind === 'slot-replacement' }).length;
    this.#last = { apply: options.apply, results, before, after: this.#slotOwners(), replacements };
    return this.#last;
  }

  /** The last run's result at `s1sp`. */
  resultAt(s1sp: string): JobResult {
    const result = this.last.results.find((r) => r.s1sp === s1sp);
    if (result === undefined) {
      throw new Error(`the job reported nothing for ${s1sp}; it reported for ${this.last.results.map((r) => r.s1sp).join(', ') || 'no S1SP'}`);
    }
    return result;
  }

  expectDryRun(expected: readonly { readonly s1sp: string; readonly mismatched: number; readonly of: number }[]): void {
    const run = this.last;
    expect(run.apply, 'a dry run').to.equal(false);
    for (const { s1sp, mismatched, of } of expected) {
      const r = this.resultAt(s1sp);
      expect({ mismatched: r.mismatched, of: r.meters, failures: r.failures }, s1sp).to.deep.equal({ mismatched, of, failures: [] });
    }
    expect(run.after, 'the SMETS1 meters\' NO slots after the dry run').to.equal(run.before);
    expect(run.replacements, 'slot replacements journalled').to.equal(0);
  }

  expectCorrected(expected: readonly { readonly s1sp: string; readonly corrected: number }[]): void {
    expect(this.last.apply, 'the job applied').to.equal(true);
    for (const { s1sp, corrected } of expected) {
      const r = this.resultAt(s1sp);
      expect({ corrected: r.corrected, failures: r.failures }, s1sp).to.deep.equal({ corrected, failures: [] });
    }
  }

  /** Every SMETS1 meter's NO slots hold the key-store certificates of the party Registration Data names now. */
  async expectEveryMeterRegistered(describe: (eui: Eui) => string): Promise<void> {
    const h = this.#harness;
    const registrations = h.registrations.snapshot();
    const homes = this.#homes();
    expect(homes, 'SMETS1 meters in the scenario').not.to.be.empty;
    for (const home of homes) {
      for (const [type, mpxn] of [['ESME', home.mpan], ['GSME', home.mprn]] as const) {
        const device = home.devices[type];
        if (device === undefined || mpxn === undefined) continue;
        const role = type === 'ESME' ? 'networkOperator' : 'gasTransporter';
        const registered = registrations.partyAt(mpxn, role, h.clock.now());
        if (registered === undefined) throw new Error(`nobody is registered as ${role} for ${mpxn.value}`);
        const slots = h.s1sps.route(device).slots(device);
        for (const slot of NETWORK_OPERATOR_SLOTS) {
          const credential = await h.estate.keyStore.lookup(registered, slot === 'networkOperatorDS' ? 'DS' : 'KA');
          const held = slots[slot];
          const what = `${home.name}: the ${slot} slot`;
          if (!held?.owner.equals(registered)) {
            expect.fail(`${what} holds the certificate of ${held ? describe(held.owner) : 'nobody'}, expected the registered ${describe(registered)}'s`);
          }
          expect(Buffer.from(held.der).equals(Buffer.from(credential.certificate.raw)), `${what} holds the key-store certificate`).to.equal(true);
        }
      }
    }
  }

  #slotOwners(): string {
    const h = this.#harness;
    return this.#homes()
      .flatMap((home) => [home.devices.ESME, home.devices.GSME])
      .filter((d): d is Eui => d !== undefined)
      .map((d) => {
        const slots = h.s1sps.route(d).slots(d);
        return `${d}: ${NETWORK_OPERATOR_SLOTS.map((s) => `${slots[s]?.owner}/${slots[s]?.serial}`).join(' ')}`;
      })
      .join('\n');
  }
}
