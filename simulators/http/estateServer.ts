import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Eui } from '../core/Eui.ts';
import { HarnessError } from '../core/errors.ts';
import type { Estate } from '../estate/Estate.ts';

/**
 * A thin HTTP adapter over an estate: health, the parties, and their certificates (a first cut of
 * the SMKI repository). Read-only; every bad request gets a status and a message saying what to fix.
 */
export interface EstateServer {
  readonly server: Server;
  readonly url: string;
  close(): Promise<void>;
}

export async function startEstateServer(
  estate: Estate,
  options: { host?: string; port?: number } = {},
): Promise<EstateServer> {
  const server = createServer((req, res) => {
    route(estate, req, res).catch((error: unknown) => answerError(res, error));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://${address}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function route(estate: Estate, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://harness');
  if (req.method !== 'GET')
    return answer(res, 405, { error: `${req.method} is not supported here; use GET` });
  if (url.pathname === '/healthz')
    return answer(res, 200, { status: 'ready', parties: estate.parties.parties.length });
  if (url.pathname === '/parties') return answer(res, 200, await partiesView(estate));
  if (url.pathname === '/certificates') return certificateFor(estate, url, res);
  const bySerial = /^\/certificates\/([^/]+)$/.exec(url.pathname);
  if (bySerial) return certificateBySerial(estate, decodeURIComponent(bySerial[1]!), res);
  return answer(res, 404, {
    error: `no such endpoint: ${url.pathname}; try /healthz, /parties or /certificates`,
  });
}

async function partiesView(estate: Estate) {
  const credentials = await estate.keyStore.list();
  return estate.parties.parties.map((p) => ({
    name: p.name,
    eui: p.eui.toString(),
    kind: p.kind,
    userRoles: p.userRoles,
    remotePartyRole: p.remotePartyRole,
    ...(p.distributorId === undefined ? {} : { distributorId: p.distributorId }),
    credentials: credentials
      .filter((c) => c.eui.equals(p.eui))
      .map((c) => ({
        usage: c.usage,
        ...(c.cellUsage ? { cellUsage: c.cellUsage } : {}),
        serial: c.serial.toString(16).toUpperCase(),
      })),
  }));
}

async function certificateFor(estate: Estate, url: URL, res: ServerResponse): Promise<void> {
  const eui = Eui.parse(url.searchParams.get('eui') ?? undefined, 'eui');
  const usage = url.searchParams.get('usage') ?? 'DS';
  if (usage !== 'DS' && usage !== 'KA' && usage !== 'XML') {
    return answer(res, 400, { error: `usage: expected DS, KA or XML, got "${usage}"` });
  }
  const credential = await estate.keyStore.find(eui, usage);
  if (credential === undefined)
    return answer(res, 404, { error: `no ${usage} certificate for ${eui} in this estate` });
  return pem(res, credential.certificatePem);
}

async function certificateBySerial(estate: Estate, text: string, res: ServerResponse): Promise<void> {
  if (!/^[0-9A-Fa-f]{1,40}$/.test(text)) {
    return answer(res, 400, { error: `serial: expected up to 40 hex digits, got "${text}"` });
  }
  const credential = await estate.keyStore.findBySerial(undefined, BigInt(`0x${text}`));
  if (credential === undefined)
    return answer(res, 404, { error: `no certificate with serial ${text.toUpperCase()}` });
  return pem(res, credential.certificatePem);
}

function pem(res: ServerResponse, text: string): void {
  res.writeHead(200, { 'content-type': 'application/x-pem-file' }).end(text);
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(`${JSON.stringify(body, null, 2)}\n`);
}

function answerError(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.end();
  } else if (error instanceof HarnessError) {
    answer(res, 400, { error: error.message, responseCode: error.responseCode });
  } else {
    answer(res, 500, { error: `internal error: ${error instanceof Error ? error.message : String(error)}` });
  }
}
