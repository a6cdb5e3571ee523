// Random malformed host commands through both transports — the WebSocket of browser mode and the Electron
// IPC handler — into a host with a session open. Each is answered ok: false, and the session (export,
// trace and info) is byte-identical afterwards.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CALL_CHANNEL, registerIpc, trustedSender } from '../../../src-main/electron/ipc.js';
import type { LabHost } from '../../../src-main/host/lab-host.js';
import { startWebServer, type RunningWebServer } from '../../../src-main/web/server.js';
import { badMessage, Prng } from '../../../tools/simtest/bad-commands.js';
import { hostCall, newHost, snapshotOf } from '../../../tools/simtest/fuzz-files.js';

interface Reply { t: string; id: number; ok: boolean; error?: { code: string; message: string } }

async function openSession(host: LabHost): Promise<void> {
  await hostCall(host, 'session.openLesson', { id: 'third-ack-lost' });
  await hostCall(host, 'timeline.seek', { tMs: 30 });
  const router = (await hostCall(host, 'view.router', null)).result as { inFlight: Array<{ id: number }> };
  const dropped = await hostCall(host, 'intervene', { action: { op: 'drop', id: router.inFlight[0]!.id } });
  expect(dropped.ok).toBe(true);
}

describe('malformed commands over the WebSocket', () => {
  let host: LabHost, server: RunningWebServer, ws: WebSocket;
  const replies: Reply[] = [];
  let waiting: ((r: Reply) => void) | null = null;

  beforeAll(async () => {
    host = newHost();
    await openSession(host);
    server = await startWebServer({ host, staticDir: mkdtempSync(path.join(os.tmpdir(), 'tcplab-static-')), port: 0 });
    const origin = server.url.replace(/\/$/, '');
    ws = new WebSocket(`${origin.replace('http', 'ws')}/ws`, { origin });
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as Reply;
      if (msg.t !== 'reply') return;
      if (waiting) { const w = waiting; waiting = null; w(msg); } else replies.push(msg);
    });
    await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
  });
  afterAll(async () => { ws.close(); await server.close(); });

  const send = (raw: string | Buffer): Promise<Reply> => new Promise((resolve) => {
    waiting = resolve;
    ws.send(raw);
  });

  it('400 random bad messages (seed 5) and binary frames: all refused, session unchanged', async () => {
    const before = await snapshotOf(host);
    const rng = new Prng(5);
    for (let i = 0; i < 400; i++) {
      const msg = badMessage(rng, 1000 + i);
      const reply = await send(typeof msg === 'string' ? msg : JSON.stringify(msg));
      expect(reply.ok, `message ${i}: ${JSON.stringify(msg).slice(0, 200)}`).toBe(false);
      expect(reply.error!.message.length).toBeGreaterThan(5);
    }
    expect((await send(Buffer.from([0x7b, 0x7d]))).ok).toBe(false); // a binary frame "{}"
    expect(replies).toEqual([]);
    expect(await snapshotOf(host)).toBe(before);
  });
});

describe('malformed commands over the Electron IPC handler', () => {
  it('400 random bad messages (seed 6): all refused, session unchanged', async () => {
    const handlers = new Map<string, (event: unknown, msg: unknown) => Promise<unknown>>();
    const host = newHost();
    await openSession(host);
    registerIpc({ handle: (ch: string, fn: never) => handlers.set(ch, fn) } as never, host, trustedSender((id) => id === 7));
    const call = handlers.get(CALL_CHANNEL)!;
    const frame = { url: 'app://tcplab/index.html' };
    const event = { senderFrame: frame, sender: { id: 7, mainFrame: frame } };
    const before = await snapshotOf(host);
    const rng = new Prng(6);
    for (let i = 0; i < 400; i++) {
      const msg = badMessage(rng, 2000 + i);
      const reply = (await call(event, msg)) as Reply;
      expect(reply.ok, `message ${i}: ${JSON.stringify(msg).slice(0, 200)}`).toBe(false);
    }
    expect(await snapshotOf(host)).toBe(before);
  });
});
