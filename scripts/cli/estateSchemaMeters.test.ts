/** docs/estate.schema.json's `meters` against parsePopulation and METER_ARRIVALS (the other fields: estateSchema.test.ts). */
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { parsePopulation } from '../../simulators/harness/parsePopulation.ts';
import { METER_ARRIVALS } from '../../simulators/harness/population.ts';

const schema = JSON.parse(readFileSync(new URL('../../docs/estate.schema.json', import.meta.url), 'utf8')) as {
  properties: Record<string, { enum?: unknown[]; description?: string }>;
  required: string[];
};

describe('docs/estate.schema.json: meters', () => {
  it('lists exactly the values parsePopulation takes, and is optional', () => {
    const meters = schema.properties.meters;
    expect(meters, 'the schema has meters').to.not.equal(undefined);
    expect(meters!.enum).to.deep.equal([...METER_ARRIVALS]);
    expect(schema.required).to.not.include('meters');
    expect(meters!.description).to.match(/8\.1\.1/);
  });

  it('parsePopulation accepts every value the schema lists and refuses one it does not', () => {
    for (const value of schema.properties.meters!.enum!) {
      expect(() => parsePopulation({ homes: [], meters: value }, 'estate.yaml'), String(value)).to.not.throw();
    }
    expect(() => parsePopulation({ homes: [], meters: 'decommissioned' }, 'estate.yaml')).to.throw(/at meters: expected one of commissioned, installed/);
  });
});
