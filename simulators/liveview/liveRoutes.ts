import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type HttpAnswer, json, type Route } from '../http/HttpAnswer.ts';

/** The repository's `web/`: the page's own files, served as they are (no CDN, nothing downloaded). */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../web/', import.meta.url));

export const LIVE_PATH = '/live';
export const EVENTS_PATH = '/live/events';

const FILES: Readonly<Record<string, { readonly file: string; readonly contentType: string }>> = {
  '/live': { file: 'index.html', contentType: 'text/html; charset=utf-8' },
  '/live/': { file: 'index.html', contentType: 'text/html; charset=utf-8' },
  '/live/app.js': { file: 'app.js', contentType: 'text/javascript; charset=utf-8' },
  '/live/dom.js': { file: 'dom.js', contentType: 'text/javascript; charset=utf-8' },
  '/live/deviceCards.js': { file: 'deviceCards.js', contentType: 'text/javascript; charset=utf-8' },
  '/live/app.css': { file: 'app.css', contentType: 'text/css; charset=utf-8' },
};

/** The page may load only itself and talk only to its own server. */
const HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'",
};

/**
 * `GET /live` (the page), its modules (`/live/app.js`, `dom.js`, `deviceCards.js`), `/live/app.css`, read from `webDir` on each request so an
 * edited page shows on reload. `/live/events` without an upgrade answers 426; other `/live/…` 404.
 */
export function liveRoutes(webDir: string = DEFAULT_WEB_DIR): Route {
  return async ({ method, path }): Promise<HttpAnswer | undefined> => {
    if (path !== LIVE_PATH && !path.startsWith(`${LIVE_PATH}/`)) return undefined;
    if (path === EVENTS_PATH) return json(426, { error: `${EVENTS_PATH} is a WebSocket: connect with an upgrade` });
    const served = FILES[path];
    if (served === undefined) return json(404, { error: `no such page: ${path} (the live view is ${LIVE_PATH})` });
    if (method !== 'GET' && method !== 'HEAD') return json(405, { error: `${method} is not supported on ${path}; use GET` });
    const body = await readFile(join(webDir, served.file), 'utf8');
    return { status: 200, contentType: served.contentType, body, headers: HEADERS };
  };
}
