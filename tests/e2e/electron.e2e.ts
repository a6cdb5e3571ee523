// The desktop app itself, driven by Playwright's Electron support, wherever an Electron binary exists.
// Elsewhere the test is skipped and the reason is printed (never silently).
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { _electron as electron } from 'playwright-core';
import { findElectronBinary } from './electron-binary.js';

const binary = findElectronBinary();
const skipReason = 'reason' in binary ? binary.reason : undefined;
if (skipReason) console.warn(`[electron e2e] SKIPPED: ${skipReason}`);

async function withDisplay<T>(fn: (env: Record<string, string>) => Promise<T>): Promise<T> {
  if (process.env.DISPLAY) return fn({});
  // Xvfb (Debian package xvfb) gives Electron a screen on a headless machine.
  const display = `:${90 + (process.pid % 9)}`;
  const xvfb = spawn('Xvfb', [display, '-screen', '0', '1440x900x24'], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 500));
  try {
    return await fn({ DISPLAY: display });
  } finally {
    xvfb.kill();
  }
}

describe.skipIf(skipReason !== undefined)('Electron app (skipped without an Electron binary; reason printed above)', () => {
  it('opens a secure window titled tcplab with the six regions and lists lessons through IPC', async () => {
    await withDisplay(async (env) => {
      const app = await electron.launch({
        executablePath: (binary as { path: string }).path,
        args: [path.resolve('dist/electron/main.cjs'), '--no-sandbox'],
        env: { ...process.env, ...env } as Record<string, string>,
      });
      try {
        const page = await app.firstWindow();
        await expect.poll(() => page.title()).toBe('tcplab');
        expect(page.url()).toMatch(/^app:\/\/tcplab\//);
        for (const name of ['Ladder diagram', 'State diagram', 'Router queue', 'Packet inspector', 'Timeline', 'Lesson']) {
          await page.getByRole('button', { name: 'English' }).click();
          expect(await page.getByRole('region', { name, exact: true }).count()).toBe(1);
        }
        const lesson = page.getByRole('region', { name: 'Lesson', exact: true });
        await expect.poll(() => lesson.locator('li').count()).toBeGreaterThanOrEqual(20);
        // The page has no Node: require and process are absent in the sandboxed renderer.
        expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
        expect(await page.evaluate(() => typeof (globalThis as { tcplab?: { call?: unknown } }).tcplab?.call)).toBe('function');
      } finally {
        await app.close();
      }
    });
  });
});
