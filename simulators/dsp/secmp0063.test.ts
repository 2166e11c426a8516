import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import { replacementsFor, type RequestBody } from '../duis/index.ts';
import { validateDuis } from '../duis/testSupport.ts';
import { issuerSerialResolver } from '../xmldsig/issuerSerialResolver.ts';
import { verifyDuis } from '../xmldsig/verifyDuis.ts';
import { BASELINE, defineRuleSet, ruleSetNamed, SECMP0063 } from './RuleSet.ts';
import { SECMP0063_RESPONSE_CODE } from './rules/networkOperatorCertificate.ts';
import { handoverBody, krpBody } from './testBodies.ts';
import {
  AURORA,
  checkDspXml,
  ESME,
  GPF,
  type Harness,
  harness,
  MPRN,
  NO_12,
  NO_13,
  noSchemaValidation,
  S1_ESME,
} from './testSupport.ts';

const CADENT = Eui.parse('90-B3-D5-1F-40-04-01-00'); // GT
const RECOVERY = Eui.parse('90-B3-D5-1F-40-00-00-01'); // DCC Recovery (DS only)

/** AURORA is the supplier of ESME (MPAN 12…, whose NO is NO_12 by default) and of the GPF's MPRN. */
const handover = (body: RequestBody, target = ESME, counter = 1) =>
  ({ from: AURORA, target, counter, cv: 1, srv: '6.21', body }) as const;

async function expectSignedByDsp(h: Harness, xml: string): Promise<void> {
  const dsp = await h.estate.keyStore.lookup(h.estate.parties.dspSigner().eui, 'XML');
  const verdict = await verifyDuis(xml, issuerSerialResolver([dsp.certificate]));
  expect(verdict.ok, verdict.reasons.map((r) => r.message).join('; ')).to.equal(true);
}

describe('SECMP0063: the DSP refuses Network Operator certificates that do not belong to the meter point', () => {
  it('a supplier placing NO-13\'s certificates on an ESME of MPAN 12… by 6.21 is refused with E9063, and nothing changes', async () => {
    const h = await harness({ ruleSet: SECMP0063 });
    const before = h.observable();
    const answer = await h.send('S', handover(await handoverBody(h.estate, 'NetworkOperator', NO_13)));
    await h.dsp.idle();

    expect(answer.status).to.equal(200);
    expect(answer.responseCode).to.equal(SECMP0063_RESPONSE_CODE).and.to.equal('E9063');
    expect(answer.reason).to.match(/^network-operator-certificate: SRV 6\.21 would place the certificate of 90-B3-D5-1F-40-02-13-00 \(.+\) in the NetworkOperator DS and NetworkOperator KA cells of ESME/);
    expect(answer.reason).to.include('MPAN 1200000000011').and.to.include('is 90-B3-D5-1F-40-02-12-00');
    expect(answer.reason).to.include('(the default for distributor 12)');
    expect(h.observable(), 'no command, no counter, no delivery').to.deep.equal(before);
    expect(h.gateway.commands).to.have.length(0);
    expect(answer.body).to.include('<sr:ResponseCode>E9063</sr:ResponseCode>');
    await expectSignedByDsp(h, answer.body);
    const refusal = h.journal.entries({ where: (e) => e.kind === 'refusal' });
    expect(refusal.map((e) => [e.from, e.to, e.responseCode, e.srv])).to.deep.equal([['DSP', AURORA.toString(), 'E9063', '6.21']]);
    if (!noSchemaValidation) {
      const result = validateDuis(answer.body.replace(/(<ds:X509SerialNumber>)[0-9]+(<\/ds:X509SerialNumber>)/, '$11$2'));
      expect(result.valid, 'E9063 is outside the DUIS 5.4 ResponseCode list').to.equal(false);
    }
  });

  it('negative control: under baseline the same wrong 6.21 is accepted and the command goes to the device', async () => {
    const h = await harness();
    const answer = await h.send('S', handover(await handoverBody(h.estate, 'NetworkOperator', NO_13)));
    expect(answer.responseCode, answer.reason).to.equal('I99');
    await h.dsp.idle();
    expect(h.gateway.commands).to.have.length(1);
  });

  it('the registered NO\'s certificates are accepted; a harness rule set may answer another code', async () => {
    const h = await harness({ ruleSet: SECMP0063 });
    const right = await h.send('S', handover(await handoverBody(h.estate, 'NetworkOperator', NO_12)));
    expect(right.responseCode, right.reason).to.equal('I99');
    await h.dsp.idle();
    expect(h.gateway.commands).to.have.length(1);

    h.dsp.useRuleSet(defineRuleSet({ ...SECMP0063, name: 'secmp0063-e4', responseCodes: { 'network-operator-certificate': 'E4' } }));
    const wrong = await h.send('S', handover(await handoverBody(h.estate, 'NetworkOperator', NO_13), ESME, 2));
    expect(wrong.responseCode).to.equal('E4');
    await checkDspXml(h.estate, wrong.body);
  });

  it('each certificate is checked: the right DS with a wrong KA is refused, naming the KA only', async () => {
    const h = await harness({ ruleSet: SECMP0063 });
    const right = await handoverBody(h.estate, 'NetworkOperator', NO_12);
    const wrong = await handoverBody(h.estate, 'NetworkOperator', NO_13);
    if (right.kind !== 'RequestHandoverOfDCCControlledDevice' || wrong.kind !== right.kind) throw new Error('not 6.21 bodies');
    const mixed: RequestBody = { ...right, replacements: [right.replacements[0]!, wrong.replacements[1]!] };
    const answer = await h.send('S', handover(mixed));
    expect(answer.responseCode).to.equal('E9063');
    expect(answer.reason).to.match(/would place the certificate of 90-B3-D5-1F-40-02-13-00 \(.+\) in the NetworkOperator KA cell of ESME/);
  });

  it('a GPF: an electricity NO\'s certificate is refused, the registered gas transporter\'s accepted', async () => {
    const h = await harness({ ruleSet: SECMP0063 });
    h.registrations.registerGasTransporter(MPRN, CADENT, new Date('2025-01-01T00:00:00Z'));
    const wrong = await h.send('S', handover(await handoverBody(h.estate, 'NetworkOperator', NO_12), GPF));
    expect(wrong.responseCode).to.equal('E9063');
    expect(wrong.reason).to.match(/certificate of 90-B3-D5-1F-40-02-12-00 .* cells of GPF .*, but the registered gas transporter for MPRN 7412345678 is 90-B3-D5-1F-40-04-01-00 \(Cadent Gas\)$/);
    const right = await h.send('S', handover(await handoverBody(h.estate, 'NetworkOperator', CADENT), GPF, 2));
    expect(right.responseCode, right.reason).to.equal('I99');
  });

  it('a GPF whose MPRN has no registered gas transporter: refused by default, accepted with whenNoneRegistered: accept', async () => {
    const h = await harness({ ruleSet: SECMP0063 });
    const body = await handoverBody(h.estate, 'NetworkOperator', CADENT);
    const refused = await h.send('S', handover(body, GPF));
    expect(refused.responseCode).to.equal('E9063');
    expect(refused.reason).to.match(/but Registration Data names no gas transporter for MPRN 7412345678$/);
    const lenient = defineRuleSet({
      ...SECMP0063,
      name: 'lenient',
      networkOperatorCheck: { ...SECMP0063.networkOperatorCheck!, whenNoneRegistered: 'accept' },
    });
    h.dsp.useRuleSet(lenient);
    expect((await h.send('S', handover(body, GPF, 2))).responseCode).to.equal('I99');
  });

  it('recovery and root keys can still be placed: replacements of other cells are not checked', async () => {
    const replace = (role: 'Recovery' | 'Root', digitalSigning: Buffer): RequestBody => ({
      kind: 'RequestHandoverOfDCCControlledDevice',
      remotePartyRole: role,
      replacements: replacementsFor(role, { digitalSigning }),
      certificationPathCertificates: [h.estate.smki.organisationCa.der],
      applyTimeBasedCpvChecks: false,
    });
    const h = await harness({ ruleSet: SECMP0063 });
    const root = await h.send('S', handover(replace('Root', h.estate.smki.root.der)));
    expect(root.responseCode, root.reason).to.equal('I99');

    // The harness builds no command for the Recovery cell (E12 after the pipeline, under any rule
    // set): SECMP0063 lets it through to that point, exactly as baseline does.
    const recovery = replace('Recovery', Buffer.from((await h.estate.keyStore.lookup(RECOVERY, 'DS')).certificate.raw));
    const underSecmp = await h.send('S', handover(recovery, ESME, 2));
    h.dsp.useRuleSet(BASELINE);
    const underBaseline = await h.send('S', handover(recovery, ESME, 3));
    expect(underSecmp.responseCode).to.equal(underBaseline.responseCode).and.not.to.equal('E9063');
    expect(underSecmp.reason).not.to.match(/^network-operator-certificate/);
  });

  it('6.15.1 is checked too: SMETS2 at CV 4, and on SMETS1 together with MP107 R1', async () => {
    const h = await harness({ ruleSet: SECMP0063, withS1sp: true });
    const noCerts13 = await krpBody(h.estate, 'NetworkOperator', NO_13);
    const smets2 = await h.send('T', { from: NO_12, target: ESME, counter: 1, cv: 4, srv: '6.15.1', body: noCerts13 });
    expect(smets2.responseCode).to.equal('E9063');
    expect(h.dsp.pendingPreCommands()).to.have.length(0);

    // S1_ESME is on MPAN 13…: NO_12's certificates are wrong there, NO_13's right.
    h.dsp.useRuleSet(ruleSetNamed('mp107-r1+secmp0063'));
    const own = await krpBody(h.estate, 'NetworkOperator', NO_12);
    const wrong = await h.send('T', { from: NO_12, target: S1_ESME, counter: 2, cv: 4, srv: '6.15.1', body: own });
    expect(wrong.responseCode, 'MP107 R1 lets NO_12 past E4; SECMP0063 stops its own certificates').to.equal('E9063');
    expect(wrong.reason).to.include('MPAN 1300000000007').and.to.include('90-B3-D5-1F-40-02-13-00');
    const fix = await h.send('T', { from: NO_12, target: S1_ESME, counter: 3, cv: 4, srv: '6.15.1', body: noCerts13 });
    expect(fix.responseCode, 'the wrong NO hands the slots to the registered one').to.equal('I0');

    h.dsp.useRuleSet(BASELINE);
    const baseline = await h.send('T', { from: NO_12, target: S1_ESME, counter: 4, cv: 4, srv: '6.15.1', body: noCerts13 });
    expect(baseline.responseCode, 'without MP107 R1 the RDP check refuses the fix').to.equal('E4');
  });
});
