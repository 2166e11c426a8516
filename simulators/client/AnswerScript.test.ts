import { describe, it } from 'node:test';
import { expect } from 'chai';
import { InvalidInputError } from '../core/errors.ts';
import { AnswerScript, isTaken } from './AnswerScript.ts';
import { MessageLog } from './MessageLog.ts';

describe('AnswerScript', () => {
  it('answers planned POSTs in order, then the default', () => {
    const script = new AnswerScript();
    script.failNext(2);
    script.delayNext(1, 10);
    expect(script.planned).to.equal(3);
    expect([script.take(), script.take(), script.take(), script.take()]).to.deep.equal([
      { status: 503 },
      { status: 503 },
      { status: 200, delayMs: 10 },
      { status: 200 },
    ]);
    script.setDefault({ status: 500 });
    expect(isTaken(script.take())).to.equal(false);
    script.reset();
    expect(isTaken(script.take())).to.equal(true);
  });

  it('refuses counts and statuses that make no sense', () => {
    const script = new AnswerScript();
    expect(() => script.failNext(-1)).to.throw(InvalidInputError, /whole number/);
    expect(() => script.failNext(1, 99)).to.throw(InvalidInputError, /200 to 599/);
    expect(() => script.delayNext(1, -5)).to.throw(InvalidInputError, /delayMs/);
  });
});

describe('MessageLog', () => {
  it('a predicate that throws fails only its own wait', async () => {
    const log = new MessageLog<number>(String);
    const bad = log.waitFor(() => {
      throw new Error('broken predicate');
    }).catch((e: unknown) => e);
    const good = log.waitFor((n) => n === 1);
    log.add(1);
    expect(String(await bad)).to.match(/broken predicate/);
    expect(await good).to.equal(1);
    expect(log.all()).to.deep.equal([1]);
  });
});
