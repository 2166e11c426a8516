import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import type { CspNetwork } from './CspNetwork.ts';
import { WAN_REGIONS, type WanRegion } from './regions.ts';
import { WebSocketDeviceSide } from './WebSocketDeviceSide.ts';

export interface WebSocketCspLinkOptions {
  readonly network: CspNetwork;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0: any free port (tests). */
  readonly port?: number;
}

/** `/csp/North` → North; anything else → undefined. */
export function regionOfPath(url: string | undefined): WanRegion | undefined {
  const match = /^\/csp\/([^/?#]+)\/?(?:[?#].*)?$/.exec(url ?? '');
  const name = match ? decodeURIComponent(match[1]!).toLowerCase() : undefined;
  return WAN_REGIONS.find((r) => r.toLowerCase() === name);
}

/**
 * The CSP's WebSocket endpoints, one per region: `ws://host:port/csp/{North|Central|South}`. A device
 * host (FleetHost) connects to its region's endpoint; from then on the network carries that region's
 * commands over the socket, with the region's latency, loss and outages applied on this side. One
 * host per region: a new connection replaces the previous one. Other paths are refused with 404.
 */
export class WebSocketCspLink {
  readonly #http: Server;
  readonly #wss: WebSocketServer;
  readonly #network: CspNetwork;
  readonly #hosts = new Map<WanRegion, WebSocket>();

  private constructor(network: CspNetwork, http: Server) {
    this.#network = network;
    this.#http = http;
    this.#wss = new WebSocketServer({ noServer: true });
    http.on('upgrade', (request, socket, head) => {
      const region = regionOfPath(request.url);
      if (region === undefined) {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      this.#wss.handleUpgrade(request, socket, head, (ws) => this.#connected(region, ws));
    });
  }

  static listen(options: WebSocketCspLinkOptions): Promise<WebSocketCspLink> {
    const http = createServer((_request, response) => {
      response.writeHead(426, { 'content-type': 'text/plain' }).end('CSP endpoints speak WebSocket: /csp/{North|Central|South}\n');
    });
    const link = new WebSocketCspLink(options.network, http);
    return new Promise((resolve, reject) => {
      http.once('error', reject);
      http.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
        http.off('error', reject);
        resolve(link);
      });
    });
  }

  get port(): number {
    return (this.#http.address() as AddressInfo).port;
  }

  /** `ws://127.0.0.1:port` */
  get url(): string {
    const address = this.#http.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return `ws://${host}:${address.port}`;
  }

  urlFor(region: WanRegion): string {
    return `${this.url}/csp/${region}`;
  }

  /** Regions with a device host connected. */
  get connected(): number {
    return this.#wss.clients.size;
  }

  /** Disconnects every device host (their open commands become `unreachable`) and stops listening. */
  async close(): Promise<void> {
    for (const ws of this.#wss.clients) ws.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
    await new Promise<void>((resolve, reject) => this.#http.close((error) => (error ? reject(error) : resolve())));
  }

  #connected(region: WanRegion, ws: WebSocket): void {
    const side = new WebSocketDeviceSide(ws);
    const previous = this.#hosts.get(region);
    this.#hosts.set(region, ws);
    this.#network.attach(region, side);
    previous?.close(1000, 'replaced by a new device host');
    ws.on('close', () => {
      this.#network.detach(region, side);
      if (this.#hosts.get(region) === ws) this.#hosts.delete(region);
    });
  }
}
