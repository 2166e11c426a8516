import { describe, it } from 'node:test';
import { expect } from 'chai';
import { CsvSyntaxError, csvLine, parseCsv } from './csv.ts';

describe('parseCsv', () => {
  it('splits fields, trims unquoted ones and skips blank lines', () => {
    expect(parseCsv('a, b ,c\n\n  \n1,,3\n')).to.deep.equal([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 4, fields: ['1', '', '3'] },
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, keeping line numbers right', () => {
    const rows = parseCsv('\uFEFFname,note\r\n"Smith, J","said ""hi""\nthen left"\r\nx,"  kept  "\n');
    expect(rows).to.deep.equal([
      { line: 1, fields: ['name', 'note'] },
      { line: 2, fields: ['Smith, J', 'said "hi"\nthen left'] },
      { line: 4, fields: ['x', '  kept  '] },
    ]);
  });

  it('reads a last record without a line break, and an empty quoted field', () => {
    expect(parseCsv('a,""')).to.deep.equal([{ line: 1, fields: ['a', ''] }]);
  });

  for (const [text, line, problem] of [
    ['a\n"open', 2, 'a quoted field is not closed'],
    ['"a"b,c', 1, 'text after the closing quote of a field'],
    ['a\nb"c', 2, 'a quote inside an unquoted field (b"c)'],
  ] as const) {
    it(`refuses ${JSON.stringify(text)} at line ${line}`, () => {
      try {
        parseCsv(text);
        expect.fail('no error');
      } catch (error) {
        expect(error).to.be.instanceOf(CsvSyntaxError);
        expect(error).to.include({ line, problem });
      }
    });
  }
});

describe('csvLine', () => {
  it('quotes only fields that need it, and parses back', () => {
    const fields = ['plain', 'with, comma', 'with "quote"', 'two\nlines', ''];
    const line = csvLine(fields);
    expect(line).to.equal('plain,"with, comma","with ""quote""","two\nlines",');
    expect(parseCsv(line)[0]!.fields).to.deep.equal(fields);
  });
});
