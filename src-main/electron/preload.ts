// The renderer's narrow, typed door into main: call() and onEvents(), nothing else. ipcRenderer itself
// never crosses the context bridge.
import { contextBridge, ipcRenderer } from 'electron';

type Listener = (batch: unknown[]) => void;
const listeners = new Set<Listener>();

ipcRenderer.on('tcplab:events', (event) => {
  const port = event.ports[0];
  if (!port) return;
  port.onmessage = (msg: { data: unknown }) => {
    for (const l of listeners) l(msg.data as unknown[]);
  };
});

const api = {
  call: (msg: { t: 'call'; id: number; cmd: string; args: unknown }): Promise<unknown> => ipcRenderer.invoke('tcplab:call', msg),
  onEvents: (listener: Listener): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export type PreloadApi = typeof api;

contextBridge.exposeInMainWorld('tcplab', api);
