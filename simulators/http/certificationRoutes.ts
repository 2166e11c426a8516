import { certificationHtml, certifyEstate, supplierLabel } from '../certification/index.ts';
import { InvalidInputError } from '../core/errors.ts';
import { parseIsoDate } from '../core/isoDate.ts';
import type { PostCommissioningSettings, TrackedEstate } from '../postcommissioning/index.ts';
import { type HttpAnswer, json, type Route } from './HttpAnswer.ts';

export interface CertificationRouteOptions {
  /** The post-commissioning settings the estate is judged under (default: the [assumed] defaults). */
  readonly settings?: PostCommissioningSettings;
  /** The estate's base URL, named as the certification's source; default: from the request's Host header. */
  readonly estateUrl?: () => string | undefined;
}

const PARAMETERS = ['user', 'since'] as const;
const USER_EXPECTED = "a supplier's User EUI (e.g. 90-B3-D5-1F-40-01-01-00) or party name (e.g. Aurora Energy)";
const NO_STORE = { 'cache-control': 'no-store' };

/**
 * `GET /certification?user=EUI-or-name[&since=ISO]`: one supplier's post-commissioning judged from
 * the live estate's journal, as JSON; `GET /certification.html?…` the same as one self-contained
 * page. Bad parameters are 400 naming the parameter, an unknown supplier 404 listing the estate's.
 */
export function certificationRoutes(estate: TrackedEstate, options: CertificationRouteOptions = {}): Route {
  return async (request) => {
    const { method, path, query } = request;
    if (path !== '/certification' && path !== '/certification.html') return undefined;
    if (method !== 'GET') return { ...json(405, { error: `${method} is not supported on ${path}; use GET` }), headers: { allow: 'GET' } };
    const problem = queryProblem(query, path);
    if (problem) return problem;
    const user = query.get('user')!.trim();
    const sinceText = query.get('since');
    let since: Date | undefined;
    if (sinceText !== null) {
      try {
        since = parseIsoDate(sinceText, 'since');
      } catch (error) {
        if (error instanceof InvalidInputError) return json(400, { error: error.message });
        throw error;
      }
    }
    const location = options.estateUrl?.() ?? (typeof request.headers.host === 'string' ? `http://${request.headers.host}` : 'this estate');
    const outcome = certifyEstate(estate, { user, location, ...(since && { since }), ...(options.settings && { settings: options.settings }) });
    if ('unknownUser' in outcome) {
      return json(404, {
        error: `user: "${outcome.unknownUser}" is not a supplier of this estate; its suppliers are ${outcome.suppliers.map(supplierLabel).join(', ') || 'none'}`,
        suppliers: outcome.suppliers,
      });
    }
    if (path === '/certification.html') return { status: 200, contentType: 'text/html; charset=utf-8', body: certificationHtml(outcome.certification), headers: NO_STORE };
    return { ...json(200, outcome.certification), headers: NO_STORE };
  };
}

function queryProblem(query: URLSearchParams, path: string): HttpAnswer | undefined {
  for (const key of new Set(query.keys())) {
    if (!(PARAMETERS as readonly string[]).includes(key)) {
      return json(400, { error: `${key}: not a parameter of ${path}; it takes user (${USER_EXPECTED}) and, optionally, since (an ISO 8601 date)` });
    }
    const count = query.getAll(key).length;
    if (count > 1) return json(400, { error: `${key}: give it once, got ${count} values` });
  }
  const user = query.get('user');
  if (user === null || user.trim() === '') return json(400, { error: new InvalidInputError('user', USER_EXPECTED, user ?? undefined).message });
  return undefined;
}
