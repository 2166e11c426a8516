/** Journal options for large runs: entries not kept (listeners read them), payloads kept per interface. */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { frameOf, Journal, type JournalEntry, type JournalInput } from './Journal.ts';

const at = new Date('2026-01-01T00:00:00Z');
const duis: JournalInput = { at, via: 'DUIS', from: 'supplier', to: 'DSP', kind: 'request', summary: 'SRV 6.15.1', payload: '<x/>' };
const gbcs: JournalInput = { at, via: 'GBCS', from: 'DSP', to: 'device', kind: 'command', summary: 'SRV 6.15.1 to device', payload: 'd901' };
const csp: JournalInput = { at, via: 'CSP', from: 'CSP', to: 'device', kind: 'command', summary: 'frame', payload: 'ab' };

describe('Journal: keepEntries', () => {
  it('keeps entries by default, and says so', () => {
    const journal = new Journal();
    journal.append(duis);
    expect(journal.keepsEntries).to.equal(true);
    expect(journal.entries()).to.have.length(1);
    expect(journal.size).to.equal(1);
  });

  it('false: entries() stays empty, size counts every entry, listeners get each one numbered in order', () => {
    const journal = new Journal({ keepEntries: false });
    const heard: JournalEntry[] = [];
    journal.subscribe((e) => heard.push(e));
    const returned = [journal.append(duis), journal.append(gbcs), journal.append({ ...duis, kind: 'response' })];
    expect(journal.keepsEntries).to.equal(false);
    expect(journal.entries()).to.deep.equal([]);
    expect(journal.entries({ afterSeq: 1 })).to.deep.equal([]);
    expect(journal.entries({ where: () => true })).to.deep.equal([]);
    expect(journal.size).to.equal(3);
    expect(heard.map((e) => [e.seq, e.via, e.kind])).to.deep.equal([
      [1, 'DUIS', 'request'],
      [2, 'GBCS', 'command'],
      [3, 'DUIS', 'response'],
    ]);
    expect(returned.map((e) => e.seq)).to.deep.equal([1, 2, 3]);
    expect(heard[0]).to.equal(returned[0]);
    expect(heard[1]).to.deep.include({ payload: 'd901', summary: 'SRV 6.15.1 to device' });
    expect(Object.isFrozen(heard[2])).to.equal(true);
  });

  it('false: a listener that subscribes late gets the numbering the journal had reached', () => {
    const journal = new Journal({ keepEntries: false });
    journal.append(duis);
    journal.append(duis);
    const seqs: number[] = [];
    const stop = journal.subscribe((e) => seqs.push(e.seq));
    journal.append(gbcs);
    stop();
    journal.append(gbcs);
    expect(seqs).to.deep.equal([3]);
    expect(journal.size).to.equal(4);
  });
});

describe('Journal: keepPayloads', () => {
  it("['GBCS'] keeps the GBCS payloads only; entries and their other fields are kept", () => {
    const journal = new Journal({ keepPayloads: ['GBCS'] });
    const [a, b, c] = [journal.append(duis), journal.append(gbcs), journal.append(csp)];
    expect(a!.payload).to.equal(undefined);
    expect('payload' in a!).to.equal(false);
    expect(b!.payload).to.equal('d901');
    expect(c!.payload).to.equal(undefined);
    expect(journal.entries().map((e) => [e.via, e.summary, e.payload])).to.deep.equal([
      ['DUIS', 'SRV 6.15.1', undefined],
      ['GBCS', 'SRV 6.15.1 to device', 'd901'],
      ['CSP', 'frame', undefined],
    ]);
  });

  it('[] keeps none, true keeps all, and an entry without a payload gets none either way', () => {
    const none = new Journal({ keepPayloads: [] });
    expect([none.append(duis).payload, none.append(gbcs).payload]).to.deep.equal([undefined, undefined]);
    const all = new Journal({ keepPayloads: true });
    expect([all.append(duis).payload, all.append(gbcs).payload]).to.deep.equal(['<x/>', 'd901']);
    const { payload: _dropped, ...bare } = gbcs;
    expect('payload' in new Journal({ keepPayloads: ['GBCS'] }).append(bare)).to.equal(false);
  });

  it('with keepEntries false, listeners see the payloads kept by keepPayloads', () => {
    const journal = new Journal({ keepEntries: false, keepPayloads: ['GBCS'] });
    const heard: (string | undefined)[] = [];
    journal.subscribe((e) => heard.push(e.payload));
    journal.append(duis);
    journal.append(gbcs);
    expect(heard).to.deep.equal([undefined, 'd901']);
  });
});

describe('Journal: frames', () => {
  const frame = Buffer.from('df0901', 'hex');
  const { payload: _hex, ...withoutHex } = gbcs;
  const framedInput: JournalInput = { ...withoutHex, frame };

  it('writes the hex of a frame as the payload where payloads are kept, and keeps no bytes with kept entries', () => {
    const journal = new Journal({ keepPayloads: ['GBCS'] });
    const entry = journal.append(framedInput);
    expect(entry.payload).to.equal('df0901');
    expect('frame' in entry).to.equal(false);
    expect(frameOf(entry)).to.equal(undefined);
    expect(JSON.parse(JSON.stringify(entry))).to.not.have.property('frame');
  });

  it('keeps neither hex nor bytes where payloads are not kept and entries are', () => {
    const entry = new Journal({ keepPayloads: false }).append(framedInput);
    expect('payload' in entry).to.equal(false);
    expect(frameOf(entry)).to.equal(undefined);
  });

  it('with keepEntries false, listeners get the bytes beside the hex where payloads are kept', () => {
    const journal = new Journal({ keepEntries: false, keepPayloads: ['GBCS'] });
    const heard: [string | undefined, Buffer | undefined][] = [];
    journal.subscribe((e) => heard.push([e.payload, frameOf(e)]));
    journal.append(framedInput);
    expect(heard).to.deep.equal([['df0901', frame]]);
  });

  it('with keepEntries false and no payloads, listeners get the bytes and no hex is written', () => {
    const journal = new Journal({ keepEntries: false, keepPayloads: false });
    const heard: [string | undefined, Buffer | undefined][] = [];
    journal.subscribe((e) => heard.push([e.payload, frameOf(e)]));
    journal.append(framedInput);
    expect(heard).to.deep.equal([[undefined, frame]]);
    expect(journal.entries()).to.deep.equal([]);
  });

  it('entries with text payloads have no frame', () => {
    expect(frameOf(new Journal().append(gbcs))).to.equal(undefined);
  });
});
