import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { InvalidFileError } from '../core/errors.ts';
import type { Mpan } from '../core/Mpan.ts';
import {
  loadRegistrationFile,
  parseRegistrationsCsv,
  parseRegistrationsJson,
  registrationsToCsv,
  registrationsToJson,
  saveRegistrationFile,
} from './registrationFiles.ts';
import {
  AURORA,
  BOREALIS,
  CADENT,
  CIRRUS,
  DUNLIN,
  d,
  MPAN_12,
  MPAN_13,
  MPRN,
  NO_13,
  NO_23,
  newStore,
  parties,
} from './testSupport.ts';

const FIXTURE = fileURLToPath(new URL('./fixtures/registrations.csv', import.meta.url));
const HEADER = 'mpxn,fuel,role,party,effectiveFrom,effectiveTo';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rdp-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text, 'utf8');
  return path;
}

describe('loading registrations from the example CSV fixture', () => {
  it('loads every row, resolving party names and role codes', async () => {
    const { store } = newStore();
    expect(await loadRegistrationFile(store, FIXTURE)).to.equal(6);
    expect(store.version).to.equal(1);
    expect(store.supplierAt(MPAN_12, d('2026-01-31'))?.equals(AURORA)).to.equal(true);
    expect(store.supplierAt(MPAN_12, d('2026-02-01'))?.equals(BOREALIS)).to.equal(true);
    expect(store.supplierAt(MPAN_13, d('2026-01-01'))?.equals(CIRRUS)).to.equal(true);
    expect(store.networkOperatorAt(MPAN_13, d('2026-02-28'))?.equals(NO_13)).to.equal(true);
    expect(store.networkOperatorAt(MPAN_13, d('2026-03-01'))?.equals(NO_23)).to.equal(true);
    expect(store.supplierAt(MPRN, d('2026-01-01'))?.equals(DUNLIN)).to.equal(true);
    expect(store.gasTransporterAt(MPRN, d('2026-01-01'))?.equals(CADENT)).to.equal(true);
  });

  it('round-trips through CSV and JSON export', async () => {
    const { store } = newStore();
    await loadRegistrationFile(store, FIXTURE);
    const records = store.toRecords();
    for (const name of ['out.csv', 'out.json']) {
      const path = join(dir, name);
      await saveRegistrationFile(store, path);
      const { store: copy } = newStore();
      await loadRegistrationFile(copy, path);
      expect(copy.toRecords()).to.deep.equal(records);
    }
    expect(registrationsToCsv(records).split('\n')[0]).to.equal(HEADER);
    expect(JSON.parse(registrationsToJson(records))).to.deep.equal(records);
  });
});

describe('CSV registrations', () => {
  it('accepts columns in any order, optional fuel/effectiveTo, quotes, CRLF and blank lines', () => {
    const text =
      'party,effectiveFrom,mpxn,role\r\n"Borealis Power",2026-01-01,1300000000007,supplier\r\n\r\n';
    const parsed = parseRegistrationsCsv(text, 'regs.csv', parties);
    expect(parsed.locations).to.deep.equal(['line 2']);
    expect(parsed.inputs[0]).to.deep.include({ role: 'supplier', to: null });
  });

  it('accepts the RTDS MPAN only with check-digit validation off', () => {
    const text = `${HEADER}\n1312345678333,electricity,supplier,Aurora Energy,2026-01-01,\n`;
    expect(() => parseRegistrationsCsv(text, 'rtds.csv', parties)).to.throw(
      InvalidFileError,
      /^rtds.csv at line 2, column mpxn: expected an MPAN core whose last digit is the check digit 0/,
    );
    const parsed = parseRegistrationsCsv(text, 'rtds.csv', parties, { validateCheckDigit: false });
    expect((parsed.inputs[0]!.mpxn as Mpan).value).to.equal('1312345678333');
  });

  const bad: [string, string, RegExp][] = [
    ['an empty file', '', /^bad.csv: expected a header row/],
    [
      'an unknown column',
      'mpxn,role,party,effectiveFrom,colour\n',
      /^bad.csv at line 1: unknown field "colour"/,
    ],
    ['a missing column', 'mpxn,role,effectiveFrom\n', /^bad.csv at line 1: missing field party$/],
    [
      'a short row',
      `${HEADER}\n1200000000011,electricity,supplier\n`,
      /^bad.csv at line 2: expected 6 fields as in the header, found 3$/,
    ],
    [
      'an unclosed quote',
      `${HEADER}\n1200000000011,electricity,supplier,"Aurora,2026-01-01,\n`,
      /^bad.csv at line 2: a quoted field is not closed$/,
    ],
    [
      'a bad MPxN',
      `${HEADER}\n12345,electricity,supplier,Aurora Energy,2026-01-01,\n`,
      /^bad.csv at line 2, column mpxn: expected an MPAN core of 13 digits or a gas MPRN of 6 to 10 digits, got "12345"$/,
    ],
    [
      'a fuel that does not match',
      `${HEADER}\n7412345678,electricity,supplier,Dunlin Gas,2026-01-01,\n`,
      /^bad.csv at line 2, column fuel: expected gas/,
    ],
    [
      'an unknown role',
      `${HEADER}\n1200000000011,electricity,owner,Aurora Energy,2026-01-01,\n`,
      /column role: expected one of supplier, networkOperator, gasTransporter/,
    ],
    [
      'a gas role on an MPAN',
      `${HEADER}\n1200000000011,,GT,Cadent Gas,2026-01-01,\n`,
      /column role: expected an electricity role \(supplier, networkOperator, or IS, ED\), got "GT"$/,
    ],
    [
      'an unknown party name',
      `${HEADER}\n1200000000011,,supplier,Nobody Energy,2026-01-01,\n`,
      /column party: expected one of the estate's parties/,
    ],
    [
      'a date without a zone',
      `${HEADER}\n1200000000011,,supplier,Aurora Energy,2026-01-01T10:00,\n`,
      /column effectiveFrom: expected a date as YYYY-MM-DD/,
    ],
    [
      'a date that is not in the calendar',
      `${HEADER}\n1200000000011,,supplier,Aurora Energy,2026-02-30,\n`,
      /column effectiveFrom: .*got "2026-02-30"/,
    ],
    [
      'a party without the role',
      `${HEADER}\n1200000000011,,supplier,Dunlin Gas,2026-01-01,\n`,
      /^bad.csv at line 2: party: expected a party holding User Role IS/,
    ],
    [
      'overlapping rows',
      `${HEADER}\n1400000000010,,supplier,Aurora Energy,2026-01-01,\n\n1400000000010,,supplier,Borealis Power,2026-01-15,\n`,
      /^bad.csv at line 4: supplier registration of MPAN 1400000000010: expected a period that does not overlap/,
    ],
    [
      'a row overlapping the store',
      `${HEADER}\n7412345678,,GS,Aurora Energy,2020-01-01,\n`,
      /^bad.csv at line 2: supplier registration of MPRN 7412345678/,
    ],
  ];
  for (const [what, text, message] of bad) {
    it(`refuses ${what}, naming file and line, and changes nothing`, async () => {
      const { store } = newStore();
      await loadRegistrationFile(store, FIXTURE);
      const before = store.toRecords();
      const path = await file('bad.csv', text);
      const error = await loadRegistrationFile(store, path).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(InvalidFileError);
      expect((error as Error).message.replace(path, 'bad.csv')).to.match(message);
      expect(store.toRecords()).to.deep.equal(before);
      expect(store.version).to.equal(1);
    });
  }
});

describe('JSON registrations', () => {
  it('loads an array of records with null or absent effectiveTo', async () => {
    const { store } = newStore();
    const path = await file(
      'ok.json',
      JSON.stringify([
        {
          mpxn: '1200000000011',
          role: 'supplier',
          party: 'Aurora Energy',
          effectiveFrom: '2026-01-01',
          effectiveTo: null,
        },
        {
          mpxn: '7412345678',
          fuel: 'gas',
          role: 'gasTransporter',
          party: '90B3D51F40040100',
          effectiveFrom: '2026-01-01',
        },
      ]),
    );
    expect(await loadRegistrationFile(store, path, { replace: true })).to.equal(2);
    expect(store.gasTransporterAt(MPRN, d('2026-06-01'))?.equals(CADENT)).to.equal(true);
  });

  const bad: [string, string, RegExp][] = [
    ['text that is not JSON', '[{', /^bad.json: expected JSON, but it does not parse/],
    [
      'an object instead of an array',
      '{}',
      /^bad.json: expected an array of registrations, got a value of type object$/,
    ],
    [
      'an entry that is not an object',
      '[1]',
      /^bad.json at \[0\]: expected an object \{mpxn, fuel, role, party, effectiveFrom, effectiveTo\}, got 1$/,
    ],
    [
      'a misspelt field',
      '[{"mpxn":"1200000000011","role":"supplier","party":"Aurora Energy","effectiveFrom":"2026-01-01","efectiveTo":null}]',
      /^bad.json at \[0\]: unknown field "efectiveTo"/,
    ],
    [
      'a number where text is expected',
      '[{"mpxn":1200000000011,"role":"supplier","party":"Aurora Energy","effectiveFrom":"2026-01-01"}]',
      /^bad.json at \[0\].mpxn: expected an MPAN core of 13 digits or a gas MPRN of 6 to 10 digits, got 1200000000011$/,
    ],
    [
      'effectiveTo before effectiveFrom',
      '[{"mpxn":"1200000000011","role":"supplier","party":"Aurora Energy","effectiveFrom":"2026-01-01"},{"mpxn":"1300000000007","role":"supplier","party":"Aurora Energy","effectiveFrom":"2026-01-01","effectiveTo":"2025-01-01"}]',
      /^bad.json at \[1\]: supplier registration of MPAN 1300000000007 effectiveTo: expected a date after effectiveFrom 2026-01-01, got "2025-01-01"$/,
    ],
  ];
  for (const [what, text, message] of bad) {
    it(`refuses ${what}, naming file and JSON path, and changes nothing`, async () => {
      const { store } = newStore();
      store.registerSupplier(MPAN_12, BOREALIS, d('2020-01-01'));
      const path = await file('bad.json', text);
      const error = await loadRegistrationFile(store, path, { replace: true }).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(InvalidFileError);
      expect((error as Error).message.replace(path, 'bad.json')).to.match(message);
      expect(store.registrationsOf(MPAN_12)).to.have.length(1);
      expect(store.version).to.equal(1);
    });
  }

  it('parses JSON text directly without a store', () => {
    const parsed = parseRegistrationsJson('[]', 'inline.json', parties);
    expect(parsed.inputs).to.deep.equal([]);
  });

  it('refuses a file it cannot read or whose format it cannot tell', async () => {
    const { store } = newStore();
    await loadRegistrationFile(store, join(dir, 'missing.csv')).catch((e: unknown) => {
      expect(e).to.be.instanceOf(InvalidFileError);
      expect((e as Error).message).to.match(/missing.csv: cannot be read/);
    });
    const txt = await file('regs.txt', '');
    const error = await loadRegistrationFile(store, txt).catch((e: unknown) => e);
    expect((error as Error).message).to.match(/expected a \.csv or \.json file name/);
    expect(
      await loadRegistrationFile(store, txt, { format: 'csv' }).catch((e: unknown) => (e as Error).message),
    ).to.match(/header row/);
  });
});
