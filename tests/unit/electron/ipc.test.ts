// The IPC adapter with a fake ipcMain: sender validation, schema rejection, and round trips to a real LabHost.
import { describe, expect, it } from 'vitest';
import { LabHost } from '../../../src-main/host/lab-host.js';
import { CALL_CHANNEL, registerIpc, trustedSender } from '../../../src-main/electron/ipc.js';

type Handler = (event: unknown, msg: unknown) => Promise<unknown>;

function setup() {
  const handlers = new Map<string, Handler>();
  const fakeIpcMain = { handle: (ch: string, fn: Handler) => handlers.set(ch, fn) };
  const host = new LabHost({ version: '1.2.3', mode: 'electron', listLessons: () => [] });
  const ownIds = new Set([7]);
  registerIpc(fakeIpcMain as never, host, trustedSender((id) => ownIds.has(id)));
  const call = handlers.get(CALL_CHANNEL);
  if (!call) throw new Error('no handler registered');
  return { call };
}

function event(url: string | undefined, senderId = 7, mainFrame = true) {
  const frame = url === undefined ? null : { url };
  return { senderFrame: frame, sender: { id: senderId, mainFrame: mainFrame ? frame : { url } } };
}

describe('Electron IPC adapter', () => {
  it('round-trips a valid call from our own page', async () => {
    const { call } = setup();
    const reply = await call(event('app://tcplab/index.html'), { t: 'call', id: 3, cmd: 'app.info', args: null });
    expect(reply).toEqual({ t: 'reply', id: 3, ok: true, result: { name: 'tcplab', version: '1.2.3', mode: 'electron' } });
  });

  it('refuses calls from other origins, sub-frames, foreign windows and destroyed frames', async () => {
    const { call } = setup();
    const msg = { t: 'call', id: 1, cmd: 'app.info', args: null };
    for (const ev of [
      event('https://evil.example/'),
      event('file:///etc/passwd'),
      event('app://tcplab/index.html', 99),
      event('app://tcplab/index.html', 7, false),
      event(undefined),
    ]) {
      expect(await call(ev, msg)).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    }
  });

  it('rejects payloads that fail the contract schema, naming the field', async () => {
    const { call } = setup();
    const ev = event('app://tcplab/index.html');
    expect(await call(ev, { t: 'call', id: 'one', cmd: 'app.info' })).toMatchObject({ ok: false, error: { code: 'bad-message' } });
    expect(await call(ev, { t: 'call', id: 2, cmd: 'app.info', args: { x: 1 } })).toMatchObject({ id: 2, ok: false, error: { code: 'bad-arguments' } });
    expect(await call(ev, 'raw string')).toMatchObject({ ok: false, error: { code: 'bad-message' } });
    expect(await call(ev, { t: 'call', id: 4, cmd: 'shell.openExternal', args: 'https://x' })).toMatchObject({ ok: false, error: { code: 'unknown-command' } });
  });
});
