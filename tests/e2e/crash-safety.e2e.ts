// Crash safety: kill -9 the browser-mode host 100 times at random points around an autosave, in four
// parallel chains. Every restart must find a readable autosave holding either the previous good session
// or the new one (never a torn file), restore it, and lose at most the one change in flight (< 5 s).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSession } from '../../src-main/lab/session-file.js';
import { Prng } from '../../src-main/tcp/prng.js';
import { logFailedAttempts, startWebApp } from './harness.js';
import { connectLab, type WsLab } from './ws-client.js';

logFailedAttempts();

const CHAINS = 4;
const KILLS_PER_CHAIN = 25;

interface Saved { branches: Array<{ id: string; name?: string }>; scenario: unknown }

async function exported(lab: WsLab): Promise<Saved> {
  const file = (await lab.call('session.export', { format: 'session' })) as { data: string };
  return JSON.parse(file.data) as Saved;
}

const names = (s: Saved) => JSON.stringify(s.branches.map((b) => b.name ?? b.id));

/** Every autosave file left in the folder parses and loads as a session (a torn write would not). */
function checkFiles(dir: string): number {
  const files = readdirSync(dir).filter((f) => /^autosave-\d+\.tcplab$/.test(f));
  for (const f of files) {
    const text = readFileSync(path.join(dir, f), 'utf8');
    expect(() => JSON.parse(text), `${f} is not JSON`).not.toThrow();
    expect(loadSession(text).ok, `${f} does not load as a session`).toBe(true);
  }
  return files.length;
}

async function chain(index: number): Promise<number> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `tcplab-crash-${index}-`));
  const rng = new Prng(0xc4a5 + index);
  let previous: Saved | null = null;
  let kills = 0;
  for (let k = 0; k < KILLS_PER_CHAIN; k++) {
    const app = await startWebApp({ TCPLAB_DATA_DIR: dir });
    const lab = await connectLab(app.url);
    if (previous === null) {
      await lab.call('session.openLesson', { id: 'third-ack-lost' });
      await lab.call('timeline.seek', { tMs: 30 });
    } else {
      expect(checkFiles(dir), `chain ${index} kill ${k}: no autosave left`).toBeGreaterThan(0);
      expect(await lab.call('recovery.check')).toMatchObject({ available: true });
      await lab.call('recovery.restore');
      const got = await exported(lab);
      expect(got.scenario).toEqual(previous.scenario);
      // The change in flight at the kill (branch "c<k-1>") is there or not; everything before it is.
      const before = names(previous);
      const withNew = JSON.stringify([...JSON.parse(before) as string[], `c${index}-${k - 1}`]);
      expect([before, withNew], `chain ${index} restart ${k}: branches ${names(got)}`).toContain(names(got));
    }
    previous = await exported(lab);
    // Half the kills come after the reply (the change must survive), half at a random moment during it.
    const afterReply = rng.chance(0.5);
    const change = lab.call('timeline.branch', { name: `c${index}-${k}` });
    if (afterReply) {
      await change;
      previous = await exported(lab);
    } else {
      change.catch(() => undefined);
      await new Promise((r) => setTimeout(r, rng.int(0, 25)));
    }
    lab.close();
    expect(await app.stop('SIGKILL')).toBeNull();
    kills++;
  }
  return kills;
}

describe('kill -9 during autosave (browser mode)', () => {
  it(`${CHAINS * KILLS_PER_CHAIN} kills: every restart recovers the previous or the new session, never a corrupt one`, async () => {
    const started = Date.now();
    const kills = await Promise.all(Array.from({ length: CHAINS }, (_, i) => chain(i)));
    expect(kills.reduce((a, b) => a + b, 0)).toBe(CHAINS * KILLS_PER_CHAIN);
    console.log(`crash-safety: ${CHAINS * KILLS_PER_CHAIN} kill -9 runs in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 240_000);
});
