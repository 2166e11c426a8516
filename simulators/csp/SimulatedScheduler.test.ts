/** The simulated timer queue: order, cancellation, held work, draining, errors. */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { SimulatedClock } from '../core/clock.ts';
import { SimulatedScheduler } from './SimulatedScheduler.ts';

const T0 = Date.parse('2026-01-01T00:00:00Z');

function scheduler() {
  const clock = new SimulatedClock(new Date(T0));
  return { clock, s: new SimulatedScheduler(clock) };
}

describe('SimulatedScheduler', () => {
  it('runs due tasks in time order, ties in scheduling order, with the clock at each task time', async () => {
    const { clock, s } = scheduler();
    const ran: string[] = [];
    const at = (ms: number, name: string) => s.schedule(T0 + ms, () => void ran.push(`${name}@${clock.now().getTime() - T0}`));
    at(300, 'c');
    at(100, 'a');
    at(100, 'b');
    at(500, 'late');
    await s.advance(300);
    expect(ran).to.deep.equal(['a@100', 'b@100', 'c@300']);
    expect(clock.now().getTime()).to.equal(T0 + 300);
    expect(s.pending).to.equal(1);
    expect(s.nextAt?.getTime()).to.equal(T0 + 500);
  });

  it('runs what a task schedules within the same advance, and cancelled tasks never', async () => {
    const { s } = scheduler();
    const ran: string[] = [];
    s.schedule(T0 + 10, () => {
      ran.push('first');
      s.schedule(T0 + 20, () => void ran.push('follow-up'));
    });
    const cancel = s.schedule(T0 + 15, () => void ran.push('cancelled'));
    cancel();
    await s.advance(20);
    expect(ran).to.deep.equal(['first', 'follow-up']);
  });

  it('keeps (time, scheduling order) over thousands of tasks with most cancelled, and counts only those waiting', async () => {
    const { clock, s } = scheduler();
    // A fixed pseudo-random walk: times with many ties, every third task left standing.
    let x = 12345;
    const rand = () => (x = (x * 1103515245 + 12345) % 2 ** 31) % 500;
    const ran: number[] = [];
    const expected: { at: number; seq: number }[] = [];
    const cancels: (() => void)[] = [];
    for (let seq = 0; seq < 5000; seq++) {
      const at = rand();
      const cancel = s.schedule(T0 + at, () => {
        expect(clock.now().getTime()).to.equal(T0 + at);
        ran.push(seq);
      });
      if (seq % 3 === 0) expected.push({ at, seq });
      else cancels.push(cancel);
    }
    for (const cancel of cancels) cancel();
    for (const cancel of cancels) cancel(); // twice: still one cancellation each
    expect(s.pending).to.equal(expected.length);
    expect(s.nextAt?.getTime()).to.equal(T0 + Math.min(...expected.map((e) => e.at)));
    await s.advance(250);
    const due = expected.filter((e) => e.at <= 250).sort((a, b) => a.at - b.at || a.seq - b.seq);
    expect(ran).to.deep.equal(due.map((e) => e.seq));
    expect(s.pending).to.equal(expected.length - due.length);
    await s.drain();
    expect(ran).to.deep.equal([...expected].sort((a, b) => a.at - b.at || a.seq - b.seq).map((e) => e.seq));
    expect(s.pending).to.equal(0);
    expect(s.nextAt).to.equal(undefined);
  });

  it('takes a cancel after its task ran as a no-op', async () => {
    const { s } = scheduler();
    const ran: string[] = [];
    const cancel = s.schedule(T0 + 10, () => void ran.push('ran'));
    s.schedule(T0 + 20, () => void ran.push('later'));
    await s.advance(10);
    cancel();
    expect(s.pending).to.equal(1);
    await s.advance(10);
    expect(ran).to.deep.equal(['ran', 'later']);
  });

  it('does not move the clock on while held work is in flight', async () => {
    const { clock, s } = scheduler();
    const ran: number[] = [];
    s.schedule(T0 + 10, async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      s.schedule(clock.now().getTime() + 5, () => void ran.push(clock.now().getTime() - T0));
    });
    await s.advance(100);
    expect(ran).to.deep.equal([15]);
  });

  it('drains every task however far ahead, or up to a limit', async () => {
    const { clock, s } = scheduler();
    s.schedule(T0 + 1_000, () => undefined);
    s.schedule(T0 + 86_400_000, () => undefined);
    await s.drain({ limitMs: 60_000 });
    expect(clock.now().getTime()).to.equal(T0 + 1_000);
    await s.drain();
    expect(clock.now().getTime()).to.equal(T0 + 86_400_000);
    expect(s.pending).to.equal(0);
  });

  it('serialises overlapping advances; a task error stops its advance there and rejects it', async () => {
    const { clock, s } = scheduler();
    s.schedule(T0 + 5, () => {
      throw new Error('boom');
    });
    const first = s.advance(10);
    const second = s.advance(10);
    await first.then(
      () => expect.fail('should reject'),
      (error: Error) => expect(error.message).to.equal('boom'),
    );
    await second;
    // the failed advance stopped at the failing task (5 ms); the second ran its 10 ms from there
    expect(clock.now().getTime()).to.equal(T0 + 15);
    expect(() => s.advance(-1)).to.throw(RangeError);
  });
});
