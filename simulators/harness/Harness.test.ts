import { describe, it } from 'node:test';
import { expect } from 'chai';
import { DuisClient, ResponseReceiver } from '../client/index.ts';
import { InvalidInputError } from '../core/errors.ts';
import { krpBody } from '../dsp/testBodies.ts';
import { Harness } from './Harness.ts';
import type { HarnessOptions } from './harnessOptions.ts';
import { homeDeviceId } from './homeDevices.ts';
import { critical } from './testSupport.ts';

async function refusal(options: HarnessOptions): Promise<string> {
  let error: unknown;
  await Harness.start(options).then((h) => h.close(), (e: unknown) => (error = e));
  expect(error).to.be.instanceOf(InvalidInputError);
  return (error as Error).message;
}

describe('Harness.start options', () => {
  it('refuses the dccboxed profile without a keystore file, naming the option', async () => {
    expect(await refusal({ profile: 'dccboxed' })).to.match(/^keystoreFile: expected the path of a DCC Boxed keystore\.json/);
  });

  it('refuses an unknown rule set, listing the known ones', async () => {
    expect(await refusal({ ruleSet: 'mp999' })).to.match(/^rule set: expected one of baseline, mp107-r1/);
  });

  for (const [options, option] of [
    [{ profile: 'boxed' }, 'profile'],
    [{ time: 'fast' }, 'time'],
    [{ http: { port: 70000 } }, 'http.port'],
    [{ responseUrl: 'ftp://example' }, 'responseUrl'],
    [{ keystoreFile: 'keystore.json' }, 'keystoreFile'],
    [{ population: 'some' }, 'population'],
    [{ workers: -1 }, 'workers'],
    [{ journal: 'none' }, 'journal'],
    [{ journal: { keepEntry: false } }, 'journal'],
    [{ journal: { keepEntries: 'no' } }, 'journal.keepEntries'],
    [{ journal: { keepPayloads: ['GBCS', 'XML'] } }, 'journal.keepPayloads'],
    [{ journal: { keepPayloads: 'GBCS' } }, 'journal.keepPayloads'],
  ] as const) {
    it(`refuses a bad ${option}`, async () => {
      expect(await refusal(options as unknown as HarnessOptions)).to.match(new RegExp(`^${option.replace('.', '\\.')}: expected`));
    });
  }

  it('names the journal options when one is misspelt, and the interfaces keepPayloads takes', async () => {
    expect(await refusal({ journal: { keepEntry: false } } as unknown as HarnessOptions)).to.match(/^journal: expected only the options keepPayloads and keepEntries \(not keepEntry\)/);
    expect(await refusal({ journal: { keepPayloads: ['XML'] } } as unknown as HarnessOptions)).to.contain('DUIS, GBCS, CSP, RDP, S1SP, DELIVERY, SMKI, DCC');
  });

  it('keeps GBCS payloads only and no entries when told, as a batch asks', async () => {
    const h = await Harness.start({ population: 'none', journal: { keepEntries: false, keepPayloads: ['GBCS'] } });
    try {
      expect(h.journal.keepsEntries).to.equal(false);
    } finally {
      await h.close();
    }
  });

  it('starts empty with population none, under the rule set asked for, without HTTP by default', async () => {
    const h = await Harness.start({ population: 'none', ruleSet: 'mp107-r1' });
    try {
      expect([h.inventory.version, h.fleet.size, h.url, h.ruleSet.name]).to.deep.equal([0, 0, undefined, 'mp107-r1']);
      expect(h.useRuleSet('baseline').name).to.equal('baseline');
      expect(h.users().find((u) => u.name === 'Dunlin Gas')).to.deep.include({ roles: ['GS'] });
      expect(h.users().some((u) => u.responseUrl !== undefined)).to.equal(false);
      expect(() => h.setResponseUrl('DCC Access Control Broker', 'http://x')).to.throw(/^User: expected a DCC User/);
    } finally {
      await h.close();
    }
  });
});

describe('unsolicited device alerts reach the User as DUIS DeviceAlertMessage', () => {
  it('a command that timed out (noResponse) raised 8F70: the supplier gets E21 and the signed alert', async () => {
    const h = await Harness.start();
    const receiver = await ResponseReceiver.start({ keyStore: h.estate.keyStore });
    try {
      const borealis = h.estate.parties.byName('Borealis Power').eui;
      const yorkshire = h.estate.parties.byName('Northern Powergrid (Yorkshire)').eui;
      h.setResponseUrl(borealis, receiver.url);
      const esme = homeDeviceId(2, 'ESME');
      h.fleet.device(esme).setFault('noResponse');
      // Home 2: the supplier holds the NO cells and places the registered NO's certificates.
      const body = await krpBody(h.estate, 'NetworkOperator', yorkshire);
      const { cv5 } = await critical(h, { from: borealis, target: esme, counter: 10n, srv: '6.15.1', body });
      expect(cv5?.responseCode, cv5?.reason).to.equal('I99');
      await h.advance(29_999);
      expect(receiver.all()).to.have.length(0);
      await h.advance(1);
      const timeout = await receiver.waitFor((m) => m.kind === 'response');
      expect(timeout.response!.header.responseCode).to.equal('E21');
      const alert = await receiver.waitFor((m) => m.kind === 'deviceAlert');
      expect(alert.signatureOk, JSON.stringify(alert.reasons)).to.equal(true);
      expect(alert.response!.body).to.deep.include({ kind: 'DeviceAlertMessage', alertCode: '8F70' });
      expect(alert.response!.header.requestId?.toString()).to.equal(`${borealis}:${esme}:10`);
      expect(alert.response!.header.responseId?.originator.equals(esme)).to.equal(true);
      expect(h.journal.entries({ where: (e) => e.kind === 'alert' && e.to === borealis.toString() })).to.have.length(1);
    } finally {
      await receiver.close();
      await h.close();
    }
  });
});

describe('wall-clock time, for standalone servers', () => {
  it('carries a User’s request to the device and back without anyone moving time', async () => {
    const h = await Harness.start({ time: 'wall', http: { port: 0 } });
    const receiver = await ResponseReceiver.start({ keyStore: h.estate.keyStore });
    try {
      const aurora = h.estate.parties.byName('Aurora Energy').eui;
      h.setResponseUrl(aurora, receiver.url);
      const client = new DuisClient({ baseUrl: h.url!, user: aurora, keyStore: h.estate.keyStore });
      const sent = await client.nonCritical({
        target: homeDeviceId(1, 'ESME'),
        srv: '6.24.1',
        body: { kind: 'RetrieveDeviceSecurityCredentialsKRP', remotePartyRoles: ['Supplier', 'NetworkOperator'] },
      });
      expect(sent.responseCode, sent.reason).to.equal('I99');
      const response = await receiver.waitFor((m) => m.kind === 'response');
      expect(response.response!.header.responseCode).to.equal('I0');
      expect(response.signatureOk).to.equal(true);
      let advancing: unknown;
      await h.advance(1).catch((e: unknown) => (advancing = e));
      expect((advancing as Error).message).to.match(/^time: expected 'simulated' to advance time/);
    } finally {
      await receiver.close();
      await h.close();
    }
  });
});
