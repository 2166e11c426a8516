import type { Route } from '../http/HttpAnswer.ts';
import { type CertificationRouteOptions, certificationRoutes } from '../http/certificationRoutes.ts';
import { duisRoutes } from '../http/duisRoutes.ts';
import { estateRoutes } from '../http/estateRoutes.ts';
import { type RunningServer, startHttpServer } from '../http/httpServer.ts';
import { rdpRoutes } from '../http/rdpRoutes.ts';
import { smkiRoutes } from '../http/smkiRoutes.ts';
import type { PostCommissioningSettings } from '../postcommissioning/settings.ts';
import type { HarnessParts } from './assemble.ts';
import type { HarnessHttpOptions } from './harnessOptions.ts';

/** What the server's routes read: the DSP, the estate, and what post-commissioning certification judges. */
export type ServedParts = Pick<HarnessParts, 'dsp' | 'estate' | 'registrations' | 'journal' | 'inventory' | 'fleet'>;

/**
 * The harness's one HTTP(S) server: DUIS (`POST /api/v1/service{S,D,T}`), the SMKI repository as
 * DCC Boxed serves it (organisation and installed devices' certificates), the RDP API (`/rdp/…`),
 * the estate (`GET /healthz`, `/parties`, `/certificates`) and a supplier's certification judged
 * from the live journal (`GET /certification`, `/certification.html`).
 */
export function harnessRoutes(parts: ServedParts, options: CertificationRouteOptions = {}): Route[] {
  return [
    duisRoutes(parts.dsp),
    smkiRoutes(parts.estate.smkiRepository),
    rdpRoutes(parts.registrations, parts.estate.parties),
    estateRoutes(parts.estate),
    certificationRoutes({ ...parts, clock: parts.estate.clock }, options),
  ];
}

/** `settings`: the post-commissioning settings `/certification` judges under (the estate file's). */
export async function startHarnessServer(parts: ServedParts, http: HarnessHttpOptions, settings?: PostCommissioningSettings): Promise<RunningServer> {
  const listening: { url?: string } = {};
  const routes = harnessRoutes(parts, { estateUrl: () => listening.url, ...(settings && { settings }) });
  const running = await startHttpServer(routes, {
    host: http.host ?? '127.0.0.1',
    port: http.port ?? 0,
    ...(http.tls && { tls: http.tls }),
  });
  listening.url = running.url;
  return running;
}
