/**
 * docs/estate.schema.json against parsePopulation, its authority. No JSON Schema validator is a
 * dependency of the project (the ajv in node_modules is eslint's draft-07 v6), so `validate` below
 * checks the subset of draft 2020-12 the schema uses and refuses any other keyword: the schema
 * cannot grow beyond what this test checks.
 */
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_POPULATION_DATA } from '../../simulators/harness/defaultPopulation.ts';
import { parsePopulation } from '../../simulators/harness/parsePopulation.ts';

type Schema = Record<string, unknown>;
const schema = JSON.parse(readFileSync(new URL('../../docs/estate.schema.json', import.meta.url), 'utf8')) as Schema;

const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', '$defs']);

/** Problems of `value` against `s` ([] when valid), for the keywords the estate schema uses. */
function validate(value: unknown, s: Schema, path = '$'): string[] {
  const errors: string[] = [];
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  for (const [keyword, arg] of Object.entries(s)) {
    if (ANNOTATIONS.has(keyword)) continue;
    switch (keyword) {
      case '$ref': {
        const ref = arg as string;
        if (!ref.startsWith('#/$defs/')) throw new Error(`unsupported $ref ${ref}`);
        errors.push(...validate(value, (schema.$defs as Record<string, Schema>)[ref.slice(8)]!, path));
        break;
      }
      case 'type': {
        const ok = { object: isObject, array: Array.isArray(value), string: typeof value === 'string', boolean: typeof value === 'boolean', integer: Number.isInteger(value), number: typeof value === 'number' }[arg as string];
        if (ok === undefined) throw new Error(`unsupported type ${String(arg)}`);
        if (!ok) errors.push(`${path}: not ${String(arg)}`);
        break;
      }
      case 'enum':
        if (!(arg as unknown[]).includes(value)) errors.push(`${path}: not one of ${(arg as unknown[]).join(', ')}`);
        break;
      case 'const':
        if (value !== arg) errors.push(`${path}: not ${String(arg)}`);
        break;
      case 'pattern':
        if (typeof value === 'string' && !new RegExp(arg as string, 'u').test(value)) errors.push(`${path}: does not match ${String(arg)}`);
        break;
      case 'minimum':
        if (typeof value === 'number' && value < (arg as number)) errors.push(`${path}: below ${String(arg)}`);
        break;
      case 'maximum':
        if (typeof value === 'number' && value > (arg as number)) errors.push(`${path}: above ${String(arg)}`);
        break;
      case 'required':
        if (isObject) for (const k of arg as string[]) if (!(k in value)) errors.push(`${path}: ${k} missing`);
        break;
      case 'properties':
        if (isObject) for (const [k, sub] of Object.entries(arg as Record<string, Schema>)) if (k in value) errors.push(...validate((value as Schema)[k], sub, `${path}.${k}`));
        break;
      case 'additionalProperties':
        if (arg !== false) throw new Error('only additionalProperties: false is supported');
        if (isObject) for (const k of Object.keys(value)) if (!(k in ((s.properties as Schema | undefined) ?? {}))) errors.push(`${path}: unknown field ${k}`);
        break;
      case 'items':
        if (Array.isArray(value)) value.forEach((v, i) => errors.push(...validate(v, arg as Schema, `${path}[${i}]`)));
        break;
      case 'allOf':
        for (const sub of arg as Schema[]) errors.push(...validate(value, sub, path));
        break;
      case 'anyOf':
        if (!(arg as Schema[]).some((sub) => validate(value, sub, path).length === 0)) errors.push(`${path}: matches none of anyOf`);
        break;
      case 'not':
        if (validate(value, arg as Schema, path).length === 0) errors.push(`${path}: matches a "not"`);
        break;
      case 'if':
        if (validate(value, arg as Schema, path).length === 0 && s.then) errors.push(...validate(value, s.then as Schema, path));
        break;
      case 'then':
        break;
      default:
        throw new Error(`the estate schema uses "${keyword}", which this test does not check`);
    }
  }
  return errors;
}

function parserVerdict(data: unknown): string | undefined {
  try {
    parsePopulation(data, 'estate.yaml');
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** The field list parsePopulation names when it refuses an unknown field. */
function parserFields(data: unknown): string[] {
  const message = parserVerdict(data) ?? '';
  const m = /expected one of the fields (.*), got/.exec(message);
  if (!m) throw new Error(`no field list in: ${message}`);
  return m[1]!.split(', ');
}

const home = { name: 'one', supplier: 'Cirrus Energy', smets: 'SMETS2', region: 'North', mpan: '1500000000015' };
const README_EXAMPLE = `
registeredFrom: 2025-01-01
validateCheckDigits: true
homes:
  - name: Cirrus Energy, North East – the wrong NO
    number: 3
    supplier: Cirrus Energy
    smets: SMETS2
    region: North
    mpan: '1500000000033'
    mprn: '7400000003'
    networkOperatorCells: Northern Powergrid (Yorkshire)
    devices: { ESME: 00-DB-40-00-00-03-00-01 }
  - name: a SMETS1 home
    supplier: Borealis Power
    smets: SMETS1
    s1sp: S1SP-A
    mpan: '1200000000067'
`;

describe('docs/estate.schema.json', () => {
  it('is draft 2020-12 and asks for homes', () => {
    expect(schema.$schema).to.equal('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).to.deep.equal(['homes']);
  });

  it('names exactly the fields parsePopulation accepts, at the top and in a home', () => {
    expect(Object.keys(schema.properties as Schema).sort()).to.deep.equal(parserFields({ homes: [], zzz: 1 }).sort());
    const homeSchema = (schema.$defs as Record<string, Schema>).home!;
    expect(Object.keys(homeSchema.properties as Schema).sort()).to.deep.equal(parserFields({ homes: [{ ...home, zzz: 1 }] }).sort());
  });

  it('accepts the embedded default population, as parsePopulation does', () => {
    const data = JSON.parse(JSON.stringify(DEFAULT_POPULATION_DATA)) as unknown;
    expect(validate(data, schema)).to.deep.equal([]);
    expect(parserVerdict(data)).to.equal(undefined);
  });

  it('accepts the README example in YAML, as parsePopulation does', () => {
    const data = parseYaml(README_EXAMPLE) as unknown;
    expect(parserVerdict(data)).to.equal(undefined);
    expect(validate(data, schema)).to.deep.equal([]);
  });

  const refused: [string, unknown][] = [
    ['no homes', {}],
    ['homes not a list', { homes: {} }],
    ['an unknown top field', { homes: [], owner: 'me' }],
    ['validateCheckDigits not a boolean', { homes: [], validateCheckDigits: 'no' }],
    ['registeredFrom not a date', { homes: [], registeredFrom: 'soon' }],
    ['a home without a name', { homes: [{ ...home, name: undefined }] }],
    ['a blank supplier', { homes: [{ ...home, supplier: '  ' }] }],
    ['an unknown home field', { homes: [{ ...home, colour: 'red' }] }],
    ['SMETS3', { homes: [{ ...home, smets: 'SMETS3' }] }],
    ['no MPAN and no MPRN', { homes: [{ ...home, mpan: undefined }] }],
    ['an MPAN as a number', { homes: [{ ...home, mpan: 1500000000015 }] }],
    ['a 12-digit MPAN', { homes: [{ ...home, mpan: '150000000001' }] }],
    ['a 5-digit MPRN', { homes: [{ ...home, mprn: '74000' }] }],
    ['number 0', { homes: [{ ...home, number: 0 }] }],
    ['number 1.5', { homes: [{ ...home, number: 1.5 }] }],
    ['SMETS2 without a region', { homes: [{ ...home, region: undefined }] }],
    ['SMETS2 in region SMETS1', { homes: [{ ...home, region: 'SMETS1' }] }],
    ['SMETS2 with an S1SP', { homes: [{ ...home, s1sp: 'S1SP-A' }] }],
    ['SMETS1 without an S1SP', { homes: [{ ...home, smets: 'SMETS1', region: undefined }] }],
    ['SMETS1 with a region', { homes: [{ ...home, smets: 'SMETS1', s1sp: 'S1SP-A' }] }],
    ['SMETS1 NO slots holding the supplier', { homes: [{ ...home, smets: 'SMETS1', region: undefined, s1sp: 'S1SP-A', networkOperatorCells: 'supplier' }] }],
    ['a gas transporter without an MPRN', { homes: [{ ...home, gasTransporter: 'Cadent Gas' }] }],
    ['a network operator without an MPAN', { homes: [{ ...home, mpan: undefined, mprn: '7400000001', networkOperator: 'UK Power Networks (London)' }] }],
    ['a GSME ID on an electricity-only home', { homes: [{ ...home, devices: { GSME: '00-DB-40-00-00-01-00-02' } }] }],
    ['an unknown device type', { homes: [{ ...home, devices: { IHD: '00-DB-40-00-00-01-00-05' } }] }],
    ['a bad device ID', { homes: [{ ...home, devices: { ESME: '00-DB-40' } }] }],
    ['mixed EUI separators', { homes: [{ ...home, devices: { ESME: '00-DB:40-00-00-01-00-01' } }] }],
    ['postCommissioning not a mapping', { homes: [], postCommissioning: '30d' }],
    ['an unknown postCommissioning field', { homes: [], postCommissioning: { deadline: { default: '30d' } } }],
    ['a deadline for an unknown obligation', { homes: [], postCommissioning: { deadlines: { commissioning: '30d' } } }],
    ['a deadline in weeks', { homes: [], postCommissioning: { deadlines: { default: '4w' } } }],
    ['a negative deadline', { homes: [], postCommissioning: { deadlines: { communicating: -1 } } }],
    ['an unknown obligation for a device type', { homes: [], postCommissioning: { obligationsByDeviceType: { ESME: ['commissioning'] } } }],
    ['obligations not a list', { homes: [], postCommissioning: { obligationsByDeviceType: { GSME: 'communicating' } } }],
    ['obligations for an unknown device type', { homes: [], postCommissioning: { obligationsByDeviceType: { ESMEE: [] } } }],
    ['an empty postCommissioning section', { homes: [], postCommissioning: null }],
    ['a deadline beyond 100 years', { homes: [], postCommissioning: { deadlines: { default: 1e300 } } }],
  ];
  for (const [what, data] of refused) {
    it(`refuses ${what}, as parsePopulation does`, () => {
      const clean = JSON.parse(JSON.stringify(data)) as unknown;
      expect(parserVerdict(clean), 'parsePopulation accepted it').to.be.a('string');
      expect(validate(clean, schema), 'the schema accepted it').to.not.deep.equal([]);
    });
  }

  const accepted: [string, unknown][] = [
    ['gas only with a GPF ID', { homes: [{ ...home, mpan: undefined, mprn: '7400000001', devices: { GPF: '00DB400000010004' } }] }],
    ['a region with spaces', { homes: [{ ...home, region: '4G South' }] }],
    ['a date-time registeredFrom', { homes: [home], registeredFrom: '2025-06-01T12:00:00Z' }],
    ['an empty estate', { homes: [] }],
    [
      'post-commissioning deadlines and obligations',
      { homes: [home], postCommissioning: { deadlines: { default: '30d', networkOperatorCredentials: '14d', communicating: 129_600_000 }, obligationsByDeviceType: { GSME: ['issueCredentialsDS', 'communicating'] } } },
    ],
  ];
  for (const [what, data] of accepted) {
    it(`accepts ${what}, as parsePopulation does`, () => {
      const clean = JSON.parse(JSON.stringify(data)) as unknown;
      expect(parserVerdict(clean)).to.equal(undefined);
      expect(validate(clean, schema)).to.deep.equal([]);
    });
  }
});
