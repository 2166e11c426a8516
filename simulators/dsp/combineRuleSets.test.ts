import { describe, it } from 'node:test';
import { expect } from 'chai';
import { InvalidInputError } from '../core/errors.ts';
import { combineRuleSets, mergeRules, RuleSetConflictError } from './combineRuleSets.ts';
import {
  BASELINE,
  defineRuleSet,
  MP107_R1,
  MP107_R2,
  RULE_SET_NAMES,
  RULE_SETS,
  ruleSetNamed,
  SECMP0063,
} from './RuleSet.ts';
import { RULES } from './rules/index.ts';

describe('Rule set names and combinations', () => {
  it('lists the built-in names for the CLI, each defined with rules that exist', () => {
    expect(RULE_SET_NAMES).to.deep.equal(['baseline', 'mp107-r1', 'mp107-r2', 'secmp0063']);
    for (const name of RULE_SET_NAMES) {
      expect(ruleSetNamed(name)).to.equal(RULE_SETS[name]);
      for (const rule of ruleSetNamed(name).rules) expect(RULES[rule], `${name}: ${rule}`).to.be.a('function');
    }
    expect(MP107_R2.rules).to.deep.equal(BASELINE.rules);
    expect(MP107_R2.jobs).to.deep.equal(['mp107-r2']);
    expect(SECMP0063.rules.at(-1)).to.equal('network-operator-certificate');
  });

  it('an unknown name, alone or in a combination, is an error listing the known ones', () => {
    expect(() => ruleSetNamed('mp999')).to.throw(InvalidInputError, /^rule set: expected one of baseline, mp107-r1, mp107-r2, secmp0063, or several joined with \+/);
    expect(() => ruleSetNamed('mp107-r1+mp108')).to.throw(/^rule set in mp107-r1\+mp108: expected one of baseline, .* got "mp108"$/);
    expect(() => ruleSetNamed('')).to.throw(/got an empty string/);
    expect(() => ruleSetNamed('mp107-r1+')).to.throw(/got an empty string/);
  });

  it('mp107-r1+secmp0063 unites the extra rules, the Registration Data skips, the codes and the jobs', () => {
    const both = ruleSetNamed('mp107-r1+secmp0063');
    expect(both.name).to.equal('mp107-r1+secmp0063');
    expect(both.rules).to.deep.equal([...BASELINE.rules, 'network-operator-certificate']);
    expect(both.registrationCheck).to.deep.equal(MP107_R1.registrationCheck);
    expect(both.responseCodes).to.deep.equal({ 'network-operator-certificate': 'E9063' });
    expect(both.networkOperatorCheck).to.deep.equal(SECMP0063.networkOperatorCheck);
    expect(both.description).to.include('MP107 Requirement 1').and.to.include('SECMP0063');
    expect(Object.isFrozen(both)).to.equal(true);

    const reversed = ruleSetNamed('secmp0063+mp107-r1');
    expect(reversed.rules).to.deep.equal(both.rules);
    expect(reversed.registrationCheck).to.deep.equal(both.registrationCheck);

    const all = ruleSetNamed('mp107-r1+mp107-r2+secmp0063+mp107-r1');
    expect(all.name, 'a repeated name counts once').to.equal('mp107-r1+mp107-r2+secmp0063');
    expect(all.jobs).to.deep.equal(['mp107-r2']);
    expect(all.registrationCheck.skip).to.have.length(1);
    expect(ruleSetNamed('baseline+mp107-r2').rules).to.deep.equal(BASELINE.rules);
  });

  it('a rule only a later set has goes after the rule it follows there', () => {
    expect(mergeRules([['user-known', 'device-known'], ['user-known', 'user-active', 'device-known']])).to.deep.equal([
      'user-known',
      'user-active',
      'device-known',
    ]);
    expect(mergeRules([['device-known'], ['registration-data', 'device-known']])).to.deep.equal(['registration-data', 'device-known']);
  });

  it('parameters two sets change differently are an error naming them and the sets', () => {
    const allChecked = defineRuleSet({
      ...BASELINE,
      name: 'check-all',
      registrationCheck: { appliesTo: ['nonCritical', 'smets1Critical', 'smets2Critical'], skip: [] },
      responseCodes: { 'network-operator-certificate': 'E4' },
    });
    const onlyNonCritical = defineRuleSet({
      ...BASELINE,
      name: 'non-critical',
      registrationCheck: { appliesTo: ['nonCritical'], skip: [] },
    });
    let error: unknown;
    try {
      combineRuleSets(BASELINE, [allChecked, onlyNonCritical, SECMP0063]);
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(RuleSetConflictError);
    const conflict = error as RuleSetConflictError;
    expect(conflict.conflicts).to.deep.equal([
      { parameter: 'registrationCheck.appliesTo', setBy: ['check-all', 'non-critical'] },
      { parameter: 'responseCodes.network-operator-certificate', setBy: ['check-all', 'secmp0063'] },
    ]);
    expect(conflict.message).to.equal(
      'rule sets check-all+non-critical+secmp0063 cannot be combined: registrationCheck.appliesTo (set differently by check-all and non-critical); responseCodes.network-operator-certificate (set differently by check-all and secmp0063)',
    );
  });

  it('a parameter changed by one set only, or the same way by both, is taken from it', () => {
    const cv = defineRuleSet({ ...BASELINE, name: 'cv', supportedCommandVariants: [1, 4, 5] });
    const combined = combineRuleSets(BASELINE, [cv, SECMP0063, defineRuleSet({ ...cv, name: 'cv-again' })]);
    expect(combined.supportedCommandVariants).to.deep.equal([1, 4, 5]);
    expect(combined.serviceUrls).to.deep.equal(BASELINE.serviceUrls);
    const strict = defineRuleSet({
      ...SECMP0063,
      name: 'strict-gpf',
      networkOperatorCheck: { ...SECMP0063.networkOperatorCheck!, deviceTypes: { GPF: 'gasTransporter' } },
    });
    expect(() => combineRuleSets(BASELINE, [SECMP0063, strict])).to.throw(RuleSetConflictError, /networkOperatorCheck \(set differently by secmp0063 and strict-gpf\)/);
  });
});
