import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Eui } from '../core/Eui.ts';
import { newMessage, type OutboundMessage } from './messages.ts';
import { UserQueues } from './UserQueues.ts';

const user = Eui.parse('90-B3-D5-1F-30-01-00-0A');
const other = Eui.parse('90-B3-D5-1F-30-01-00-0B');
const at = new Date('2026-01-01T00:00:00Z');
const message = (seq: number, to = user) => newMessage(seq, to, `<m>${seq}</m>`, { kind: 'response' }, at);

/** A deliver function whose calls the test settles by hand. */
function manual() {
  const calls: { message: OutboundMessage; settle: (error?: Error) => void }[] = [];
  const deliver = (m: OutboundMessage) =>
    new Promise<void>((resolve, reject) => calls.push({ message: m, settle: (e) => (e ? reject(e) : resolve()) }));
  return { calls, deliver };
}

describe('UserQueues', () => {
  it('works one message per User at a time, in sequence order, Users side by side', async () => {
    const { calls, deliver } = manual();
    const queues = new UserQueues(1, deliver, () => undefined);
    queues.enqueue([message(3), message(1), message(2, other)]);
    queues.enqueue([message(0)]);
    expect(calls.map((c) => c.message.seq)).to.deep.equal([1, 2]);
    expect(queues.pending(user).map((m) => m.seq)).to.deep.equal([0, 1, 3]);
    calls[0]!.settle();
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls.map((c) => c.message.seq)).to.deep.equal([1, 2, 0]);
    expect(queues.drain().map((m) => m.seq)).to.deep.equal([3]);
    calls[1]!.settle();
    calls[2]!.settle();
    await queues.idle();
    expect(queues.pending()).to.deep.equal([]);
  });

  it('runs up to perUser messages of one User at once when told to', () => {
    const { calls, deliver } = manual();
    new UserQueues(2, deliver, () => undefined).enqueue([message(1), message(2), message(3)]);
    expect(calls.map((c) => c.message.seq)).to.deep.equal([1, 2]);
  });

  it('hands a message whose delivery threw to the failure handler and carries on', async () => {
    const failed: [number, string][] = [];
    const { calls, deliver } = manual();
    const queues = new UserQueues(1, deliver, (m, e) => failed.push([m.seq, (e as Error).message]));
    queues.enqueue([message(1), message(2)]);
    calls[0]!.settle(new Error('boom'));
    await new Promise((resolve) => setImmediate(resolve));
    calls[1]!.settle();
    await queues.idle();
    expect(failed).to.deep.equal([[1, 'boom']]);
    expect(() => new UserQueues(0, deliver, () => undefined)).to.throw(RangeError);
  });
});
