/** Small inline SVG charts for a self-contained HTML page: no scripts, no external assets. */

export interface Series {
  readonly name: string;
  readonly color: string;
  readonly values: readonly number[];
}

export interface BarChartInput {
  readonly title: string;
  readonly categories: readonly string[];
  readonly series: readonly Series[];
  readonly format: (value: number) => string;
  readonly width?: number;
  readonly height?: number;
}

/** Grouped vertical bars: one group per category, one bar per series, value labels above the bars. */
export function barChart(input: BarChartInput): string {
  const width = input.width ?? 640;
  const legendH = 18 * input.series.length;
  const height = (input.height ?? 280) + legendH;
  const top = 40;
  const bottom = 30 + legendH;
  const left = 52;
  const plotH = height - top - bottom;
  const plotW = width - left - 16;
  const max = niceCeiling(Math.max(...input.series.flatMap((s) => s.values), 0));
  const groupW = plotW / Math.max(input.categories.length, 1);
  const barW = Math.min(48, (groupW * 0.8) / Math.max(input.series.length, 1));
  const parts: string[] = [];
  for (let i = 0; i <= 4; i++) {
    const y = top + plotH - (plotH * i) / 4;
    parts.push(`<line x1="${left}" x2="${width - 16}" y1="${y}" y2="${y}" stroke="#ddd"/>`);
    parts.push(`<text x="${left - 6}" y="${y + 4}" text-anchor="end" font-size="11" fill="#555">${esc(input.format((max * i) / 4))}</text>`);
  }
  input.categories.forEach((category, c) => {
    const x0 = left + c * groupW + (groupW - barW * input.series.length) / 2;
    input.series.forEach((s, k) => {
      const value = s.values[c] ?? 0;
      const h = (plotH * value) / max;
      const x = x0 + k * barW;
      const y = top + plotH - h;
      parts.push(
        `<rect x="${r(x)}" y="${r(y)}" width="${r(barW - 2)}" height="${r(h)}" fill="${s.color}"><title>${esc(`${s.name}, ${category}: ${input.format(value)}`)}</title></rect>`,
        `<text x="${r(x + (barW - 2) / 2)}" y="${r(y - 4)}" text-anchor="middle" font-size="11">${esc(input.format(value))}</text>`,
      );
    });
    parts.push(`<text x="${r(left + c * groupW + groupW / 2)}" y="${top + plotH + 18}" text-anchor="middle" font-size="12">${esc(category)}</text>`);
  });
  input.series.forEach((s, k) => {
    const y = height - legendH + k * 18;
    parts.push(`<rect x="${left}" y="${y}" width="12" height="12" fill="${s.color}"/>`);
    parts.push(`<text x="${left + 18}" y="${y + 10}" font-size="12">${esc(s.name)}</text>`);
  });
  return svg(width, height, input.title, parts);
}

export interface HorizontalBarsInput {
  readonly title: string;
  readonly items: readonly { readonly label: string; readonly value: number; readonly color?: string }[];
  readonly format: (value: number) => string;
  readonly width?: number;
}

/** One horizontal bar per item, longest first as given, label on the left and value on the right. */
export function horizontalBars(input: HorizontalBarsInput): string {
  const width = input.width ?? 760;
  const row = 26;
  const labelW = 400;
  const height = 36 + Math.max(input.items.length, 1) * row;
  const max = Math.max(...input.items.map((i) => i.value), 0) || 1;
  const plotW = width - labelW - 60;
  const parts: string[] = [];
  if (input.items.length === 0) parts.push('<text x="12" y="50" font-size="12" fill="#555">None.</text>');
  input.items.forEach((item, i) => {
    const y = 28 + i * row;
    const w = (plotW * item.value) / max;
    parts.push(
      `<text x="${labelW - 8}" y="${y + 14}" text-anchor="end" font-size="12">${esc(item.label)}</text>`,
      `<rect x="${labelW}" y="${y + 2}" width="${r(w)}" height="16" fill="${item.color ?? '#c0504d'}"><title>${esc(`${item.label}: ${input.format(item.value)}`)}</title></rect>`,
      `<text x="${r(labelW + w + 6)}" y="${y + 14}" font-size="12">${esc(input.format(item.value))}</text>`,
    );
  });
  return svg(width, height, input.title, parts);
}

/** The smallest of 1, 2, 2.5, 5 × 10^k at or above `value` (1 for nothing), so the axis reads in round steps. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 2.5, 5, 10].find((m) => m * power >= value - 1e-12) ?? 10) * power;
}

function svg(width: number, height: number, title: string, parts: readonly string[]): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(title)}">` +
    `<title>${esc(title)}</title><text x="8" y="18" font-size="14" font-weight="bold">${esc(title)}</text>${parts.join('')}</svg>`
  );
}

function r(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** Text for HTML or SVG content and attribute values. */
export function esc(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}
