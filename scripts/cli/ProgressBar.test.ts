import { describe, it } from 'node:test';
import { expect } from 'chai';
import { ProgressBar } from './ProgressBar.ts';

function bar(tty: boolean) {
  let t = 0;
  const written: string[] = [];
  const b = new ProgressBar({ total: 200, unit: 'devices', write: (x) => written.push(x), tty, now: () => t, width: 10 });
  return { b, written, tick: (ms: number) => (t += ms) };
}

describe('ProgressBar', () => {
  it('on a terminal redraws one line in place, with the share done, the counts and the time left', () => {
    const { b, written, tick } = bar(true);
    tick(10_000);
    b.update(50);
    expect(written).to.deep.equal(['\r[███░░░░░░░]  25% 50/200 devices · 10 s, about 30 s left\u001b[K']);
    tick(30_000);
    b.update(200);
    b.finish();
    expect(written.slice(1)).to.deep.equal(['\r[██████████] 100% 200/200 devices · 40 s\u001b[K', '\n']);
  });

  it('elsewhere writes a line at each tenth only, and the last one on finish', () => {
    const { b, written } = bar(false);
    for (let done = 1; done <= 199; done++) b.update(done);
    expect(written).to.have.length(9);
    expect(written[0]).to.match(/^\[█░+\]\s+10% 20\/200 devices · 0 s, about 0 s left\n$/);
    b.finish();
    expect(written).to.have.length(10);
    expect(written.at(-1)).to.match(/100% 200\/200 devices/);
    b.update(200);
    expect(written, 'nothing after finish').to.have.length(10);
  });

  it('clamps counts outside 0 … total and refuses a total it cannot divide', () => {
    const { b } = bar(false);
    expect(b.line(500)).to.match(/100% 200\/200/);
    expect(b.line(-3)).to.match(/\s0% 0\/200/);
    expect(() => new ProgressBar({ total: 0, unit: 'devices', write: () => undefined })).to.throw(/total must be a whole number above 0/);
  });
});
