/**
 * An estate changes the post-commissioning deadlines and obligations as data (issue #6: "name the
 * defaults and let an estate change them"): the estate file's `postCommissioning:` section, read by
 * parsePopulation, held by the harness and judged under by GET /certification.
 */
import { after, before, describe, it } from 'node:test';
import { expect } from 'chai';
import type { Certification } from '../certification/index.ts';
import { InvalidFileError } from '../core/errors.ts';
import { DAY_MS, DEFAULT_SETTINGS } from '../postcommissioning/index.ts';
import { DEFAULT_POPULATION_DATA } from './defaultPopulation.ts';
import { Harness } from './Harness.ts';
import { parsePopulation } from './parsePopulation.ts';

const home = { name: 'test', supplier: 'Aurora Energy', smets: 'SMETS2', region: 'North', mpan: '1200000000011' };

describe('parsePopulation: postCommissioning', () => {
  it('is left out when not given', () => {
    expect(parsePopulation({ homes: [home] }, 'estate.yaml').postCommissioning).to.equal(undefined);
  });

  it('reads deadlines (default, then the ones named) and device types’ obligations over the defaults', () => {
    const settings = parsePopulation(
      {
        homes: [home],
        postCommissioning: {
          deadlines: { default: '45d', networkOperatorCredentials: '14d', communicating: '36h' },
          obligationsByDeviceType: { GSME: ['issueCredentialsDS', 'communicating'] },
        },
      },
      'estate.yaml',
    ).postCommissioning!;
    expect(settings.deadlines.networkOperatorCredentials).to.equal(14 * DAY_MS);
    expect(settings.deadlines.communicating).to.equal(36 * 3_600_000);
    expect(settings.deadlines.issueCredentialsDS).to.equal(45 * DAY_MS);
    expect(settings.obligationsByDeviceType.GSME).to.deep.equal(['issueCredentialsDS', 'communicating']);
    expect(settings.obligationsByDeviceType.ESME).to.deep.equal(DEFAULT_SETTINGS.obligationsByDeviceType.ESME);
  });

  for (const [what, section, path, message] of [
    ['an unknown obligation', { deadlines: { commissioning: '30d' } }, 'postCommissioning.deadlines', /expected default or one of issueCredentialsDS, .*got "commissioning"/],
    ['a duration in weeks', { deadlines: { default: '4w' } }, 'postCommissioning.deadlines.default', /expected a duration up to 100 years: milliseconds, or a number with ms, s, m, h or d \(e\.g\. 30d\), got "4w"/],
    ['an unknown field', { deadline: {} }, 'postCommissioning', /expected deadlines and obligationsByDeviceType only, got "deadline"/],
    ['obligations not a list', { obligationsByDeviceType: { GSME: 'communicating' } }, 'postCommissioning.obligationsByDeviceType.GSME', /expected a list of obligations/],
    ['an unknown device type', { obligationsByDeviceType: { ESMEE: [] } }, 'postCommissioning.obligationsByDeviceType', /expected device types \(ESME, GSME, GPF, CHF, .*\), got "ESMEE"/],
    ['an empty section', null, 'postCommissioning', /expected a mapping, got null/],
    ['a deadline beyond 100 years', { deadlines: { communicating: '36501d' } }, 'postCommissioning.deadlines.communicating', /expected a duration up to 100 years/],
  ] as const) {
    it(`refuses ${what}, naming the file and the place`, () => {
      let error: unknown;
      try {
        parsePopulation({ homes: [home], postCommissioning: section }, 'estate.yaml');
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(InvalidFileError);
      expect((error as InvalidFileError).path).to.equal(path);
      expect((error as Error).message).to.match(new RegExp(`^estate\\.yaml at ${path.replaceAll('.', '\\.')}: `)).and.match(message);
    });
  }
});

describe('an estate judged under its own post-commissioning settings', () => {
  let relaxed: Harness;
  let usual: Harness;
  const certification = async (h: Harness): Promise<Certification> => {
    const res = await fetch(`${h.url}/certification?user=Aurora%20Energy`);
    expect(res.status, await res.clone().text()).to.equal(200);
    return (await res.json()) as Certification;
  };

  before(async () => {
    // The default homes, commissioned on 2025-01-01 and never worked: under 30 days every obligation
    // has failed; with 100 years for all but communicating (14 days), only communicating has.
    const population = parsePopulation({ ...DEFAULT_POPULATION_DATA, postCommissioning: { deadlines: { default: '36500d', communicating: '14d' } } }, 'estate.yaml');
    relaxed = await Harness.start({ http: { port: 0 }, population });
    usual = await Harness.start({ http: { port: 0 } });
  });
  after(async () => {
    await relaxed?.close();
    await usual?.close();
  });

  it('holds the settings: the population’s, else the defaults', () => {
    expect(relaxed.postCommissioning.deadlines.issueCredentialsDS).to.equal(36_500 * DAY_MS);
    expect(relaxed.postCommissioning.deadlines.communicating).to.equal(14 * DAY_MS);
    expect(usual.postCommissioning).to.equal(DEFAULT_SETTINGS);
  });

  it('GET /certification names and applies the estate’s deadlines', async () => {
    const c = await certification(relaxed);
    expect(c.deadlineDays.issueCredentialsDS).to.equal(36_500);
    expect(c.deadlineDays.communicating).to.equal(14);
    const u = await certification(usual);
    expect(u.deadlineDays.issueCredentialsDS).to.equal(30);
    const failed = (x: Certification) => [...new Set(x.devices.flatMap((d) => d.reasons.map((r) => `${r.obligation}/${r.cause}`)))].sort();
    expect(u.verdict).to.equal('not certified');
    expect(failed(u)).to.include.members(['issueCredentialsDS/notSent', 'networkOperatorCredentials/notSent', 'communicating/notCommunicating']);
    expect(c.verdict).to.equal('not certified');
    expect(failed(c)).to.deep.equal(['communicating/notCommunicating']);
  });
});
