import { Eui } from '../core/Eui.ts';
import { describeReceived } from '../core/errors.ts';

/**
 * Where a User wants its asynchronous responses and alerts: its registered response URL, or
 * nothing. Asked before every attempt, so a User that fixes its URL gets the next retry there.
 */
export type ResponseUrlLookup = (userEui: Eui) => string | URL | undefined | null;

export type UrlResolution = { readonly ok: true; readonly url: string } | { readonly ok: false; readonly reason: string };

/** A lookup over a fixed table; keys may be written in any EUI notation (a bad key throws at once). */
export function responseUrlsFrom(
  table: ReadonlyMap<string, string | URL> | Readonly<Record<string, string | URL>>,
): ResponseUrlLookup {
  const entries = table instanceof Map ? [...table.entries()] : Object.entries(table);
  const byHex = new Map(entries.map(([key, url]) => [Eui.parse(key, 'response URL table key').hex, url]));
  return (userEui) => byHex.get(userEui.hex);
}

/**
 * The User's response URL if it has a usable one (http or https), else why not. The lookup wins;
 * `fallback` (the URL the DSP knew at hand-over) is used when the lookup has none.
 */
export function resolveResponseUrl(lookup: ResponseUrlLookup, userEui: Eui, fallback?: string): UrlResolution {
  let found: string | URL | undefined | null;
  try {
    found = lookup(userEui) || fallback;
  } catch (error) {
    return { ok: false, reason: `response URL lookup failed for User ${userEui}: ${describeError(error)}` };
  }
  if (found === undefined || found === null || found === '')
    return { ok: false, reason: `no response URL registered for User ${userEui}` };
  let url: URL;
  try {
    url = new URL(found);
  } catch {
    return { ok: false, reason: `response URL for User ${userEui} is not a URL: ${describeReceived(String(found))}` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, reason: `response URL for User ${userEui} is not http(s): ${url.href}` };
  return { ok: true, url: url.href };
}

/** One line for an error: its message, and the cause's code when the network layer gave one. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  const code = cause instanceof Error ? ((cause as { code?: unknown }).code ?? cause.message) : undefined;
  return code ? `${error.message} (${String(code)})` : error.message;
}
