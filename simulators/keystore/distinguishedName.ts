/**
 * Comparing distinguished names written different ways. XML-DSig's X509IssuerName is an RFC 4514
 * string, which lists RDNs most-specific first (`CN=Z1,OU=07`), while a certificate holds them in
 * ASN.1 order (`OU=07, CN=Z1`); tools disagree about spaces, case and OIDs versus short names.
 * Two names match when their normalised RDNs are equal in the same or in reversed order.
 */
import { InvalidInputError } from '../core/errors.ts';
import { x509 } from './x509.ts';

/** One string per RDN: `TYPE=value` with the type upper-cased and the value trimmed and lower-cased. */
export type NormalisedName = readonly string[];

export function normaliseName(name: string | x509.Name, field = 'issuer'): NormalisedName {
  const rdns = (typeof name === 'string' ? parseName(name) : name)?.toJSON() ?? [];
  if (rdns.length === 0)
    throw new InvalidInputError(field, 'a distinguished name such as "CN=Z1, OU=07"', name);
  return rdns.map((rdn) =>
    Object.entries(rdn)
      .flatMap(([type, values]) => values.map((v) => `${type.toUpperCase()}=${normaliseValue(v)}`))
      .sort()
      .join('+'),
  );
}

export function sameName(a: NormalisedName, b: NormalisedName): boolean {
  if (a.length !== b.length) return false;
  const forward = a.every((rdn, i) => rdn === b[i]);
  return forward || a.every((rdn, i) => rdn === b[b.length - 1 - i]);
}

/**
 * Parses as written; failing that (the parser throws, or silently returns no RDNs), with attribute
 * types upper-cased and spaces around separators and `=` removed.
 */
function parseName(text: string): x509.Name | undefined {
  const tidied = text.replace(
    /(^|[,+;])\s*([A-Za-z][A-Za-z0-9-]*)\s*=\s*/g,
    (_, sep: string, type: string) => `${sep}${type.toUpperCase()}=`,
  );
  for (const candidate of [text, tidied]) {
    try {
      const name = new x509.Name(candidate);
      if (name.toJSON().length > 0) return name;
    } catch {
      // try the next spelling
    }
  }
  return undefined;
}

function normaliseValue(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLowerCase();
}
