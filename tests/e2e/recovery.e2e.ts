// Crash recovery, for real: kill -9 the browser-mode host in the middle of a session, start it again, and
// get the session back. A clean Ctrl-C leaves nothing to recover.
import { describe, expect, it } from 'vitest';
import { logFailedAttempts, startWebApp } from './harness.js';
import { killMidSession } from './killed-session.js';
import { connectLab } from './ws-client.js';

logFailedAttempts();

interface Info { branch: string; cursorMs: number; branches: Array<{ id: string; actionCount: number }> }

describe('autosave and crash recovery (browser mode)', () => {
  it('survives kill -9: the restarted host offers the session and restores its interventions', async () => {
    const { dataDir, saved: before, exitCode } = await killMidSession('tcplab-recovery-');
    expect(exitCode).toBeNull(); // killed, no clean shutdown

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
