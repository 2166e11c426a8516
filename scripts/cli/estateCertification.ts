import type { Certification, CertifiedSupplier } from '../../simulators/certification/index.ts';
import { supplierLabel } from '../../simulators/certification/index.ts';
import { CommandFailure, UsageError } from './Io.ts';

/** How long `certify --url` waits for the estate's judgement. */
export const CERTIFY_TIMEOUT_MS = 60_000;

/** `<base>/certification?user=…&since=…`; a base with a path keeps it (`http://host/harness/`). */
export function certificationUrl(base: string, user: string, since?: Date): URL {
  const url = new URL('certification', base.endsWith('/') ? base : `${base}/`);
  url.searchParams.set('user', user);
  if (since) url.searchParams.set('since', since.toISOString());
  return url;
}

/**
 * Asks the live estate (`smets-harness up` at `base`) for a supplier's certification, over the same
 * `GET /certification` a supplier's own tooling can use. An estate that is not there, or answers
 * something else, is a CommandFailure saying what to check; a supplier it does not have, a
 * UsageError listing the ones it has.
 */
export async function fetchCertification(base: string, user: string, since?: Date, timeoutMs = CERTIFY_TIMEOUT_MS): Promise<Certification> {
  const url = certificationUrl(base, user, since);
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new CommandFailure(
      `--url: cannot reach an estate at ${base} (${failureOf(error, timeoutMs)}); start one with "npx smets-harness up" and give the URL it prints (default http://127.0.0.1:8079). Nothing was written.`,
    );
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const answer = (typeof body === 'object' && body !== null ? body : {}) as { error?: unknown; suppliers?: unknown; verdict?: unknown; devices?: unknown; summary?: unknown };
  if (response.status === 404 && Array.isArray(answer.suppliers)) {
    const suppliers = answer.suppliers as CertifiedSupplier[];
    throw new UsageError(`--user: "${user}" is not a supplier of the estate at ${base}; it has ${suppliers.map(supplierLabel).join(', ') || 'no suppliers'}`);
  }
  if (!response.ok) {
    const reason = typeof answer.error === 'string' ? `: ${answer.error}` : '';
    throw new CommandFailure(`the estate at ${base} answered GET ${url.pathname} with HTTP ${response.status}${reason}; is --url a smets-harness up estate (one with /certification)? Nothing was written.`);
  }
  if (typeof answer.verdict !== 'string' || !Array.isArray(answer.devices) || typeof answer.summary !== 'object') {
    throw new CommandFailure(`${url.origin}${url.pathname} did not answer with a certification (expected JSON with verdict, summary and devices); is --url a smets-harness up estate? Nothing was written.`);
  }
  return body as Certification;
}

function failureOf(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === 'TimeoutError') return `no answer within ${timeoutMs / 1000} s`;
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
