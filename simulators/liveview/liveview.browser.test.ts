/**
 * The live view in a real browser: Debian's Chromium (`/usr/bin/chromium`), driven by
 * playwright-core – never a downloaded browser. Skipped, saying why, when either is missing.
 * Screenshots go to reports/liveview/; the assertions read the page's text and DOM, not pixels.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { Harness } from '../harness/index.ts';
import { type RunningLiveView, startLiveView } from './startLiveView.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const SHOTS = join(import.meta.dirname, '..', '..', 'reports', 'liveview');
const MP107_ESME = '00-DB-40-00-00-07-00-01';
const REGISTERED_NO = 'SP Energy Networks (Merseyside & N Wales)';

const playwright = await import('playwright-core').catch(() => undefined);
const skip = !existsSync(CHROMIUM)
  ? `${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium; scripts/ensure-system-packages.sh does)`
  : playwright === undefined
    ? 'playwright-core is missing: npm install (it is a devDependency)'
    : false;

describe('the live view in headless Chromium', { skip }, () => {
  let h: Harness;
  let live: RunningLiveView;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    h = await Harness.start({ http: { port: 0 } });
    live = await startLiveView({ harness: h });
    browser = await playwright!.chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
    page = await browser.newPage({ viewport: { width: 1600, height: 1100 }, reducedMotion: 'reduce' });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
  });

  after(async () => {
    await browser?.close();
    await live?.close();
    await h?.close();
  });

  const noCell = (slot: string) => page.locator(`[data-device="${MP107_ESME}"] [data-cell="${slot}"]`);

  async function replay(ruleSet: string): Promise<string> {
    await page.getByLabel('Story', { exact: true }).selectOption('wrong-no-smets1');
    await page.getByLabel('Rule set', { exact: true }).selectOption(ruleSet);
    await page.getByRole('button', { name: 'Replay story' }).click();
    const status = page.locator('#replay-status');
    await status.filter({ hasText: new RegExp(`under ${ruleSet}: (refused|accepted)`) }).waitFor({ timeout: 15_000 });
    return (await status.textContent()) ?? '';
  }

  it('shows the running estate: the rule set in force and the devices with wrong NO cells in red', async () => {
    await page.goto(`${live.url}/live`);
    await page.locator('[data-device]').first().waitFor();
    expect(await page.locator('#rule-set-in-force').textContent()).to.equal('baseline');
    expect(await page.locator('[data-device]').count()).to.equal(h.inventory.devices().length);
    expect(await noCell('networkOperatorDS').getAttribute('data-state')).to.equal('wrong');
    expect(await noCell('networkOperatorDS').textContent()).to.contain(`registered NO is ${REGISTERED_NO}`);
    expect(await page.locator('#connection').textContent()).to.equal('live');
    await page.screenshot({ path: join(SHOTS, 'estate.png') });
  });

  it('replays wrong-no-smets1 under baseline: a red E4 arrow, the slots still wrong', async () => {
    const status = await replay('baseline');
    expect(status).to.match(/refused E4/);
    const refused = page.locator('.msg[data-code="E4"]');
    expect(await refused.count()).to.be.at.least(1);
    expect(await refused.first().locator('.label').textContent()).to.equal('6.15.1 · refusal · E4');
    expect(await refused.first().getAttribute('data-tone')).to.equal('refused');
    expect(await page.locator('.msg[data-kind="slot-replacement"]').count()).to.equal(0);
    expect(await page.locator('#rule-set-in-force').textContent()).to.equal('baseline');
    expect(await page.locator('#run-title').textContent()).to.contain('under baseline');
    for (const slot of ['networkOperatorDS', 'networkOperatorKA']) {
      expect(await noCell(slot).getAttribute('data-state')).to.equal('wrong');
      expect(await noCell(slot).textContent()).to.contain('UK Power Networks (London)').and.contain(`registered NO is ${REGISTERED_NO}`);
    }
    const lanes = await page.locator('.lane-head .lane-label').allTextContents();
    expect(lanes).to.deep.equal(['UK Power Networks (London)', 'DSP', 'S1SP-B', 'ESME (SMETS1)']);
    await page.screenshot({ path: join(SHOTS, 'baseline.png') });
  });

  it('replays it under mp107-r1: the rule set shown, the slots corrected, no E4', async () => {
    const status = await replay('mp107-r1');
    expect(status).to.match(/accepted \(I0, I99, I0\)/);
    expect(await page.locator('#rule-set-in-force').textContent()).to.equal('mp107-r1');
    expect(await page.locator('.msg[data-code="E4"]').count()).to.equal(0);
    expect(await page.locator('.msg[data-kind="slot-replacement"]').count()).to.equal(2);
    for (const slot of ['networkOperatorDS', 'networkOperatorKA']) {
      await noCell(slot).and(page.locator('[data-state="ok"]')).waitFor();
      expect(await noCell(slot).textContent()).to.contain(REGISTERED_NO).and.not.contain('WRONG');
    }
    expect(await page.locator(`[data-device="${MP107_ESME}"] [data-state="wrong"]`).count()).to.equal(0);
    await page.screenshot({ path: join(SHOTS, 'mp107-r1.png') });
    expect(errors, errors.join('\n')).to.deep.equal([]);
  });
});
