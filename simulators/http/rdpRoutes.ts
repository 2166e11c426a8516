import { Eui } from '../core/Eui.ts';
import { InvalidInputError } from '../core/errors.ts';
import { parseUserRole } from '../core/roles.ts';
import type { PartyDirectory } from '../estate/PartyDirectory.ts';
import { parseEffectiveDate } from '../rdp/dates.ts';
import { parseMpxn } from '../rdp/mpxn.ts';
import { applyRegistrations, parseRegistrationsCsv, parseRegistrationsJson } from '../rdp/registrationFiles.ts';
import type { RegistrationStore } from '../rdp/RegistrationStore.ts';
import { type HttpAnswer, json, type Route } from './HttpAnswer.ts';

/**
 * The RDP's HTTP API: what a test or a tool uses to set Registration Data while the estate runs.
 *
 *   GET  /rdp/registrations[?mpxn=…]         the registrations as records (JSON)
 *   POST /rdp/registrations[?replace=true]   a CSV (text/csv) or JSON array of records; all or nothing
 *   POST /rdp/change-of-supplier             {mpxn, supplier, effectiveFrom}
 *   GET  /rdp/eligibility?user=&role=&mpxn=[&at=]   the SRPD 6.1 Eligible User verdict
 *
 * A bad request is 400 with a message naming the field, line or path; it changes nothing.
 */
export function rdpRoutes(store: RegistrationStore, parties: PartyDirectory): Route {
  return async (request) => {
    const { method, path, query } = request;
    if (!path.startsWith('/rdp/')) return undefined;
    const key = `${method} ${path}`;
    if (key === 'GET /rdp/registrations') return listRegistrations(store, query);
    if (key === 'POST /rdp/registrations') return load(store, parties, request.body.toString('utf8'), request.headers['content-type'], query);
    if (key === 'POST /rdp/change-of-supplier') return changeOfSupplier(store, parties, request.body.toString('utf8'));
    if (key === 'GET /rdp/eligibility') return eligibility(store, query);
    return json(404, { error: `no such RDP endpoint: ${method} ${path}` });
  };
}

function listRegistrations(store: RegistrationStore, query: URLSearchParams): HttpAnswer {
  const mpxn = query.get('mpxn');
  const records = store.toRecords();
  return json(200, mpxn === null ? records : records.filter((r) => r.mpxn === parseMpxn(mpxn, { validateCheckDigit: false }).toString()));
}

function load(
  store: RegistrationStore,
  parties: PartyDirectory,
  body: string,
  contentType: string | string[] | undefined,
  query: URLSearchParams,
): HttpAnswer {
  const type = String(contentType ?? '').split(';')[0]!.trim();
  if (type !== 'text/csv' && type !== 'application/json') {
    return json(415, { error: `Content-Type: expected text/csv or application/json, got "${type}"` });
  }
  const parse = type === 'text/csv' ? parseRegistrationsCsv : parseRegistrationsJson;
  const parsed = parse(body, 'request body', parties, { validateCheckDigit: query.get('validateCheckDigit') !== 'false' });
  applyRegistrations(store, parsed, { replace: query.get('replace') === 'true' });
  return json(200, { loaded: parsed.inputs.length, version: store.version });
}

function changeOfSupplier(store: RegistrationStore, parties: PartyDirectory, body: string): HttpAnswer {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(body) as Record<string, unknown>;
  } catch {
    throw new InvalidInputError('body', 'JSON {mpxn, supplier, effectiveFrom}', body);
  }
  const mpxn = parseMpxn(value.mpxn, { validateCheckDigit: false }, 'mpxn');
  const supplier = partyEui(parties, value.supplier, 'supplier');
  const effectiveFrom = parseEffectiveDate(value.effectiveFrom, 'effectiveFrom');
  store.changeOfSupplier(mpxn, supplier, effectiveFrom);
  return json(200, { mpxn: mpxn.toString(), supplier: supplier.toString(), effectiveFrom: effectiveFrom.toISOString() });
}

function eligibility(store: RegistrationStore, query: URLSearchParams): HttpAnswer {
  const user = Eui.parse(query.get('user') ?? undefined, 'user');
  const role = parseUserRole(query.get('role') ?? undefined, 'role');
  const mpxn = parseMpxn(query.get('mpxn') ?? undefined, { validateCheckDigit: false }, 'mpxn');
  const at = query.get('at');
  const verdict = store.isEligibleUser(user, role, mpxn, at === null ? undefined : parseEffectiveDate(at, 'at'));
  return json(200, { eligible: verdict.eligible, reason: verdict.reason, registered: verdict.registered?.toString() ?? null });
}

/** A party given by EUI or by name. */
function partyEui(parties: PartyDirectory, value: unknown, field: string): Eui {
  if (typeof value === 'string' && /^[0-9A-Fa-f]{2}([-:]?[0-9A-Fa-f]{2}){7}$/.test(value.trim())) return Eui.parse(value, field);
  if (typeof value === 'string') return parties.byName(value).eui;
  throw new InvalidInputError(field, "a party's EUI or name", value);
}
