import { describe, it } from 'node:test';
import { expect } from 'chai';
import { SimulatedClock } from '../core/clock.ts';
import { Semaphore } from './Semaphore.ts';
import { instantSleep, realSleep, untilAborted } from './sleep.ts';

const rejection = (promise: Promise<unknown>) => promise.then(() => 'resolved', (error: unknown) => error);

describe('sleeps and the POST semaphore', () => {
  it('realSleep waits on a timer and stops when aborted', async () => {
    const started = Date.now();
    await realSleep(15, new AbortController().signal);
    expect(Date.now() - started).to.be.at.least(14);
    const stop = new AbortController();
    const waiting = realSleep(60_000, stop.signal);
    stop.abort(new Error('closed'));
    expect(await rejection(waiting)).to.have.property('message', 'closed');
  });

  it('instantSleep takes no time, advances simulated time and reports each wait', async () => {
    const clock = new SimulatedClock('2026-01-01T00:00:00Z');
    const asked: number[] = [];
    const sleep = instantSleep({ clock, onSleep: (ms) => asked.push(ms) });
    await sleep(1500, new AbortController().signal);
    expect(asked).to.deep.equal([1500]);
    expect(clock.now().toISOString()).to.equal('2026-01-01T00:00:01.500Z');
  });

  it('untilAborted gives up on a promise that ignores the signal', async () => {
    const stop = new AbortController();
    const never = untilAborted(new Promise<void>(() => undefined), stop.signal);
    stop.abort(new Error('closed'));
    expect(await rejection(never)).to.have.property('message', 'closed');
  });

  it('the semaphore serves waiters in turn and drops those whose signal aborts', async () => {
    const semaphore = new Semaphore(1);
    const order: string[] = [];
    const signal = new AbortController().signal;
    await semaphore.acquire(signal);
    const gone = new AbortController();
    const first = semaphore.acquire(gone.signal);
    const second = semaphore.acquire(signal).then(() => order.push('second'));
    gone.abort(new Error('closed'));
    expect(await rejection(first)).to.have.property('message', 'closed');
    semaphore.release();
    await second;
    expect(order).to.deep.equal(['second']);
    expect(() => new Semaphore(0)).to.throw(RangeError);
  });
});
