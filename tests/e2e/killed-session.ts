// A browser-mode host killed in the middle of a session, for the crash-recovery tests: lesson third-ack-lost is
// open with one intervention (a drop at 30 ms), autosaved to `dataDir`, and the host is killed with SIGKILL so
// that nothing is cleaned up.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startWebApp } from './harness.js';
import { connectLab } from './ws-client.js';

export interface KilledSession {
  dataDir: string;
  /** The session as exported just before the kill (tcplab.session/1, parsed). */
  saved: { branches: Array<{ actions: unknown[] }> } & Record<string, unknown>;
  /** What stop() gave for the killed process (null: it died of the signal, not by exiting). */
  exitCode: number | null;
}

export async function killMidSession(prefix: string): Promise<KilledSession> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const app = await startWebApp({ TCPLAB_DATA_DIR: dataDir });
  const lab = await connectLab(app.url);
  await lab.call('session.openLesson', { id: 'third-ack-lost' });
  await lab.call('timeline.seek', { tMs: 30 });
  const router = (await lab.call('view.router')) as { inFlight: Array<{ id: number }> };
  await lab.call('intervene', { action: { op: 'drop', id: router.inFlight[0]!.id } });
  const saved = JSON.parse(((await lab.call('session.export', { format: 'session' })) as { data: string }).data) as KilledSession['saved'];
  lab.close();
  const exitCode = await app.stop('SIGKILL');
  return { dataDir, saved, exitCode };
}
