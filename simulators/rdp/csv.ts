/**
 * A small RFC 4180 CSV reader and writer: comma-separated fields, double-quoted fields may hold
 * commas, line breaks and doubled quotes (`""`). Unquoted fields are trimmed; blank lines are
 * skipped; a leading byte-order mark is ignored; CRLF and LF both end a record.
 */

export interface CsvRow {
  /** The 1-based line the record starts on, for error messages. */
  readonly line: number;
  readonly fields: readonly string[];
}

/** Thrown for malformed CSV; the caller names the file. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly problem: string,
  ) {
    super(`line ${line}: ${problem}`);
    this.name = 'CsvSyntaxError';
  }
}

export function parseCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let line = 1;
  let i = 0;
  while (i < src.length) {
    const start = line;
    const fields: string[] = [];
    let blank = true;
    for (;;) {
      const field = readField();
      if (field.quoted || field.value !== '') blank = false;
      fields.push(field.value);
      if (i < src.length && src[i] === ',') {
        blank = false;
        i += 1;
        continue;
      }
      break;
    }
    // at end of record: a line break or the end of the text
    if (src[i] === '\r' && src[i + 1] === '\n') i += 2;
    else if (src[i] === '\n' || src[i] === '\r') i += 1;
    line += 1;
    if (!blank) rows.push({ line: start, fields });
  }
  return rows;

  function readField(): { value: string; quoted: boolean } {
    let j = i;
    while (src[j] === ' ' || src[j] === '\t') j += 1;
    if (src[j] !== '"') {
      let end = i;
      while (end < src.length && src[end] !== ',' && src[end] !== '\n' && src[end] !== '\r') end += 1;
      const value = src.slice(i, end).trim();
      if (value.includes('"')) throw new CsvSyntaxError(line, `a quote inside an unquoted field (${value})`);
      i = end;
      return { value, quoted: false };
    }
    const opened = line;
    let value = '';
    j += 1;
    for (;;) {
      if (j >= src.length) throw new CsvSyntaxError(opened, 'a quoted field is not closed');
      const c = src[j]!;
      if (c === '"' && src[j + 1] === '"') {
        value += '"';
        j += 2;
      } else if (c === '"') {
        j += 1;
        break;
      } else {
        if (c === '\n' || (c === '\r' && src[j + 1] !== '\n')) line += 1;
        value += c;
        j += 1;
      }
    }
    while (src[j] === ' ' || src[j] === '\t') j += 1;
    if (j < src.length && src[j] !== ',' && src[j] !== '\n' && src[j] !== '\r') {
      throw new CsvSyntaxError(line, 'text after the closing quote of a field');
    }
    i = j;
    return { value, quoted: true };
  }
}

/** One CSV line; fields with a comma, quote or line break are quoted. */
export function csvLine(fields: readonly string[]): string {
  return fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(',');
}
