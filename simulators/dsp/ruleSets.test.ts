import { describe, it } from 'node:test';
import { expect } from 'chai';
import { BASELINE, defineRuleSet, MP107_R1, RULE_SETS, ruleSetNamed } from './RuleSet.ts';
import { RULES } from './rules/index.ts';
import { krpBody, readInventoryBody, retrieveKrpBody } from './testBodies.ts';
import { ACB, AURORA, BOREALIS, CHF, checkDspXml, ESME, harness, NO_12, NO_13, S1_ESME } from './testSupport.ts';

describe('Rule sets are data', () => {
  it('every rule a built-in rule set names exists', () => {
    for (const ruleSet of Object.values(RULE_SETS)) {
      for (const name of ruleSet.rules) expect(RULES[name], `${ruleSet.name}: ${name}`).to.be.a('function');
    }
    expect(ruleSetNamed('mp107-r1')).to.equal(MP107_R1);
    expect(() => ruleSetNamed('mp999')).to.throw(/one of baseline, mp107-r1/);
  });

  it('MP107 R1: a NO not registered for the MPAN places NO certificates on a SMETS1 meter only under mp107-r1', async () => {
    // S1_ESME is on MPAN 13…: NO_13 is its registered network operator (the distributor default).
    const h = await harness({ withS1sp: true });
    const noCerts = await krpBody(h.estate, 'NetworkOperator', NO_12);
    const request = { from: NO_12, target: S1_ESME, counter: 1, cv: 4, srv: '6.15.1', body: noCerts };

    const baseline = await h.send('T', request);
    expect(baseline.responseCode).to.equal('E4');
    expect(baseline.reason).to.match(
      /registration-data: .*\(UK Power Networks.*\) is not an Eligible User .* as ED: .*the registered one is 90-B3-D5-1F-40-02-13-00 .* \(the default for distributor 13\)/,
    );
    expect(h.dsp.pendingPreCommands()).to.have.length(0);

    h.dsp.useRuleSet(MP107_R1);
    const mp107 = await h.send('T', request);
    expect(mp107.responseCode, mp107.reason).to.equal('I0');
    await checkDspXml(h.estate, mp107.body);

    const supplierCerts = await krpBody(h.estate, 'Supplier', NO_12);
    const stillRefused = await h.send('T', { ...request, counter: 2, body: supplierCerts });
    expect(stillRefused.responseCode).to.equal('E4');
  });

  it('MP107 R1 changes nothing for the registered NO (passes either way) nor for SMETS2 (never checked)', async () => {
    const h = await harness({ withS1sp: true });
    const body = await krpBody(h.estate, 'NetworkOperator', NO_13);
    const registered = await h.send('T', { from: NO_13, target: S1_ESME, counter: 1, cv: 4, srv: '6.15.1', body });
    expect(registered.responseCode).to.equal('I0');
    const smets2 = await h.send('T', { from: NO_13, target: ESME, counter: 2, cv: 4, srv: '6.15.1', body });
    expect(smets2.responseCode, 'SMETS2 critical requests skip the RDP check: the device checks').to.equal('I0');
  });

  it('a rule set without a rule does not run it; responseCodes replace a rule\'s code', async () => {
    const noRdp = defineRuleSet({
      ...BASELINE,
      name: 'no-rdp',
      rules: BASELINE.rules.filter((r) => r !== 'registration-data'),
    });
    const h = await harness({ ruleSet: noRdp });
    const answer = await h.send('S', { from: BOREALIS, target: ESME, counter: 1, cv: 1, srv: '6.24.1', body: retrieveKrpBody() });
    expect(answer.responseCode).to.equal('I99');

    const harnessCode = defineRuleSet({ ...BASELINE, name: 'replay-e999', responseCodes: { 'counter-increases': 'E999' } });
    h.dsp.useRuleSet(harnessCode);
    const read = { from: AURORA, target: ACB, counter: 5, cv: 8, srv: '8.2', body: readInventoryBody(CHF) };
    expect((await h.send('D', read)).responseCode).to.equal('I0');
    const replay = await h.send('D', read);
    expect(replay.status).to.equal(200);
    expect(replay.responseCode).to.equal('E999');
    expect(replay.body).to.include('<sr:ResponseCode>E999</sr:ResponseCode>');
  });

  it('registrationCheck.appliesTo decides which requests are checked', async () => {
    const everything = defineRuleSet({
      ...BASELINE,
      name: 'check-all',
      registrationCheck: { appliesTo: ['nonCritical', 'smets1Critical', 'smets2Critical'], skip: [] },
    });
    const h = await harness({ ruleSet: everything });
    const body = await krpBody(h.estate, 'NetworkOperator', NO_12);
    const answer = await h.send('T', { from: NO_13, target: ESME, counter: 1, cv: 4, srv: '6.15.1', body });
    expect(answer.responseCode).to.equal('E4');
  });
});
