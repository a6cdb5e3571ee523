// The real browser-mode app (node dist/web/main.mjs) and Debian Chromium driven by playwright-core, with the
// flags of tests/e2e/harness.ts (launch() without --user-data-dir: playwright-core 1.65 refuses it there and
// makes a fresh temporary profile itself). Frame times come from the page's own requestAnimationFrame.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { repoRoot } from './build-check.js';

export const CHROMIUM = process.env.TCPLAB_CHROMIUM ?? '/usr/bin/chromium';
export const FRAME_BUDGET_MS = 16.7;

/** playwright-core is loaded on first use: it costs ~100 MB of RSS, which the memory bench must not count. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium, or set TCPLAB_CHROMIUM)`);
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface RunningApp {
  url: string;
  proc: ChildProcess;
  /** Wall ms (hrtime) when the process was spawned and when it printed its URL. */
  spawnedMs: number;
  listeningMs: number;
  stop(): Promise<void>;
}

export function hrMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Spawns `node dist/web/main.mjs` on a free port with a throwaway data dir (no autosave in the user's home). */
export async function startApp(): Promise<RunningApp> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tcplab-bench-data-'));
  const spawnedMs = hrMs();
  const proc = spawn(process.execPath, [path.join(repoRoot(), 'dist', 'web', 'main.mjs')], {
    env: { ...process.env, TCPLAB_NO_OPEN: '1', TCPLAB_PORT: '0', TCPLAB_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode printed no URL in 20 s:\n${out}`)), 20_000);
    const onData = (d: Buffer) => {
      out += String(d);
      const m = /browser mode: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', (d: Buffer) => (out += String(d)));
    proc.once('exit', (code) => reject(new Error(`browser mode exited with ${code}:\n${out}`)));
  });
  const listeningMs = hrMs();
  const stop = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        rmSync(dataDir, { recursive: true, force: true });
        resolve();
      };
      if (proc.exitCode !== null) return done();
      proc.once('exit', done);
      proc.kill('SIGINT');
    });
  return { url, proc, spawnedMs, listeningMs, stop };
}

// Page-side code is written as strings: the Node tsconfig has no DOM library, and these run in Chromium.
const PROBE_START = `(() => {
  window.__frames = [];
  window.__probe = true;
  const tick = (t) => {
    if (!window.__probe) return;
    window.__frames.push(t);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;
const PROBE_STOP = '(() => { window.__probe = false; return window.__frames; })()';

/** Starts recording requestAnimationFrame timestamps in the page (the compositor's frame start times). */
export async function startFrameProbe(page: Page): Promise<void> {
  await page.evaluate(PROBE_START);
}

/** Stops the probe and returns the frame-to-frame intervals in ms. */
export async function stopFrameProbe(page: Page): Promise<number[]> {
  const stamps = (await page.evaluate(PROBE_STOP)) as number[];
  const deltas: number[] = [];
  for (let i = 1; i < stamps.length; i++) deltas.push(stamps[i]! - stamps[i - 1]!);
  return deltas;
}

/**
 * Chromium coarsens rAF timestamps to 100 µs (no cross-origin isolation), so an interval of exactly one
 * 60 Hz vsync (16.667 ms) reads as 16.6, 16.7 or 16.8 ms: 0.2 ms is the resolution of one interval.
 */
export const INTERVAL_RESOLUTION_MS = 0.2;

/** Intervals rounded to 0.1 ms → how many, the most frequent first (at most 8 buckets). */
function histogram(deltas: number[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const d of deltas) counts.set(d.toFixed(1), (counts.get(d.toFixed(1)) ?? 0) + 1);
  return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1]).slice(0, 8));
}

/**
 * Frame statistics. A frame is over budget when its interval exceeds 16.7 ms by more than the timestamps'
 * resolution; a frame that missed a whole vsync shows as ~33.3 ms.
 */
export function frameStats(deltas: number[]): { frames: number; overBudget: number; overBudgetPercent: number; missedVsync: number; maxMs: number; intervalsMs: Record<string, number> } {
  const over = deltas.filter((d) => d > FRAME_BUDGET_MS + INTERVAL_RESOLUTION_MS).length;
  const missed = deltas.filter((d) => d > FRAME_BUDGET_MS * 1.5).length;
  return {
    frames: deltas.length,
    overBudget: over,
    overBudgetPercent: deltas.length === 0 ? 0 : Math.round((over / deltas.length) * 10000) / 100,
    missedVsync: missed,
    maxMs: Math.round(Math.max(0, ...deltas) * 10) / 10,
    intervalsMs: histogram(deltas),
  };
}
