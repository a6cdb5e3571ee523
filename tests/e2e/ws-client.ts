// A minimal lab client over the real WebSocket, for E2E tests that need no browser.
import WebSocket from 'ws';

export interface WsLab {
  call(cmd: string, args?: unknown): Promise<unknown>;
  close(): void;
}

export async function connectLab(appUrl: string): Promise<WsLab> {
  const origin = appUrl.replace(/\/$/, '');
  const ws = new WebSocket(`${origin.replace('http', 'ws')}/ws`, { origin });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data)) as { t: string; id: number; ok: boolean; result?: unknown; error?: { code: string; message: string } };
    if (msg.t !== 'reply') return;
    const p = pending.get(msg.id);
    pending.delete(msg.id);
    if (!p) return;
    if (msg.ok) p.resolve(msg.result);
    else p.reject(Object.assign(new Error(msg.error?.message), { code: msg.error?.code }));
  });
  return {
    call: (cmd, args = null) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        ws.send(JSON.stringify({ t: 'call', id, cmd, args }));
      }),
    close: () => ws.close(),
  };
}
