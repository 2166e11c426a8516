/** Fixtures shared by the delivery tests (no msw here: only *.test.ts files import it). */
import { SimulatedClock } from '../core/clock.ts';
import { Eui } from '../core/Eui.ts';
import { Journal } from '../core/Journal.ts';
import { HttpDeliveryClient, type HttpDeliveryClientOptions } from './HttpDeliveryClient.ts';
import { responseUrlsFrom } from './responseUrls.ts';
import { instantSleep } from './sleep.ts';
import type { DeliveryMeta } from './UserOutbox.ts';

export const USER_A = Eui.parse('90-B3-D5-1F-30-01-00-0A');
export const USER_B = Eui.parse('90-B3-D5-1F-30-01-00-0B');
export const USER_C = Eui.parse('90-B3-D5-1F-30-01-00-0C');
export const USER_D = Eui.parse('90-B3-D5-1F-30-01-00-0D');
/** Registered nowhere. */
export const STRANGER = Eui.parse('90-B3-D5-1F-30-01-00-FF');

export const URL_A = 'https://user-a.example/duis/responses';
export const URL_B = 'https://user-b.example/duis/responses';
export const URL_C = 'https://user-c.example/duis/responses';
export const URL_D = 'https://user-d.example/duis/responses';

export const xml = (n: number): string => `<sr:Response xmlns:sr="http://www.dccinterface.co.uk/ServiceUserGateway">${n}</sr:Response>`;

export const response = (n: number): DeliveryMeta => ({
  kind: 'response',
  requestId: `90-B3-D5-1F-30-01-00-0A:00-DB-12-34-56-78-90-A0:${1000 + n}`,
});

/**
 * A client over simulated time: waits take no wall time, advance the clock and are recorded;
 * jitter is fixed at the nominal back-off (random 0.5).
 */
export function harness(overrides: Partial<HttpDeliveryClientOptions> = {}) {
  const journal = new Journal();
  const clock = new SimulatedClock();
  const sleeps: number[] = [];
  const client = new HttpDeliveryClient({
    responseUrl: responseUrlsFrom({
      [USER_A.toString()]: URL_A,
      [USER_B.hex]: URL_B,
      [USER_C.toString()]: URL_C,
      [USER_D.toString()]: URL_D,
    }),
    journal,
    clock,
    random: () => 0.5,
    sleep: instantSleep({ clock, onSleep: (ms) => sleeps.push(ms) }),
    ...overrides,
  });
  const summaries = () => journal.entries().map((entry) => entry.summary);
  return { client, journal, clock, sleeps, summaries };
}

/** A sleep the test releases by hand: every wait hangs until `release()` (or the client closes). */
export function heldSleep() {
  const waiting: (() => void)[] = [];
  const asked: number[] = [];
  const sleep = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      asked.push(ms);
      waiting.push(resolve);
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  return { sleep, asked, release: () => waiting.splice(0).forEach((resolve) => resolve()) };
}

/** Lets pending promise callbacks and I/O run until `done()` holds (fails after `ms`). */
export async function until(done: () => boolean, ms = 2000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('until: condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}
