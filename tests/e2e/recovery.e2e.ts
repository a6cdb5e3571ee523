// Crash recovery, for real: kill -9 the browser-mode host in the middle of a session, start it again, and
// get the session back. A clean Ctrl-C leaves nothing to recover.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { logFailedAttempts, startWebApp } from './harness.js';
import { connectLab } from './ws-client.js';

logFailedAttempts();

interface Info { branch: string; cursorMs: number; branches: Array<{ id: string; actionCount: number }> }

describe('autosave and crash recovery (browser mode)', () => {
  it('survives kill -9: the restarted host offers the session and restores its interventions', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tcplab-recovery-'));
    const first = await startWebApp({ TCPLAB_DATA_DIR: dataDir });
    const lab = await connectLab(first.url);
    await lab.call('session.openLesson', { id: 'third-ack-lost' });
    await lab.call('timeline.seek', { tMs: 30 });
    const router = (await lab.call('view.router')) as { inFlight: Array<{ id: number }> };
    await lab.call('intervene', { action: { op: 'drop', id: router.inFlight[0]!.id } });
    const before = JSON.parse(((await lab.call('session.export', { format: 'session' })) as { data: string }).data);
    lab.close();
    expect(await first.stop('SIGKILL')).toBeNull(); // killed, no clean shutdown

    const second = await startWebApp({ TCPLAB_DATA_DIR: dataDir });
    const lab2 = await connectLab(second.url);
    const check = (await lab2.call('recovery.check')) as { available: boolean; actions: number; title: { en: string } };
    expect(check).toMatchObject({ available: true, actions: 1 });
    expect(check.title.en).toMatch(/third ACK/i);
    const info = (await lab2.call('recovery.restore')) as Info;
    expect(info.cursorMs).toBe(30);
    const after = JSON.parse(((await lab2.call('session.export', { format: 'session' })) as { data: string }).data);
    expect(after.branches).toEqual(before.branches);
    expect(after.scenario).toEqual(before.scenario);
    expect((await lab2.call('recovery.check')) as { available: boolean }).toEqual({ available: false });
    lab2.close();
    expect(await second.stop('SIGINT')).toBe(0);

    // After a clean stop there is nothing to recover.
    const third = await startWebApp({ TCPLAB_DATA_DIR: dataDir });
    const lab3 = await connectLab(third.url);
    expect(await lab3.call('recovery.check')).toEqual({ available: false });
    lab3.close();
    await third.stop('SIGINT');
  });
});
