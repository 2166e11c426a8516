import type { JournalEntry } from '../core/Journal.ts';

/**
 * A sequence diagram of journal entries as one self-contained SVG document (no scripts, fonts or
 * external references): a lane per participant, an arrow per entry in journal order, labelled with
 * the SRV, the kind and the response code, the entry's summary beneath, the whole entry as a tooltip.
 * A pure function: the same entries and options give the same bytes.
 */

/** What a lane stands for; lanes are drawn in this order, then by first appearance. */
export type LaneKind = 'user' | 'dcc' | 'dsp' | 'csp' | 'device' | 's1sp' | 'smets1Device' | 'other';

export const LANE_ORDER: readonly LaneKind[] = ['user', 'dcc', 'dsp', 'csp', 'device', 's1sp', 'smets1Device', 'other'];

/** How a lane is headed. */
export interface Participant {
  readonly label: string;
  /** A second, smaller line (e.g. the EUI). */
  readonly detail?: string;
  /** Overrides the kind read from the entries. */
  readonly kind?: LaneKind;
}

/** The part of a journal entry the diagram draws. */
export type DiagramEntry = Pick<JournalEntry, 'seq' | 'at' | 'via' | 'from' | 'to' | 'kind' | 'summary'> &
  Partial<Pick<JournalEntry, 'srv' | 'responseCode' | 'requestId'>>;

export interface SequenceDiagramOptions {
  readonly title?: string;
  /** Heads a lane (a journal `from` / `to`: a party's EUI, a device's EUI, `DSP`, `S1SP-B` …); default: the name itself. */
  readonly participant?: (lane: string) => Participant | undefined;
  /**
   * Which entries to draw. Default: all but `DELIVERY` – the POSTs that carry DUIS responses and
   * alerts already drawn as the DSP's DUIS entries.
   */
  readonly include?: (entry: DiagramEntry) => boolean;
  /**
   * Draw SMETS2 traffic through a CSP lane (default true when any entry crossed the CSP): the DSP's
   * GBCS entries become DSP ↔ CSP, the CSP's carried frames CSP ↔ device.
   */
  readonly throughCsp?: boolean;
}

const GUTTER = 44;
const MARGIN = 16;
const TITLE_HEIGHT = 28;
const HEADER_HEIGHT = 44;
const ROW_HEIGHT = 40;
const MIN_LANE = 128;
const MAX_LANE = 300;
/** Estimated width of a bold 12 px character (labels); details use 5.6. */
const CHAR_WIDTH = 7.4;
const SUMMARY_MAX = 96;
/** Estimated character widths of arrow labels (11 px bold), summaries (9.5 px) and the title (15 px bold). */
const LABEL_CHAR_WIDTH = 6.8;
const SUMMARY_CHAR_WIDTH = 5.3;
const TITLE_CHAR_WIDTH = 8.6;
const FONT = 'Helvetica, Arial, sans-serif';

type Style = 'request' | 'ok' | 'refusal' | 'alert' | 'failure' | 'change' | 'other';

const STYLES: Readonly<Record<Style, { readonly colour: string; readonly dash?: string }>> = {
  request: { colour: '#1f4e79' },
  ok: { colour: '#2e7d32', dash: '6 3' },
  refusal: { colour: '#c62828', dash: '6 3' },
  alert: { colour: '#e65100', dash: '2 3' },
  failure: { colour: '#c62828' },
  change: { colour: '#6a1b9a' },
  other: { colour: '#616161', dash: '4 4' },
};

const LANE_FILL: Readonly<Record<LaneKind, string>> = {
  user: '#e3f2fd',
  dcc: '#ede7f6',
  dsp: '#fff3e0',
  csp: '#f1f8e9',
  device: '#e8f5e9',
  s1sp: '#fce4ec',
  smets1Device: '#f3e5f5',
  other: '#f5f5f5',
};

interface Lane {
  readonly name: string;
  readonly kind: LaneKind;
  readonly label: string;
  readonly detail?: string;
  readonly first: number;
  x: number;
  width: number;
}

interface Arrow {
  readonly entry: DiagramEntry;
  readonly from: string;
  readonly to: string;
}

export function sequenceDiagramSvg(entries: readonly DiagramEntry[], options: SequenceDiagramOptions = {}): string {
  const include = options.include ?? ((e: DiagramEntry) => e.via !== 'DELIVERY');
  const drawn = entries.filter(include);
  const throughCsp = options.throughCsp ?? drawn.some((e) => e.via === 'CSP');
  const arrows = drawn.map((entry) => arrowOf(entry, throughCsp));
  const lanes = layOutLanes(arrows, options.participant ?? (() => undefined));
  const byName = new Map(lanes.map((l) => [l.name, l]));
  const top = MARGIN + (options.title ? TITLE_HEIGHT : 0);
  const firstRow = top + HEADER_HEIGHT + ROW_HEIGHT * 0.75;
  const extent = textExtent(arrows, byName);
  const shift = Math.max(0, Math.ceil(GUTTER - extent.left));
  for (const lane of lanes) lane.x += shift;
  const lanesRight = GUTTER + shift + lanes.reduce((sum, l) => sum + l.width, 0);
  const titleRight = options.title ? MARGIN + options.title.length * TITLE_CHAR_WIDTH : 0;
  const width = Math.ceil(Math.max(lanesRight, extent.right + shift, titleRight) + MARGIN);
  const height = firstRow + Math.max(arrows.length, 1) * ROW_HEIGHT + MARGIN;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${width}" height="${height}" ` +
      `viewBox="0 0 ${width} ${height}" font-family="${FONT}" font-size="12">`,
  );
  out.push(`<title>${escapeXml(options.title ?? 'Sequence diagram')}</title>`);
  out.push(`<defs>${Object.entries(STYLES).map(([name, s]) => marker(name, s.colour)).join('')}</defs>`);
  out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  if (options.title) {
    out.push(`<text x="${MARGIN}" y="${MARGIN + 16}" font-size="15" font-weight="bold" fill="#212121">${escapeXml(options.title)}</text>`);
  }
  for (const lane of lanes) out.push(laneSvg(lane, top, height - MARGIN));
  if (arrows.length === 0) {
    out.push(`<text x="${MARGIN}" y="${firstRow}" fill="#616161">no messages</text>`);
  }
  arrows.forEach((arrow, i) => out.push(arrowSvg(arrow, byName, firstRow + i * ROW_HEIGHT)));
  out.push('</svg>');
  return out.join('\n') + '\n';
}

/** How far the arrows' texts reach left and right, centred on their arrows (self-messages: to the right). */
function textExtent(arrows: readonly Arrow[], lanes: ReadonlyMap<string, Lane>): { left: number; right: number } {
  let left = Number.POSITIVE_INFINITY;
  let right = 0;
  for (const arrow of arrows) {
    const from = lanes.get(arrow.from)!;
    const to = lanes.get(arrow.to)!;
    const summary = Math.min(arrow.entry.summary.length, SUMMARY_MAX);
    const text = Math.max(labelOf(arrow.entry).length * LABEL_CHAR_WIDTH, summary * SUMMARY_CHAR_WIDTH);
    if (from === to) {
      left = Math.min(left, from.x);
      right = Math.max(right, from.x + 34 + text);
    } else {
      const centre = (from.x + to.x) / 2;
      left = Math.min(left, centre - text / 2);
      right = Math.max(right, centre + text / 2);
    }
  }
  return { left: Number.isFinite(left) ? left : GUTTER, right };
}

/** Which lanes an entry joins: as journalled, or through the CSP lane for SMETS2 traffic. */
function arrowOf(entry: DiagramEntry, throughCsp: boolean): Arrow {
  const { from, to } = entry;
  if (!throughCsp || from === to) return { entry, from, to };
  if (entry.via === 'CSP' && from === 'DSP') return { entry, from: 'CSP', to };
  if (entry.via === 'CSP' && to === 'DSP' && from !== 'CSP') return { entry, from, to: 'CSP' };
  if (entry.via === 'GBCS' && from === 'DSP') return { entry, from, to: 'CSP' };
  if (entry.via === 'GBCS' && to === 'DSP') return { entry, from: 'CSP', to };
  return { entry, from, to };
}

function layOutLanes(arrows: readonly Arrow[], participant: (lane: string) => Participant | undefined): Lane[] {
  const kinds = new Map<string, LaneKind>();
  const first = new Map<string, number>();
  const see = (name: string, kind: LaneKind, at: number) => {
    if (!first.has(name)) first.set(name, at);
    const known = kinds.get(name);
    if (known === undefined || known === 'other') kinds.set(name, kind);
  };
  arrows.forEach((arrow, i) => {
    for (const [name, other] of [[arrow.from, arrow.to], [arrow.to, arrow.from]] as const) {
      see(name, kindOf(name, other, arrow.entry.via), i);
    }
  });
  const lanes: Lane[] = [...first.keys()].map((name) => {
    const p = participant(name);
    return {
      name,
      kind: p?.kind ?? kinds.get(name) ?? 'other',
      label: p?.label ?? name,
      ...(p?.detail !== undefined && { detail: p.detail }),
      first: first.get(name)!,
      x: 0,
      width: 0,
    };
  });
  lanes.sort((a, b) => LANE_ORDER.indexOf(a.kind) - LANE_ORDER.indexOf(b.kind) || a.first - b.first);
  let x = GUTTER;
  for (const lane of lanes) {
    const text = Math.max(lane.label.length, (lane.detail ?? '').length * 0.85);
    lane.width = clamp(Math.ceil(text * CHAR_WIDTH) + 24, MIN_LANE, MAX_LANE);
    lane.x = x + lane.width / 2;
    x += lane.width;
  }
  return lanes;
}

/** A lane's kind from the names the journal uses and the interface the entry crossed. */
function kindOf(name: string, other: string, via: string): LaneKind {
  if (name === 'DSP') return 'dsp';
  if (name === 'CSP') return 'csp';
  if (name === 'DCC') return 'dcc';
  if (/^S1SP\b/i.test(name)) return 's1sp';
  switch (via) {
    case 'DUIS':
    case 'DELIVERY':
      return 'user';
    case 'GBCS':
    case 'CSP':
      return 'device';
    case 'S1SP':
      return /^S1SP\b/i.test(other) ? 'smets1Device' : 'other';
    default:
      return 'other';
  }
}

function laneSvg(lane: Lane, top: number, bottom: number): string {
  const left = lane.x - lane.width / 2 + 4;
  const boxWidth = lane.width - 8;
  const label = fit(lane.label, boxWidth);
  const lines = [
    `<g class="lane" data-lane="${escapeXml(lane.name)}" data-kind="${lane.kind}">`,
    `<line x1="${fmt(lane.x)}" y1="${top + HEADER_HEIGHT}" x2="${fmt(lane.x)}" y2="${bottom}" stroke="#9e9e9e" stroke-dasharray="3 4"/>`,
    `<rect x="${fmt(left)}" y="${top}" width="${fmt(boxWidth)}" height="${HEADER_HEIGHT - 6}" rx="5" ` +
      `fill="${LANE_FILL[lane.kind]}" stroke="#757575"/>`,
    `<text x="${fmt(lane.x)}" y="${top + (lane.detail ? 16 : 23)}" text-anchor="middle" font-weight="bold" fill="#212121">` +
      `${escapeXml(label)}</text>`,
  ];
  if (lane.detail) {
    lines.push(
      `<text x="${fmt(lane.x)}" y="${top + 31}" text-anchor="middle" font-size="10" fill="#424242">${escapeXml(fit(lane.detail, boxWidth, 5.6))}</text>`,
    );
  }
  if (label !== lane.label) lines.push(`<title>${escapeXml(lane.label)}</title>`);
  lines.push('</g>');
  return lines.join('');
}

function arrowSvg(arrow: Arrow, lanes: ReadonlyMap<string, Lane>, y: number): string {
  const { entry } = arrow;
  const style = styleOf(entry);
  const { colour, dash } = STYLES[style];
  const from = lanes.get(arrow.from)!;
  const to = lanes.get(arrow.to)!;
  const dashed = dash ? ` stroke-dasharray="${dash}"` : '';
  const stroke = `stroke="${colour}" stroke-width="1.6" fill="none"${dashed} marker-end="url(#sd-${style})"`;
  const label = labelOf(entry);
  const summary = entry.summary.length > SUMMARY_MAX ? `${entry.summary.slice(0, SUMMARY_MAX - 1)}…` : entry.summary;
  const tooltip = [`#${entry.seq} ${entry.at.toISOString()} ${entry.via}`, `${entry.from} → ${entry.to}`, entry.summary]
    .concat(entry.requestId ? [`RequestID ${entry.requestId}`] : [])
    .join('\n');
  const parts = [
    `<g class="message" data-seq="${entry.seq}" data-kind="${escapeXml(entry.kind)}">`,
    `<title>${escapeXml(tooltip)}</title>`,
    `<text x="${GUTTER - 8}" y="${fmt(y + 4)}" text-anchor="end" font-size="10" fill="#757575">${entry.seq}</text>`,
  ];
  let textX: number;
  let anchor: string;
  if (from === to) {
    const x = from.x;
    parts.push(`<path d="M ${fmt(x)} ${fmt(y - 6)} h 28 v 12 h -26" ${stroke}/>`);
    textX = x + 34;
    anchor = 'start';
  } else {
    const direction = to.x > from.x ? 1 : -1;
    parts.push(`<line x1="${fmt(from.x)}" y1="${fmt(y)}" x2="${fmt(to.x - direction * 2)}" y2="${fmt(y)}" ${stroke}/>`);
    textX = (from.x + to.x) / 2;
    anchor = 'middle';
  }
  const halo = 'paint-order="stroke" stroke="#ffffff" stroke-width="3" stroke-linejoin="round"';
  parts.push(
    `<text x="${fmt(textX)}" y="${fmt(y - 5)}" text-anchor="${anchor}" font-size="11" font-weight="bold" fill="${colour}" ${halo}>` +
      `${escapeXml(label)}</text>`,
    `<text x="${fmt(textX)}" y="${fmt(y + 13)}" text-anchor="${anchor}" font-size="9.5" fill="#424242" ${halo}>${escapeXml(summary)}</text>`,
    '</g>',
  );
  return parts.join('');
}

/** `SRV 6.15.1 · response · I0`: what an arrow is labelled with. */
export function labelOf(entry: DiagramEntry): string {
  return [entry.srv && `SRV ${entry.srv}`, entry.kind, entry.responseCode].filter((p): p is string => Boolean(p)).join(' · ');
}

function styleOf(entry: DiagramEntry): Style {
  const code = entry.responseCode ?? '';
  switch (entry.kind) {
    case 'request':
    case 'command':
    case 'pre-command':
    case 'job':
      return 'request';
    case 'response':
      return code.startsWith('E') ? 'refusal' : 'ok';
    case 'refusal':
      return 'refusal';
    case 'alert':
      return 'alert';
    case 'error':
    case 'failure':
    case 'lost':
    case 'timeout':
    case 'unreachable':
    case 'late-response':
      return 'failure';
    case 'slot-replacement':
      return 'change';
    default:
      return 'other';
  }
}

function marker(name: string, colour: string): string {
  return (
    `<marker id="sd-${name}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">` +
    `<path d="M 0 0 L 10 5 L 0 10 z" fill="${colour}"/></marker>`
  );
}

/** Shortens `text` to what fits in `width` pixels at the estimated character width. */
function fit(text: string, width: number, charWidth = CHAR_WIDTH): string {
  const max = Math.floor((width - 8) / charWidth);
  return text.length <= max ? text : `${text.slice(0, Math.max(max - 1, 1))}…`;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** Text and attribute values: the five XML specials, and control characters XML 1.0 cannot carry. */
export function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex -- replacing exactly the characters XML 1.0 forbids
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
