import { type RunningServer, startHttpServer } from '../http/httpServer.ts';
import { LiveView, type LiveViewOptions } from './LiveView.ts';

export interface RunningLiveView {
  readonly view: LiveView;
  /** `http://127.0.0.1:port`; the page is `${url}/live`. */
  readonly url: string;
  readonly server: RunningServer['server'];
  close(): Promise<void>;
}

/** A live view on its own HTTP server (the project's one adapter), the WebSocket on the same server. */
export async function startLiveView(
  options: LiveViewOptions & { readonly host?: string; readonly port?: number } = {},
): Promise<RunningLiveView> {
  const view = new LiveView(options);
  let running: RunningServer;
  try {
    running = await startHttpServer([view.route], { host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  } catch (error) {
    await view.close();
    throw error;
  }
  const detach = view.attach(running.server);
  return {
    view,
    url: running.url,
    server: running.server,
    close: async () => {
      await view.close();
      detach();
      await running.close();
    },
  };
}
