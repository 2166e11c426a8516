import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Journal } from './Journal.ts';

const at = new Date('2026-01-01T00:00:00Z');
const message = { at, via: 'DUIS', from: 'supplier', to: 'DSP', kind: 'request', summary: 'SRV 6.15.1', payload: '<x/>' } as const;

describe('Journal', () => {
  it('numbers entries in order and filters them', () => {
    const journal = new Journal();
    journal.append(message);
    journal.append({ ...message, kind: 'response' });
    expect(journal.entries().map((e) => e.seq)).to.deep.equal([1, 2]);
    expect(journal.entries({ afterSeq: 1 }).map((e) => e.kind)).to.deep.equal(['response']);
    expect(journal.entries({ where: (e) => e.kind === 'request' })).to.have.length(1);
  });

  it('tells subscribers of new entries until they unsubscribe', () => {
    const journal = new Journal();
    const seen: number[] = [];
    const stop = journal.subscribe((e) => seen.push(e.seq));
    journal.append(message);
    stop();
    journal.append(message);
    expect(seen).to.deep.equal([1]);
  });

  it('keeps entries immutable, and drops payloads when told to', () => {
    const entry = new Journal({ keepPayloads: false }).append(message);
    expect(entry.payload).to.equal(undefined);
    expect(Object.isFrozen(entry)).to.equal(true);
  });

  it('says which interfaces keep payloads, so writers need not make those dropped', () => {
    expect(new Journal().keepsPayload('CSP')).to.equal(true);
    expect(new Journal({ keepPayloads: false }).keepsPayload('GBCS')).to.equal(false);
    const batch = new Journal({ keepPayloads: ['GBCS'] });
    expect([batch.keepsPayload('GBCS'), batch.keepsPayload('CSP'), batch.keepsPayload('DUIS')]).to.deep.equal([true, false, false]);
  });
});
