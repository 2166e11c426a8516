/**
 * `npm start`: runs the harness on the embedded default estate until Ctrl-C.
 * Environment: PORT (default 8079), HOST (default 127.0.0.1).
 */
import { SystemClock } from '../simulators/core/clock.ts';
import { DEFAULT_CERTS_DIR, loadDefaultEstate } from '../simulators/estate/defaultEstate.ts';
import { estateRoutes } from '../simulators/http/estateRoutes.ts';
import { startHttpServer } from '../simulators/http/httpServer.ts';
import { smkiRoutes } from '../simulators/http/smkiRoutes.ts';

const port = Number(process.env.PORT ?? 8079);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT: expected a port number from 0 to 65535, got "${process.env.PORT}"`);
  process.exit(2);
}
const estate = await loadDefaultEstate({ clock: new SystemClock() });
const routes = [estateRoutes(estate), smkiRoutes(estate.smkiRepository)];
const running = await startHttpServer(routes, { host: process.env.HOST ?? '127.0.0.1', port }).catch((error: Error) => {
  console.error(`could not listen on port ${port}: ${error.message} (set PORT to use another one)`);
  process.exit(1);
});

const users = estate.parties.parties.filter((p) => p.userRoles.length > 0);
console.log(
  `smets-harness: default estate ready – ${estate.parties.parties.length} parties, ${users.length} DCC Users`,
);
for (const p of estate.parties.parties) {
  const roles = p.userRoles.length > 0 ? p.userRoles.join('/') : 'DCC';
  console.log(`  ${p.eui.toString()}  ${roles.padEnd(5)}  ${p.name}`);
}
console.log(`credentials (PEM, keystore.json, DCC Boxed keystore.json): ${DEFAULT_CERTS_DIR}`);
console.log(
  `serving ${running.url}: GET /healthz, /parties, /certificates?eui=…&usage=DS|KA|XML; the SMKI repository ` +
    'as DCC Boxed serves it (POST /services/certificatesearch, /services/retrievecertificate). Ctrl-C stops.',
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping`);
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
