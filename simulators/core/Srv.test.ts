import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { InvalidInputError } from './errors.ts';
import { COMMAND_VARIANTS, Srv, srvCatalogue } from './Srv.ts';

const REFERENCE = resolve(import.meta.dirname, '../../../shared/reference');
const XSD = join(REFERENCE, 'duis-schema/duis-5.4.xsd');
const RTDS_DUIS = join(REFERENCE, 'rtds-duis');
const noXsd = existsSync(XSD) ? false : `DUIS schema not found at ${XSD}`;
const noRtds = existsSync(RTDS_DUIS) ? false : `RTDS request files not found at ${RTDS_DUIS}`;

const IN_SCOPE = [
  '6.15.1',
  '6.15.2',
  '6.17',
  '6.21',
  '6.23',
  '6.24.1',
  '6.24.2',
  '8.1.1',
  '8.2',
  '8.3',
  '8.4',
  '12.2',
];

/** The text of `<xs:simpleType name="…">…</xs:simpleType>` in the schema. */
function simpleType(xsd: string, name: string): string {
  const start = xsd.indexOf(`<xs:simpleType name="${name}">`);
  expect(start, `simpleType ${name}`).to.be.greaterThan(-1);
  return xsd.slice(start, xsd.indexOf('</xs:simpleType>', start));
}

describe('Srv catalogue', () => {
  it('holds exactly the SRVs in scope, in DUIS order', () => {
    expect(srvCatalogue.map((s) => s.id)).to.deep.equal(IN_SCOPE);
  });

  it('marks critical and non-device SRVs as domain.md does', () => {
    const critical = srvCatalogue.filter((s) => s.critical).map((s) => s.id);
    const nonDevice = srvCatalogue.filter((s) => s.nonDevice).map((s) => s.id);
    expect(critical).to.deep.equal(['6.15.1', '6.15.2', '6.17', '6.24.2', '8.1.1']);
    expect(nonDevice).to.deep.equal(['8.2', '8.3', '8.4', '12.2']);
  });

  it('allows command variants by kind: critical 4-7, non-critical 1-3, non-device 8, 8.1.1 only 4 and 5', () => {
    const cvs = (id: string) => Srv.parse(id).commandVariants;
    expect(cvs('6.15.1')).to.deep.equal([4, 5, 6, 7]);
    expect(cvs('6.21')).to.deep.equal([1, 2, 3]);
    expect(cvs('8.2')).to.deep.equal([8]);
    expect(cvs('8.1.1')).to.deep.equal([4, 5]);
    expect(Srv.parse('6.15.1').allowsCommandVariant(1)).to.equal(false);
    expect(Srv.parse('6.15.1').allowsCommandVariant(4)).to.equal(true);
    expect(Object.keys(COMMAND_VARIANTS)).to.deep.equal(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('knows who may send what', () => {
    expect(Srv.parse('6.15.1').eligibleRoles).to.deep.equal(['IS', 'GS', 'ED', 'GT']);
    expect(Srv.parse('6.15.1').isEligible('ED')).to.equal(true);
    expect(Srv.parse('6.15.2').isEligible('ED')).to.equal(false);
    expect(Srv.parse('6.21').isEligible('GS')).to.equal(true);
    expect(Srv.parse('8.2').isEligible('OU')).to.equal(true);
  });

  it('names GBCS use cases, ServiceReference and the body element', () => {
    const commission = Srv.parse('8.1.1');
    expect(commission.gbcsUseCases).to.deep.equal(['ECS70', 'GCS28']);
    expect(commission.serviceReference).to.equal('8.1');
    expect(Srv.parse('6.24.2').serviceReference).to.equal('6.24');
    expect(Srv.parse('12.2').serviceReference).to.equal('12.2');
    expect(Srv.byDuisElement('UpdateSecurityCredentialsKRP')?.id).to.equal('6.15.1');
    expect(Srv.byDuisElement('SignedPreCommand')).to.equal(undefined);
  });

  it('looks up by ServiceReferenceVariant and returns the same entry', () => {
    expect(Srv.byVariant('6.15.1')).to.equal(Srv.parse(' 6.15.1 '));
    expect(Srv.byVariant('6.15')).to.equal(undefined);
    expect(`${Srv.parse('6.17')}`).to.equal('6.17');
    expect(Object.isFrozen(Srv.parse('6.17').eligibleRoles)).to.equal(true);
  });

  for (const bad of ['6.15', '6.16', '1.1.1', '', ' ', 6.17, null]) {
    it(`refuses ${JSON.stringify(bad)} naming the field and the SRVs in scope`, () => {
      expect(() => Srv.parse(bad)).to.throw(
        InvalidInputError,
        /^ServiceReferenceVariant: expected one of the SRVs in scope \(6\.15\.1, 6\.15\.2, .*, 12\.2\), got/,
      );
    });
  }

  it('matches the DUIS 5.4 schema: variants, their CV lists, ServiceReferences, body elements', {
    skip: noXsd,
  }, () => {
    const xsd = readFileSync(XSD, 'utf8');
    const variants = new Map<string, number[] | undefined>();
    const enumeration = /<xs:enumeration value="([^"]+)"\/>\s*(?:<!--\s*CV\s*=\s*([\d,\s]+)-->)?/g;
    for (const m of simpleType(xsd, 'ServiceReferenceVariant').matchAll(enumeration)) {
      variants.set(
        m[1]!,
        m[2]?.split(',').map((n) => Number(n.trim())),
      );
    }
    const references = new Set(
      [...simpleType(xsd, 'ServiceReference').matchAll(/value="([^"]+)"/g)].map((m) => m[1]),
    );
    const cvValues = [...simpleType(xsd, 'CommandVariant').matchAll(/value="([^"]+)"/g)].map((m) => m[1]);
    expect(cvValues).to.deep.equal(Object.keys(COMMAND_VARIANTS));
    const body = xsd.slice(xsd.indexOf('<xs:element name="Body">'));
    for (const srv of srvCatalogue) {
      expect(variants.get(srv.id), `CV list of ${srv.id}`).to.deep.equal([...srv.commandVariants]);
      expect(references.has(srv.serviceReference), `ServiceReference ${srv.serviceReference}`).to.equal(true);
      expect(body, `body element of ${srv.id}`).to.include(`<xs:element name="${srv.duisElement}"`);
    }
  });

  it('matches every RTDS request: ServiceReference, variant, CV, body element, GBCS use case', {
    skip: noRtds,
  }, () => {
    const files = readdirSync(RTDS_DUIS).filter((f) => f.endsWith('_REQUEST_DUIS.XML'));
    expect(files).to.not.be.empty;
    for (const file of files) {
      const xml = readFileSync(join(RTDS_DUIS, file), 'utf8');
      const header = (name: string) => new RegExp(`<sr:${name}>([^<]*)</sr:${name}>`).exec(xml)?.[1];
      const srv = Srv.parse(header('ServiceReferenceVariant'));
      expect(srv.serviceReference, file).to.equal(header('ServiceReference'));
      expect(srv.allowsCommandVariant(Number(header('CommandVariant'))), file).to.equal(true);
      expect(/<sr:Body>\s*<sr:(\w+)/.exec(xml)?.[1], file).to.equal(srv.duisElement);
      const useCase = /^[EG]?CS\d+[a-z]?/.exec(file)?.[0];
      if (useCase) expect(srv.gbcsUseCases, file).to.include(useCase);
      else expect(srv.nonDevice, file).to.equal(true);
    }
  });
});
