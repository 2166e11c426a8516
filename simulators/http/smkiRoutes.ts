import { Eui } from '../core/Eui.ts';
import type { RepositoryEntry, SmkiRepository } from '../smki/SmkiRepository.ts';
import { parseXmlStrict } from '../xmldsig/parseXmlStrict.ts';
import { type HttpAnswer, type Route, text, xml } from './HttpAnswer.ts';

/**
 * The SMKI repository interface as DCC Boxed serves it (its keystore library is the client):
 * `POST /services/certificatesearch` with `CertificateSearchRequest{CertificateSubjectName |
 * CertificateSubjectAltName}` lists serials; `POST /services/retrievecertificate` with
 * `CertificateDataRequest{CertificateSerial}` returns one certificate. As in DCC Boxed, "nothing
 * found" is HTTP 402 and a request that cannot be read is HTTP 401; the `apikey` parameter is ignored.
 */
export function smkiRoutes(repository: SmkiRepository): Route {
  return async (request) => {
    if (request.path !== '/services/certificatesearch' && request.path !== '/services/retrievecertificate') return undefined;
    if (request.method !== 'POST') return text(405, `${request.method} is not supported on ${request.path}; use POST`);
    let fields: Map<string, string>;
    try {
      fields = readFields(request.body.toString('utf8'));
    } catch (error) {
      return text(401, `invalid search parameters: ${error instanceof Error ? error.message : String(error)}`);
    }
    return request.path === '/services/certificatesearch' ? search(repository, fields) : retrieve(repository, fields);
  };
}

function search(repository: SmkiRepository, fields: Map<string, string>): HttpAnswer {
  const root = fields.get('#root');
  const subject = fields.get('CertificateSubjectName');
  const altName = fields.get('CertificateSubjectAltName');
  if (root !== 'CertificateSearchRequest' || (subject === undefined) === (altName === undefined)) {
    return text(401, 'invalid search parameters: expected CertificateSearchRequest with exactly one of CertificateSubjectName or CertificateSubjectAltName');
  }
  let eui: Eui;
  try {
    eui = Eui.parse(subject ?? altName, subject === undefined ? 'CertificateSubjectAltName' : 'CertificateSubjectName');
  } catch (error) {
    return text(401, `invalid search parameters: ${(error as Error).message}`);
  }
  const entries = subject === undefined ? repository.bySubjectAltName(eui) : repository.bySubjectName(eui);
  if (entries.length === 0) return text(402, `no certificate found for ${eui}`);
  return xml(200, document('CertificateSearchResponse', entries.map((e) => element('Result', summary(e))).join('')));
}

function retrieve(repository: SmkiRepository, fields: Map<string, string>): HttpAnswer {
  const serial = fields.get('CertificateSerial');
  if (fields.get('#root') !== 'CertificateDataRequest' || serial === undefined || !/^[0-9A-Fa-f]{1,40}$/.test(serial)) {
    return text(401, 'invalid search parameters: expected CertificateDataRequest with CertificateSerial in hex');
  }
  const entry = repository.bySerial(serial);
  if (entry === undefined) return text(402, `no certificate with serial ${serial.toUpperCase()}`);
  const name = entry.kind === 'organisation' ? 'CertificateSubjectName' : 'CertificateSubjectAltName';
  const body = element('CertificateBody', entry.der.toString('base64')) + element(name, entry.eui.toString()) + summary(entry);
  return xml(200, document('CertificateDataResponse', element('CertificateResponse', body)));
}

function summary(entry: RepositoryEntry): string {
  return (
    element('CertificateUsage', entry.usage) +
    element('CertificateSerial', entry.serial) +
    element('CertificateStatus', entry.status) +
    (entry.role === undefined ? '' : element('CertificateRole', String(entry.role)))
  );
}

/** The root element's name (as `#root`) and the text of its child elements. */
function readFields(body: string): Map<string, string> {
  const root = parseXmlStrict(body).documentElement!;
  const fields = new Map<string, string>([['#root', root.localName]]);
  for (let node = root.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1) fields.set((node as Element).localName, (node.textContent ?? '').trim());
  }
  return fields;
}

function element(name: string, content: string): string {
  return `<${name}>${content}</${name}>`;
}

function document(root: string, content: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element(root, content)}\n`;
}
