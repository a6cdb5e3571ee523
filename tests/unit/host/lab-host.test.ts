import { describe, expect, it } from 'vitest';
import { LabHost } from '../../../src-main/host/lab-host.js';

function host() {
  return new LabHost({
    version: '9.9.9',
    mode: 'browser',
    listLessons: () => [{ id: 'demo', order: 1, title: { en: 'Demo', 'zh-CN': '演示' } }],
  });
}

describe('LabHost command handling', () => {
  it('answers a valid call with its result', async () => {
    expect(await host().handleRaw({ t: 'call', id: 1, cmd: 'app.info', args: null })).toEqual({
      t: 'reply', id: 1, ok: true, result: { name: 'tcplab', version: '9.9.9', mode: 'browser' },
    });
    const reply = await host().handleRaw({ t: 'call', id: 2, cmd: 'lessons.list', args: {} });
    expect(reply).toMatchObject({ ok: true, result: [{ id: 'demo', title: { 'zh-CN': '演示' } }] });
  });

  it('refuses unknown commands, bad envelopes and bad arguments with a code and a JSON path', async () => {
    expect(await host().handleRaw({ t: 'call', id: 3, cmd: 'rm.rf', args: null })).toMatchObject({
      id: 3, ok: false, error: { code: 'unknown-command', message: 'unknown command "rm.rf"' },
    });
    const bad = await host().handleRaw({ t: 'call', id: 4, cmd: 'app.info', args: { evil: 1 } });
    expect(bad).toMatchObject({ id: 4, ok: false, error: { code: 'bad-arguments' } });
    const env = await host().handleRaw({ t: 'call', id: 'x', cmd: 'app.info' });
    expect(env).toMatchObject({ id: -1, ok: false, error: { code: 'bad-message' } });
    expect((env as { error: { message: string } }).error.message).toContain('$.id');
    for (const junk of [null, 42, 'call', [], { t: 'call', id: 1, cmd: 'app.info', args: null, extra: true }]) {
      expect(await host().handleRaw(junk)).toMatchObject({ ok: false, error: { code: 'bad-message' } });
    }
  });

  it('does not treat inherited object keys as commands', async () => {
    for (const cmd of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(await host().handleRaw({ t: 'call', id: 5, cmd, args: null })).toMatchObject({ ok: false, error: { code: 'unknown-command' } });
    }
  });
});
