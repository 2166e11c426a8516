import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Journal } from '../core/Journal.ts';
import { parseXmlStrict } from '../xmldsig/parseXmlStrict.ts';
import { type DiagramEntry, escapeXml, labelOf, sequenceDiagramSvg } from './sequenceDiagram.ts';

const at = new Date('2026-01-01T00:00:00Z');
const USER = '90-B3-D5-1F-40-04-04-00';
const ESME = '00-DB-40-00-00-01-00-01';
const SMETS1 = '00-DB-40-00-00-02-00-01';
const REQUEST_ID = `${USER}:${ESME}:1`;

/** A critical request refused by the device, as the harness journals it (one CSP hop each way). */
function deviceRefusal(): Journal {
  const journal = new Journal();
  const duis = { at, via: 'DUIS', srv: '6.15.1', requestId: REQUEST_ID } as const;
  journal.append({ ...duis, from: USER, to: 'DSP', kind: 'request', summary: 'SRV 6.15.1 CV 4 on serviceT', payload: '<sr:Request/>' });
  journal.append({ ...duis, from: 'DSP', to: USER, kind: 'response', responseCode: 'I0', summary: 'I0: Pre-Command' });
  journal.append({ ...duis, via: 'GBCS', from: 'DSP', to: ESME, kind: 'command', summary: `SRV 6.15.1 to device ${ESME}` });
  journal.append({ at, via: 'CSP', from: 'DSP', to: ESME, kind: 'command', summary: 'command carried by CSP South in 0 ms' });
  journal.append({ at, via: 'CSP', from: ESME, to: 'DSP', kind: 'alert', summary: 'alert carried by CSP South in 0 ms' });
  journal.append({ ...duis, via: 'GBCS', from: ESME, to: 'DSP', kind: 'alert', summary: 'device alert 8F30' });
  journal.append({ ...duis, from: 'DSP', to: USER, kind: 'alert', responseCode: 'I0', summary: 'device alert 8F30 from the ESME' });
  journal.append({ at, via: 'DELIVERY', from: 'DSP', to: USER, kind: 'delivery', summary: 'POST … → 200, delivered' });
  return journal;
}

/** Throws unless the SVG is well-formed XML (warnings included). */
function parse(svg: string): Document {
  return parseXmlStrict(svg);
}

/** xmldom's node lists are not iterable. */
function elements(node: Document | Element, name: string): Element[] {
  const list = node.getElementsByTagName(name);
  return Array.from({ length: list.length }, (_, i) => list.item(i)!);
}

function lanes(doc: Document): string[] {
  return elements(doc, 'g')
    .filter((g) => g.getAttribute('class') === 'lane')
    .map((g) => `${g.getAttribute('data-kind')}:${g.getAttribute('data-lane')}`);
}

function messages(doc: Document): Element[] {
  return elements(doc, 'g').filter((g) => g.getAttribute('class') === 'message');
}

describe('sequenceDiagramSvg', () => {
  it('draws a self-contained SVG: User, DSP, CSP and device lanes, one arrow per entry but the DELIVERY POSTs', () => {
    const svg = sequenceDiagramSvg(deviceRefusal().entries(), { title: 'the device refuses it' });
    const doc = parse(svg);
    const root = doc.documentElement!;
    expect(root.localName).to.equal('svg');
    expect(root.namespaceURI).to.equal('http://www.w3.org/2000/svg');
    expect(svg).not.to.match(/<script|href=|@import|url\((?!#sd-)/);
    expect(lanes(doc)).to.deep.equal([`user:${USER}`, 'dsp:DSP', 'csp:CSP', `device:${ESME}`]);
    expect(messages(doc).map((m) => m.getAttribute('data-seq'))).to.deep.equal(['1', '2', '3', '4', '5', '6', '7']);
    expect(svg).to.contain('the device refuses it');
  });

  it('routes SMETS2 traffic through the CSP lane: GBCS entries DSP ↔ CSP, carried frames CSP ↔ device', () => {
    const svg = sequenceDiagramSvg(deviceRefusal().entries());
    const x = (lane: string) => Number(/x1="([\d.]+)"/.exec(svg.split(`data-lane="${lane}"`)[1]!)![1]);
    const arrow = (seq: number) => {
      const m = new RegExp(`data-seq="${seq}"[^]*?<line x1="([\\d.]+)" y1="[\\d.]+" x2="([\\d.]+)"`).exec(svg)!;
      return [Number(m[1]), Number(m[2])];
    };
    const [dsp, csp, esme] = [x('DSP'), x('CSP'), x(ESME)];
    expect(arrow(3)[0]).to.equal(dsp); // GBCS command: DSP → CSP
    expect(Math.abs(arrow(3)[1]! - csp)).to.be.lessThan(3);
    expect(arrow(4)[0]).to.equal(csp); // carried: CSP → device
    expect(Math.abs(arrow(4)[1]! - esme)).to.be.lessThan(3);
    expect(arrow(5)[0]).to.equal(esme); // the alert back: device → CSP → DSP
    expect(arrow(6)[0]).to.equal(csp);
    const asJournalled = sequenceDiagramSvg(deviceRefusal().entries(), { throughCsp: false });
    expect(lanes(parse(asJournalled))).to.deep.equal([`user:${USER}`, 'dsp:DSP', `device:${ESME}`]);
  });

  it('labels arrows with SRV, kind and code, keeps the summary beneath and the whole entry as a tooltip', () => {
    const entries = deviceRefusal().entries();
    expect(labelOf(entries[1]!)).to.equal('SRV 6.15.1 · response · I0');
    expect(labelOf(entries[3]!)).to.equal('command');
    const doc = parse(sequenceDiagramSvg(entries));
    const first = messages(doc)[0]!;
    const texts = elements(first, 'text').map((t) => t.textContent);
    expect(texts).to.deep.equal(['1', 'SRV 6.15.1 · request', 'SRV 6.15.1 CV 4 on serviceT']);
    expect(first.getElementsByTagName('title')[0]!.textContent).to.contain(`RequestID ${REQUEST_ID}`);
  });

  it('names lanes with the participant function, escaping what XML needs escaped', () => {
    const svg = sequenceDiagramSvg(deviceRefusal().entries(), {
      title: 'Wales & West <GT>',
      participant: (lane) => (lane === USER ? { label: 'Wales & West Utilities', detail: USER } : undefined),
    });
    const doc = parse(svg);
    expect(svg).to.contain('Wales &amp; West Utilities').and.to.contain('Wales &amp; West &lt;GT&gt;');
    expect(doc.getElementsByTagName('title')[0]!.textContent).to.equal('Wales & West <GT>');
    expect(escapeXml('a"b\'c\u0001')).to.equal('a&quot;b&apos;c\uFFFD');
  });

  it('puts S1SPs and the SMETS1 devices behind them after the SMETS2 side, a DCC job next to the Users', () => {
    const entries: DiagramEntry[] = [
      { seq: 1, at, via: 'DCC', from: 'DCC', to: 'S1SP-B', kind: 'job', summary: 'MP107 R2 correction' },
      { seq: 2, at, via: 'S1SP', from: 'S1SP-B', to: SMETS1, kind: 'slot-replacement', summary: 'network operator DS slot' },
      { seq: 3, at, via: 'S1SP', from: 'DSP', to: 'S1SP-A', kind: 'command', srv: '6.15.1', summary: 'SRV 6.15.1' },
      { seq: 4, at, via: 'DUIS', from: USER, to: 'DSP', kind: 'request', srv: '6.15.1', summary: 'SRV 6.15.1 CV 4' },
      { seq: 5, at, via: 'GBCS', from: 'DSP', to: 'DSP', kind: 'error', summary: 'could not complete' },
    ];
    const doc = parse(sequenceDiagramSvg(entries));
    expect(lanes(doc)).to.deep.equal([`user:${USER}`, 'dcc:DCC', 'dsp:DSP', 's1sp:S1SP-B', 's1sp:S1SP-A', `smets1Device:${SMETS1}`]);
    const self = messages(doc).find((m) => m.getAttribute('data-seq') === '5')!;
    expect(self.getElementsByTagName('path')).to.have.length(1); // a loop back to its own lane
  });

  it('grows to hold its title and the arrows\' texts, moving lanes right when a text would reach into the gutter', () => {
    const width = (svg: string) => Number(/<svg[^>]* width="(\d+)"/.exec(svg)![1]);
    const firstLaneX = (svg: string) => Number(/class="lane"[^>]*><line x1="([\d.]+)"/.exec(svg)![1]);
    const short = [{ seq: 1, at, via: 'DUIS', from: USER, to: 'DSP', kind: 'request', summary: 'short' }] as const;
    const long = [{ ...short[0], summary: 'x'.repeat(90) }];
    expect(width(sequenceDiagramSvg(short, { title: 'T'.repeat(120) }))).to.be.greaterThan(120 * 8);
    expect(width(sequenceDiagramSvg(long))).to.be.greaterThan(width(sequenceDiagramSvg(short)));
    expect(firstLaneX(sequenceDiagramSvg(long))).to.be.greaterThan(firstLaneX(sequenceDiagramSvg(short)));
  });

  it('is deterministic, and says so when there is nothing to draw', () => {
    const entries = deviceRefusal().entries();
    expect(sequenceDiagramSvg(entries)).to.equal(sequenceDiagramSvg(entries));
    const empty = sequenceDiagramSvg([]);
    parse(empty);
    expect(empty).to.contain('no messages');
  });
});
