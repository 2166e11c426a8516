/** What an HTTP route answers: the adapters' one shape, so routes stay free of node:http. */
export interface HttpAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  /** Extra response headers, e.g. the harness's reason for a DUIS refusal. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** One request as the routes see it: already read, size-limited, and split into path and query. */
export interface HttpRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
}

/** A route answers the requests it owns and returns `undefined` for the rest. */
export type Route = (request: HttpRequest) => Promise<HttpAnswer | undefined>;

export function json(status: number, body: unknown): HttpAnswer {
  return { status, contentType: 'application/json', body: `${JSON.stringify(body, null, 2)}\n` };
}

export function xml(status: number, body: string): HttpAnswer {
  return { status, contentType: 'application/xml', body };
}

export function text(status: number, body: string): HttpAnswer {
  return { status, contentType: 'text/plain; charset=utf-8', body: body.endsWith('\n') ? body : `${body}\n` };
}
