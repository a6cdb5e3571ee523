import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { MAX_REQUEST_BYTES } from '../../../src-main/contract/index.js';
import { LabHost } from '../../../src-main/host/lab-host.js';
import { startWebServer, type RunningWebServer } from '../../../src-main/web/server.js';

let server: RunningWebServer;
const dir = mkdtempSync(path.join(os.tmpdir(), 'tcplab-static-'));
writeFileSync(path.join(dir, 'index.html'), '<title>tcplab</title>');

beforeAll(async () => {
  const host = new LabHost({ version: '1', mode: 'browser', listLessons: () => [] });
  server = await startWebServer({ host, staticDir: dir, port: 0 });
});
afterAll(() => server.close());

function connect(origin: string | undefined): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(server.url.replace('http', 'ws') + 'ws', origin ? { origin } : {});
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

describe('browser-mode web server', () => {
  it('binds to 127.0.0.1 and serves the renderer with a CSP', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await fetch(server.url);
    expect(await res.text()).toContain('tcplab');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('accepts a socket from its own origin and round-trips a command', async () => {
    const ws = await connect(server.url.replace(/\/$/, ''));
    const reply = await new Promise<unknown>((resolve) => {
      ws.once('message', (d) => resolve(JSON.parse(String(d))));
      ws.send(JSON.stringify({ t: 'call', id: 1, cmd: 'app.info', args: null }));
    });
    expect(reply).toMatchObject({ id: 1, ok: true, result: { mode: 'browser' } });
    ws.close();
  });

  // A 60 MB file opened in browser mode was one such frame: ws raised an 'error' nobody handled and the whole
  // lab process exited, taking every open window's session with it.
  it('closes a socket that sends a frame over the limit and keeps serving', async () => {
    const ws = await connect(server.url.replace(/\/$/, ''));
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.on('error', () => undefined); // the client side sees the close; its own error event is not the point
    ws.send('x'.repeat(MAX_REQUEST_BYTES + 1));
    expect(await closed).toBe(1009);
    const again = await connect(server.url.replace(/\/$/, ''));
    const reply = await new Promise<unknown>((resolve) => {
      again.once('message', (d) => resolve(JSON.parse(String(d))));
      again.send(JSON.stringify({ t: 'call', id: 2, cmd: 'app.info', args: null }));
    });
    expect(reply).toMatchObject({ id: 2, ok: true });
    again.close();
  });

  it('refuses sockets from other origins or with no origin', async () => {
    await expect(connect('http://evil.example')).rejects.toThrow('HTTP 403');
    await expect(connect('http://127.0.0.1:1')).rejects.toThrow('HTTP 403');
    await expect(connect(undefined)).rejects.toThrow('HTTP 403');
  });

  it('never serves files outside the renderer folder', async () => {
    for (const p of ['/../../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/nope.js']) {
      const res = await fetch(new URL(p, server.url).toString().replace(/\/etc/, '/etc'));
      expect(res.status).toBe(404);
    }
  });

  it('falls back to a free port when the preferred one is busy', async () => {
    const host = new LabHost({ version: '1', mode: 'browser', listLessons: () => [] });
    const second = await startWebServer({ host, staticDir: dir, port: server.port });
    expect(second.port).not.toBe(server.port);
    await second.close();
  });
});
