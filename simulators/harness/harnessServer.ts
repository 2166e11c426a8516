import type { Route } from '../http/HttpAnswer.ts';
import { duisRoutes } from '../http/duisRoutes.ts';
import { estateRoutes } from '../http/estateRoutes.ts';
import { type RunningServer, startHttpServer } from '../http/httpServer.ts';
import { rdpRoutes } from '../http/rdpRoutes.ts';
import { smkiRoutes } from '../http/smkiRoutes.ts';
import type { HarnessParts } from './assemble.ts';
import type { HarnessHttpOptions } from './harnessOptions.ts';

/**
 * The harness's one HTTP(S) server: DUIS (`POST /api/v1/service{S,D,T}`), the SMKI repository as
 * DCC Boxed serves it (organisation and installed devices' certificates), the RDP API (`/rdp/…`),
 * and the estate (`GET /healthz`, `/parties`, `/certificates`).
 */
export function harnessRoutes(parts: Pick<HarnessParts, 'dsp' | 'estate' | 'registrations'>): Route[] {
  return [
    duisRoutes(parts.dsp),
    smkiRoutes(parts.estate.smkiRepository),
    rdpRoutes(parts.registrations, parts.estate.parties),
    estateRoutes(parts.estate),
  ];
}

export function startHarnessServer(
  parts: Pick<HarnessParts, 'dsp' | 'estate' | 'registrations'>,
  http: HarnessHttpOptions,
): Promise<RunningServer> {
  return startHttpServer(harnessRoutes(parts), {
    host: http.host ?? '127.0.0.1',
    port: http.port ?? 0,
    ...(http.tls && { tls: http.tls }),
  });
}
