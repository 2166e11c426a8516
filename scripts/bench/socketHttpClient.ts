import { connect, type Socket } from 'node:net';

export interface PlainHttpResponse {
  readonly status: number;
  /** Header names lower-cased; the last value of a repeated header. */
  readonly headers: ReadonlyMap<string, string>;
  readonly body: Buffer;
}

/**
 * A minimal HTTP/1.1 client for the benchmark: one kept-alive TCP connection, one request at a
 * time, each request written whole (head and body prepared before the clock starts, as a load
 * generator such as wrk does), each response read whole by its Content-Length. It is there
 * because node's own clients cost more CPU per request than the harness's DSP does on a small
 * machine; it refuses (rejects) any response it does not understand rather than guess:
 * chunked encoding, no Content-Length, a closed connection.
 */
export class SocketHttpClient {
  readonly #socket: Socket;
  readonly #ready: Promise<void>;
  #buffered: Buffer = Buffer.alloc(0);
  #waiting: { resolve: (r: PlainHttpResponse) => void; reject: (e: Error) => void } | undefined;
  #failed: Error | undefined;

  constructor(url: string) {
    const { hostname, port } = new URL(url);
    this.#socket = connect({ host: hostname, port: Number(port), noDelay: true });
    this.#ready = new Promise((resolve, reject) => {
      this.#socket.once('connect', resolve);
      this.#socket.once('error', reject);
    });
    this.#socket.on('data', (chunk: Buffer) => {
      this.#buffered = this.#buffered.length === 0 ? chunk : Buffer.concat([this.#buffered, chunk]);
      this.#parse();
    });
    const fail = (error: Error) => {
      this.#failed ??= error;
      this.#waiting?.reject(error);
      this.#waiting = undefined;
    };
    this.#socket.on('error', fail);
    this.#socket.on('close', () => fail(new Error('the server closed the connection')));
  }

  /** The bytes of a POST of `body` to `path` on `url`'s host. */
  static post(url: string, path: string, contentType: string, body: Buffer): Buffer {
    const { host } = new URL(url);
    const head =
      `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: ${contentType}\r\n` +
      `Content-Length: ${body.length}\r\nConnection: keep-alive\r\n\r\n`;
    return Buffer.concat([Buffer.from(head, 'latin1'), body]);
  }

  /** Sends one prepared request (see `post`) and resolves its response. */
  async send(request: Buffer): Promise<PlainHttpResponse> {
    await this.#ready;
    if (this.#failed) throw this.#failed;
    if (this.#waiting) throw new Error('SocketHttpClient: one request at a time');
    return new Promise((resolve, reject) => {
      this.#waiting = { resolve, reject };
      this.#socket.write(request);
    });
  }

  close(): void {
    this.#socket.destroy();
  }

  #parse(): void {
    const waiting = this.#waiting;
    if (waiting === undefined) return;
    const end = this.#buffered.indexOf('\r\n\r\n');
    if (end === -1) return;
    const lines = this.#buffered.subarray(0, end).toString('latin1').split('\r\n');
    const status = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '');
    const headers = new Map<string, string>();
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const length = Number(headers.get('content-length'));
    if (status === null || headers.has('transfer-encoding') || !Number.isInteger(length) || length < 0) {
      this.#waiting = undefined;
      waiting.reject(new Error(`SocketHttpClient: a response it cannot read: ${lines.join(' | ').slice(0, 300)}`));
      this.#socket.destroy();
      return;
    }
    if (this.#buffered.length < end + 4 + length) return;
    const body = this.#buffered.subarray(end + 4, end + 4 + length);
    this.#buffered = this.#buffered.subarray(end + 4 + length);
    this.#waiting = undefined;
    waiting.resolve({ status: Number(status[1]), headers, body });
  }
}
