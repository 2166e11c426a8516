import { describe, it } from 'node:test';
import { expect } from 'chai';
import { SimulatedClock } from '../core/clock.ts';
import { InvalidInputError } from '../core/errors.ts';
import { MAX_REQUEST_COUNTER } from '../core/RequestId.ts';
import { RequestCounter } from './RequestCounter.ts';

describe('RequestCounter', () => {
  it('starts from the clock in ms and stays strictly increasing when the clock stands still or goes back', () => {
    const clock = new SimulatedClock('2026-01-01T00:00:00Z');
    const counter = new RequestCounter({ clock });
    const start = BigInt(clock.now().getTime());
    expect([counter.next(), counter.next()]).to.deep.equal([start, start + 1n]);
    clock.set('2025-01-01T00:00:00Z');
    expect(counter.next()).to.equal(start + 2n);
    clock.set('2027-01-01T00:00:00Z');
    expect(counter.next()).to.equal(BigInt(clock.now().getTime()));
  });

  it('starts from a given start (the clock is then ignored) and jumps past observed counters', () => {
    const counter = new RequestCounter({ start: 0, clock: new SimulatedClock() });
    expect(counter.last).to.equal(undefined);
    expect(counter.next()).to.equal(0n);
    counter.observe(100n);
    counter.observe(7n);
    expect(counter.last).to.equal(100n);
    expect(counter.next()).to.equal(101n);
  });

  it('refuses a bad start, no start nor clock, and running past 2^64-1', () => {
    expect(() => new RequestCounter({ start: -1 })).to.throw(InvalidInputError, /start/);
    expect(() => new RequestCounter()).to.throw(InvalidInputError, /a start counter or a clock/);
    const counter = new RequestCounter({ start: MAX_REQUEST_COUNTER });
    expect(counter.next()).to.equal(MAX_REQUEST_COUNTER);
    expect(() => counter.next()).to.throw(InvalidInputError, /at most/);
  });
});
