/**
 * A plain-text table: a header, a rule of dashes, the rows; columns two spaces apart, numbers
 * right-aligned, text left-aligned, no trailing spaces. Each line ends with a line break.
 */
export function textTable(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number'));
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) =>
    r
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(headers), rule, ...cells.slice(1).map(line)].map((l) => `${l}\n`).join('');
}
