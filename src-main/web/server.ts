// Browser mode: the lab host in Node, serving the renderer over HTTP and the command/event API over a
// WebSocket, on 127.0.0.1 only. A socket whose Origin is not this server's own page is refused, so a
// hostile page open in the same browser cannot drive the lab.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_REQUEST_BYTES, type ServerMessage } from '../contract/index.js';
import type { LabHost } from '../host/lab-host.js';
import { serveStatic } from './static-files.js';

export interface WebServerOptions {
  host: LabHost;
  staticDir: string;
  /** Preferred port; if busy, a free one is taken. 0 = any free port. */
  port: number;
}

export interface RunningWebServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(err);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}

async function listenWithFallback(server: http.Server, port: number): Promise<number> {
  try {
    return await listen(server, port);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0) throw err;
    return listen(server, 0); // a second instance must not fail on a busy port
  }
}

function attachSocket(ws: WebSocket, host: LabHost): void {
  const send = (msg: ServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
  };
  const unsubscribe = host.subscribe((batch) => send({ t: 'events', batch }));
  ws.on('message', async (data, isBinary) => {
    let raw: unknown;
    try {
      if (isBinary) throw new Error('binary frames are not accepted');
      raw = JSON.parse(String(data));
    } catch (err) {
      send({ t: 'reply', id: -1, ok: false, error: { code: 'bad-message', message: `not a JSON text message: ${(err as Error).message}` } });
      return;
    }
    send(await host.handleRaw(raw));
  });
  ws.on('close', unsubscribe);
  // A frame over maxPayload (a huge file opened in the page) or a broken socket: ws closes this socket itself
  // (1009 for the size). Unhandled, the 'error' event would end the whole process and every session in it.
  ws.on('error', (err) => console.error(`tcplab: closed a browser connection: ${err.message}`));
}

export async function startWebServer(opts: WebServerOptions): Promise<RunningWebServer> {
  let origin = '';
  const server = http.createServer((req, res) => {
    void serveStatic(opts.staticDir, req, res, origin);
  });
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_REQUEST_BYTES,
  });
  server.on('upgrade', (req, socket, head) => {
    if (req.url !== '/ws' || req.headers.origin !== origin) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attachSocket(ws, opts.host));
  });
  const port = await listenWithFallback(server, opts.port);
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
