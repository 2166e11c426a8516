import { Eui } from '../core/Eui.ts';
import type { Estate } from '../estate/Estate.ts';
import { describeParties } from '../estate/Party.ts';
import { type HttpAnswer, json, type Route } from './HttpAnswer.ts';

/** Health, the parties, and their certificates as PEM: what a User needs to configure its client. */
export function estateRoutes(estate: Estate): Route {
  return async (request) => {
    const { method, path, query } = request;
    const known = path === '/healthz' || path === '/parties' || path.startsWith('/certificates');
    if (!known) return undefined;
    if (method !== 'GET') return json(405, { error: `${method} is not supported on ${path}; use GET` });
    if (path === '/healthz') return json(200, { status: 'ready', parties: estate.parties.parties.length });
    if (path === '/parties') return json(200, await partiesView(estate));
    if (path === '/certificates') return certificateFor(estate, query);
    const bySerial = /^\/certificates\/([^/]+)$/.exec(path);
    if (bySerial) return certificateBySerial(estate, decodeURIComponent(bySerial[1]!));
    return undefined;
  };
}

async function partiesView(estate: Estate) {
  return describeParties(estate.parties.parties, await estate.keyStore.list());
}

async function certificateFor(estate: Estate, query: URLSearchParams): Promise<HttpAnswer> {
  const eui = Eui.parse(query.get('eui') ?? undefined, 'eui');
  const usage = query.get('usage') ?? 'DS';
  if (usage !== 'DS' && usage !== 'KA' && usage !== 'XML') {
    return json(400, { error: `usage: expected DS, KA or XML, got "${usage}"` });
  }
  const credential = await estate.keyStore.find(eui, usage);
  if (credential === undefined) return json(404, { error: `no ${usage} certificate for ${eui} in this estate` });
  return { status: 200, contentType: 'application/x-pem-file', body: credential.certificatePem };
}

async function certificateBySerial(estate: Estate, text: string): Promise<HttpAnswer> {
  if (!/^[0-9A-Fa-f]{1,40}$/.test(text)) return json(400, { error: `serial: expected up to 40 hex digits, got "${text}"` });
  const credential = await estate.keyStore.findBySerial(undefined, BigInt(`0x${text}`));
  if (credential === undefined) return json(404, { error: `no certificate with serial ${text.toUpperCase()}` });
  return { status: 200, contentType: 'application/x-pem-file', body: credential.certificatePem };
}
