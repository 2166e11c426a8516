import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import { LazyXml, textOf } from '../duis/LazyXml.ts';
import { type InProcessInbox, InProcessOutbox } from './InProcessOutbox.ts';
import type { DeliveryMeta } from './UserOutbox.ts';

const AURORA = Eui.parse('90-B3-D5-1F-40-01-01-00');
const BOREALIS = Eui.parse('90-B3-D5-1F-40-01-02-00');
const meta = (requestId: string): DeliveryMeta => ({ kind: 'response', requestId, responseCode: 'I0' });

/** An inbox that records what it was handed. */
function recording(): { inbox: InProcessInbox; got: { xml: string; meta: DeliveryMeta }[] } {
  const got: { xml: string; meta: DeliveryMeta }[] = [];
  return { got, inbox: (xml, m) => void got.push({ xml: textOf(xml), meta: m }) };
}

describe('InProcessOutbox', () => {
  it("hands messages to the User's inbox after deliver returns, in the order given", async () => {
    const outbox = new InProcessOutbox();
    const { inbox, got } = recording();
    outbox.register(AURORA, inbox);
    outbox.deliver(AURORA, '<m>1</m>', meta('a'));
    outbox.deliver(AURORA, '<m>2</m>', meta('b'));
    outbox.deliver(AURORA, '<m>3</m>', { kind: 'dccAlert', alertCode: 'N42' });
    expect(got, 'nothing is handed over synchronously').to.deep.equal([]);
    expect(outbox.delivered).to.equal(0);
    await outbox.idle();
    expect(got.map((g) => g.xml)).to.deep.equal(['<m>1</m>', '<m>2</m>', '<m>3</m>']);
    expect(got[0]!.meta).to.deep.equal(meta('a'));
    expect(got[2]!.meta).to.deep.equal({ kind: 'dccAlert', alertCode: 'N42' });
    expect(outbox.delivered).to.equal(3);
    expect(outbox.undelivered()).to.deep.equal([]);
  });

  it('gives each User only its own messages, and an inbox registered later replaces the first', async () => {
    const outbox = new InProcessOutbox();
    const a = recording();
    const b = recording();
    const b2 = recording();
    outbox.register(AURORA, a.inbox);
    outbox.register(BOREALIS, b.inbox);
    outbox.deliver(BOREALIS, '<b>1</b>', meta('b1'));
    outbox.deliver(AURORA, '<a>1</a>', meta('a1'));
    await outbox.idle();
    outbox.register(Eui.parse('90b3d51f40010200'), b2.inbox);
    outbox.deliver(BOREALIS, '<b>2</b>', meta('b2'));
    await outbox.idle();
    expect(a.got.map((g) => g.xml)).to.deep.equal(['<a>1</a>']);
    expect(b.got.map((g) => g.xml)).to.deep.equal(['<b>1</b>']);
    expect(b2.got.map((g) => g.xml)).to.deep.equal(['<b>2</b>']);
    expect(outbox.delivered).to.equal(3);
  });

  it('keeps a message for a User with no inbox, with the reason, and throws nothing', async () => {
    const outbox = new InProcessOutbox();
    const { inbox, got } = recording();
    outbox.register(AURORA, inbox);
    expect(() => outbox.deliver(BOREALIS, '<lost/>', meta('x'))).to.not.throw();
    await outbox.idle();
    expect(got).to.deep.equal([]);
    expect(outbox.delivered).to.equal(0);
    const kept = outbox.undelivered();
    expect(kept).to.have.length(1);
    expect(kept[0]!.userEui.equals(BOREALIS)).to.equal(true);
    expect(kept[0]).to.deep.include({ xml: '<lost/>', meta: meta('x') });
    expect(kept[0]!.reason).to.match(/no in-process inbox is registered/);
    expect(outbox.undelivered(BOREALIS)).to.have.length(1);
    expect(outbox.undelivered(AURORA)).to.deep.equal([]);
  });

  it("keeps a message whose inbox throws or rejects, with the error's message, and goes on with the next", async () => {
    const outbox = new InProcessOutbox();
    const taken: string[] = [];
    outbox.register(AURORA, (xml) => {
      if (xml === '<bad/>') throw new Error('cannot parse this');
      taken.push(textOf(xml));
    });
    outbox.register(BOREALIS, async () => {
      await Promise.resolve();
      throw new Error('receiver closed');
    });
    outbox.deliver(AURORA, '<bad/>', meta('1'));
    outbox.deliver(AURORA, '<good/>', meta('2'));
    outbox.deliver(BOREALIS, '<late/>', meta('3'));
    await outbox.idle();
    expect(taken).to.deep.equal(['<good/>']);
    expect(outbox.delivered).to.equal(1);
    expect(outbox.undelivered().map((m) => [m.xml, m.reason])).to.deep.equal([
      ['<bad/>', "the User's inbox threw: cannot parse this"],
      ['<late/>', "the User's inbox threw: receiver closed"],
    ]);
  });

  it('idle() waits for slow inboxes, including messages handed over while it waits', async () => {
    const outbox = new InProcessOutbox();
    const finished: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    outbox.register(AURORA, async (xml) => {
      await gate;
      finished.push(textOf(xml));
      if (xml === '<first/>') outbox.deliver(AURORA, '<follow-up/>', meta('f'));
    });
    outbox.deliver(AURORA, '<first/>', meta('1'));
    outbox.deliver(AURORA, '<second/>', meta('2'));
    let idle = false;
    const waiting = outbox.idle().then(() => (idle = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(idle).to.equal(false);
    expect(finished).to.deep.equal([]);
    release();
    await waiting;
    expect(finished).to.deep.equal(['<first/>', '<second/>', '<follow-up/>']);
    expect(outbox.delivered).to.equal(3);
    await outbox.close();
  });

  it('idle() resolves at once when nothing was handed over', async () => {
    const outbox = new InProcessOutbox();
    await outbox.idle();
    expect(outbox.delivered).to.equal(0);
    expect(outbox.undelivered()).to.deep.equal([]);
  });

  it('stops delivering to an inbox once its unregister function is called (even for a message already handed over)', async () => {
    const outbox = new InProcessOutbox();
    const { inbox, got } = recording();
    const unregister = outbox.register(AURORA, inbox);
    outbox.deliver(AURORA, '<before/>', meta('1'));
    await outbox.idle();
    outbox.deliver(AURORA, '<pending/>', meta('2'));
    unregister();
    outbox.deliver(AURORA, '<after/>', meta('3'));
    await outbox.idle();
    expect(got.map((g) => g.xml)).to.deep.equal(['<before/>']);
    expect(outbox.delivered).to.equal(1);
    expect(outbox.undelivered(AURORA).map((m) => m.xml)).to.deep.equal(['<pending/>', '<after/>']);
  });

  it('an old unregister function does not remove the inbox that replaced it', async () => {
    const outbox = new InProcessOutbox();
    const first = recording();
    const second = recording();
    const unregisterFirst = outbox.register(AURORA, first.inbox);
    outbox.register(AURORA, second.inbox);
    unregisterFirst();
    outbox.deliver(AURORA, '<m/>', meta('1'));
    await outbox.idle();
    expect(first.got).to.deep.equal([]);
    expect(second.got.map((g) => g.xml)).to.deep.equal(['<m/>']);
  });

  it('hands over a document still to be written without writing it, and writes a kept one', async () => {
    const outbox = new InProcessOutbox();
    const written: string[] = [];
    const document = (text: string) => new LazyXml(() => (written.push(text), text));
    const handed: unknown[] = [];
    outbox.register(AURORA, (xml) => void handed.push(xml));
    const taken = document('<taken/>');
    outbox.deliver(AURORA, taken, meta('1'));
    outbox.deliver(BOREALIS, document('<kept/>'), meta('2'));
    await outbox.idle();
    expect(handed).to.have.length(1);
    expect(handed[0]).to.equal(taken);
    expect(written).to.deep.equal(['<kept/>']);
    expect(outbox.undelivered().map((m) => m.xml)).to.deep.equal(['<kept/>']);
  });
});
