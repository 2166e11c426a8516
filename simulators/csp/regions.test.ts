/** Region settings as data, and which WAN region serves an inventory CSP region. */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { InvalidInputError } from '../core/errors.ts';
import { RegionLinks } from './RegionLinks.ts';
import { seededRandom } from './random.ts';
import { DEFAULT_REGION_SETTINGS, parseRegionSettings, parseWanRegion, wanRegionOf } from './regions.ts';

describe('CSP region settings', () => {
  it('reads settings from data over a base, keeping what is not given', () => {
    const s = parseRegionSettings({
      latency: { fixedMs: 120, jitterMs: '30' },
      outages: [{ from: '2026-03-01T12:00:00Z', to: '2026-03-01T13:00:00Z' }],
    });
    expect(s.latency).to.deep.equal({ fixedMs: 120, jitterMs: 30 });
    expect(s.outages[0]!.to.toISOString()).to.equal('2026-03-01T13:00:00.000Z');
    expect(s.lossProbability).to.equal(0);
    expect(s.responseTimeoutMs).to.equal(DEFAULT_REGION_SETTINGS.responseTimeoutMs);
    expect(parseRegionSettings({ latency: 50 }, s).outages).to.have.length(1);
  });

  it('refuses bad data naming the field', () => {
    expect(() => parseRegionSettings({ lossProbability: 2 })).to.throw(InvalidInputError, /csp\.lossProbability/);
    expect(() => parseRegionSettings({ latency: { fixedMs: -1 } })).to.throw(InvalidInputError, /csp\.latency\.fixedMs/);
    expect(() => parseRegionSettings({ responseTimeoutMs: 0 })).to.throw(InvalidInputError, /responseTimeoutMs/);
    expect(() => parseRegionSettings({ outages: [{ from: '2026-03-01T13:00:00Z', to: '2026-03-01T12:00:00Z' }] })).to.throw(
      InvalidInputError,
      /csp\.outages\[0\]\.to/,
    );
    expect(() => parseWanRegion('Midlands')).to.throw(InvalidInputError, /North, Central, South/);
  });

  it('serves 4G regions from the same regional WAN; SMETS1 and Unknown have none', () => {
    expect(wanRegionOf('North')).to.equal('North');
    expect(wanRegionOf('4G South')).to.equal('South');
    expect(wanRegionOf('SMETS1')).to.equal(undefined);
    expect(wanRegionOf('Unknown')).to.equal(undefined);
    expect(wanRegionOf(undefined)).to.equal(undefined);
  });

  it('samples latency and loss from the injected random, the same every run for a seed', () => {
    const sample = () => {
      const links = new RegionLinks({ North: { latency: { fixedMs: 100, jitterMs: 50 }, lossProbability: 0.5 } }, seededRandom(7));
      return Array.from({ length: 20 }, () => links.pass('North', 0, 1));
    };
    const a = sample();
    expect(a).to.deep.equal(sample());
    for (const p of a) if (p.kind === 'carried') expect(p.latencyMs).to.be.within(100, 150);
    const lost = a.filter((p) => p.kind === 'carried' && p.lost[0]).length;
    expect(lost).to.be.within(3, 17);
    expect(new RegionLinks().pass('South', 0, 2)).to.deep.equal({ kind: 'carried', at: 0, latencyMs: 0, lost: [false, false] });
  });
});
