import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type ServerOptions as TlsOptions } from 'node:https';
import type { AddressInfo } from 'node:net';
import { HarnessError } from '../core/errors.ts';
import { type HttpAnswer, type HttpRequest, json, type Route } from './HttpAnswer.ts';

export interface HttpServerOptions {
  readonly host?: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Largest request body accepted; larger ones get 413 before they are read whole. Default 1 MiB. */
  readonly bodyLimit?: number;
  /** Serve HTTPS with this key and certificate; `requestCert` + `ca` ask for client certificates. */
  readonly tls?: TlsOptions;
}

export interface RunningServer {
  readonly server: Server;
  readonly url: string;
  close(): Promise<void>;
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * The one HTTP(S) server adapter: reads each request (with a size limit), offers it to the routes
 * in order, and writes the first answer. Routes never touch node:http. An unexpected failure
 * becomes a 500 with its message; the server keeps serving.
 */
export async function startHttpServer(routes: readonly Route[], options: HttpServerOptions = {}): Promise<RunningServer> {
  const limit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    serve(routes, limit, req)
      .then((answer) => write(res, answer))
      .catch((error: unknown) => write(res, errorAnswer(error)));
  };
  const server = options.tls ? createHttpsServer(options.tls, handler) : createHttpServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    server,
    url: `${options.tls ? 'https' : 'http'}://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

class BodyTooLarge extends Error {}

async function serve(routes: readonly Route[], limit: number, req: IncomingMessage): Promise<HttpAnswer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return tooLarge(limit);
  let body: Buffer;
  try {
    body = await readBody(req, limit);
  } catch (error) {
    if (error instanceof BodyTooLarge) return tooLarge(limit);
    throw error;
  }
  const url = new URL(req.url ?? '/', 'http://harness');
  const request: HttpRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body };
  for (const route of routes) {
    const answer = await route(request);
    if (answer !== undefined) return answer;
  }
  return json(404, { error: `no such endpoint: ${req.method} ${url.pathname}` });
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLarge());
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function tooLarge(limit: number): HttpAnswer {
  return json(413, { error: `request body larger than ${limit} bytes; nothing was processed` });
}

function write(res: ServerResponse, answer: HttpAnswer): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(answer.status, {
    ...answer.headers,
    'content-type': answer.contentType,
    'content-length': Buffer.byteLength(answer.body),
  });
  res.end(answer.body);
}

function errorAnswer(error: unknown): HttpAnswer {
  if (error instanceof HarnessError) return json(400, { error: error.message, responseCode: error.responseCode });
  return json(500, { error: `internal error: ${error instanceof Error ? error.message : String(error)}` });
}
