// The renderer's only door to the lab host. In Electron the preload exposes `window.tcplab`; in browser mode
// we speak the same messages over a WebSocket to the page's own origin. Either way: call() and onEvents().
import { MAX_REQUEST_BYTES, type CommandArgs, type CommandName, type CommandResults, type LabErrorInfo, type ServerMessage } from '../../src-main/contract/index.js';
import { oversizeBytes } from './utf8-length.js';

export interface LabClient {
  call<K extends CommandName>(cmd: K, args?: CommandArgs<K>): Promise<CommandResults[K]>;
  onEvents(listener: (batch: unknown[]) => void): () => void;
  onDisconnect(listener: () => void): void;
}

export class HostError extends Error {
  constructor(readonly info: LabErrorInfo) {
    super(info.message);
    this.name = 'HostError';
  }
}

/** Shape of the bridge the Electron preload exposes on window. */
interface PreloadBridge {
  call(msg: { t: 'call'; id: number; cmd: string; args: unknown }): Promise<ServerMessage>;
  onEvents(listener: (batch: unknown[]) => void): () => void;
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

function webSocketClient(url: string): LabClient {
  const pending = new Map<number, Pending>();
  const eventListeners = new Set<(batch: unknown[]) => void>();
  const disconnectListeners = new Set<() => void>();
  let nextId = 1;
  const ws = new WebSocket(url);
  const opened = new Promise<void>((resolve, reject) => {
    ws.addEventListener('open', () => resolve(), { once: true });
    ws.addEventListener('error', () => reject(new Error(`cannot reach the lab host at ${url}`)), { once: true });
  });
  ws.addEventListener('message', (ev) => {
    const msg = JSON.parse(String(ev.data)) as ServerMessage;
    if (msg.t === 'events') {
      for (const l of eventListeners) l(msg.batch);
      return;
    }
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.ok) p.resolve(msg.result);
    else p.reject(new HostError(msg.error));
  });
  ws.addEventListener('close', () => {
    for (const p of pending.values()) p.reject(new Error('connection to the lab host closed'));
    pending.clear();
    for (const l of disconnectListeners) l();
  });
  return {
    async call(cmd, args) {
      await opened;
      const id = nextId++;
      const text = JSON.stringify({ t: 'call', id, cmd, args: args ?? null });
      // The server closes the socket on a bigger frame (and the window loses the host): refuse it here instead.
      const bytes = oversizeBytes(text, MAX_REQUEST_BYTES);
      if (bytes !== null) {
        throw new HostError({ code: 'bad-message', message: `${cmd}: the request is ${bytes} bytes; the lab host reads at most ${MAX_REQUEST_BYTES}` });
      }
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        ws.send(text);
      });
    },
    onEvents(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onDisconnect(listener) {
      disconnectListeners.add(listener);
    },
  };
}

function preloadClient(bridge: PreloadBridge): LabClient {
  let nextId = 1;
  return {
    async call(cmd, args) {
      const reply = await bridge.call({ t: 'call', id: nextId++, cmd, args: args ?? null });
      if (reply.t !== 'reply') throw new Error('unexpected reply from the lab host');
      if (!reply.ok) throw new HostError(reply.error);
      return reply.result as never;
    },
    onEvents: (listener) => bridge.onEvents(listener),
    onDisconnect: () => undefined,
  };
}

export function createClient(): LabClient {
  const bridge = (globalThis as { tcplab?: PreloadBridge }).tcplab;
  if (bridge) return preloadClient(bridge);
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return webSocketClient(`${proto}//${location.host}/ws`);
}
