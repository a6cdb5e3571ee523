// app.start: from spawning `node dist/web/main.mjs` to the lesson list rendered in Chromium (the page is
// interactive: the host answered lessons.list over the WebSocket and Svelte drew the list). Chromium is
// already running, as the student's browser would be; its launch is not counted.
import type { BenchDef } from './harness.js';
import { hrMs, launchBrowser, startApp } from './browser.js';
import { ensureBuilt } from './build-check.js';

/** How long the freshly launched browser is left to finish starting before the app is spawned. */
export const BROWSER_SETTLE_MS = 1500;

export const appStart: BenchDef<Record<string, never>> = {
  name: 'app.start',
  metric: 'node dist/web/main.mjs to lesson list rendered',
  unit: 's',
  target: 1.5,
  better: 'lower',
  params: {},
  tinyParams: {},
  warmups: 1,
  repeats: 5,
  async run() {
    const buildS = ensureBuilt();
    const browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    // A browser that was just launched is still starting its own processes for a second or so; on two
    // cores that work competed with the server's start and the page's load, and counted Chromium's launch
    // after all (1.39-1.68 s with it, 0.81-1.01 s after a settle: docs/PERFORMANCE.md "app.start, session 14").
    await page.goto('about:blank');
    await new Promise((resolve) => setTimeout(resolve, BROWSER_SETTLE_MS));
    const app = await startApp();
    try {
      await page.goto(app.url);
      await page.locator('li[data-lesson-id] button').first().waitFor({ state: 'visible', timeout: 20_000 });
      const readyMs = hrMs();
      const lessons = await page.locator('li[data-lesson-id]').count();
      if (lessons === 0) throw new Error('app.start: no lesson in the list');
      return {
        value: (readyMs - app.spawnedMs) / 1000,
        extra: { browserSettleMs: BROWSER_SETTLE_MS, serverListeningS: round3((app.listeningMs - app.spawnedMs) / 1000), pageS: round3((readyMs - app.listeningMs) / 1000), lessons, ...(buildS > 0 ? { rebuiltDistS: round3(buildS) } : {}) },
      };
    } finally {
      await browser.close();
      await app.stop();
    }
  },
};

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}
