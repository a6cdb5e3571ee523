// renderer.ladder: the ladder diagram of a synthetic 100,000-packet trace (fixture.html?packets=N,
// src-renderer/views/fixture/synthetic.ts) panned and zoomed with real mouse input for 5 s in Chromium;
// the value is the p95 of the page's own requestAnimationFrame intervals.
import type { Page } from 'playwright-core';
import { percentile, type BenchDef } from './harness.js';
import { frameStats, hrMs, INTERVAL_RESOLUTION_MS, launchBrowser, startApp, startFrameProbe, stopFrameProbe } from './browser.js';
import { ensureBuilt } from './build-check.js';

/** One gesture cycle: wheel-zoom in, drag-pan down and back up, wheel-zoom out (d3-zoom on the canvas). */
async function gestureCycle(page: Page, cx: number, cy: number): Promise<number> {
  let inputs = 0;
  for (let i = 0; i < 5; i++, inputs++) await page.mouse.wheel(0, -240);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++, inputs++) await page.mouse.move(cx, cy - i * 25);
  for (let i = 7; i >= 0; i--, inputs++) await page.mouse.move(cx, cy - i * 25);
  await page.mouse.up();
  for (let i = 0; i < 5; i++, inputs++) await page.mouse.wheel(0, 240);
  return inputs;
}

/** Collects every draw time the canvas reports (data-draw-ms, set once per drawn frame). Runs in the page. */
const DRAW_PROBE = `(() => {
  window.__draws = [];
  const canvas = document.querySelector('canvas');
  new MutationObserver(() => window.__draws.push(Number(canvas.dataset.drawMs))).observe(canvas, { attributes: true, attributeFilter: ['data-draw-ms'] });
})()`;

export const rendererLadder: BenchDef<{ packets: number; durationMs: number }> = {
  name: 'renderer.ladder',
  metric: 'p95 frame interval while panning and zooming',
  unit: 'ms',
  target: 16.7,
  better: 'lower',
  resolution: INTERVAL_RESOLUTION_MS,
  params: { packets: 100_000, durationMs: 5_000 },
  tinyParams: { packets: 2_000, durationMs: 800 },
  warmups: 1,
  repeats: 3,
  async run({ packets, durationMs }) {
    const buildS = ensureBuilt();
    const app = await startApp();
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1540, height: 600 }, deviceScaleFactor: 1, colorScheme: 'light' });
      await page.goto(`${app.url}fixture.html?packets=${packets}`);
      await page.waitForFunction(`document.querySelector('canvas')?.dataset.drawn === '${packets}'`, null, { timeout: 60_000 });
      const fixtureBuildMs = (await page.evaluate('window.fixtureBuildMs ?? 0')) as number;
      const box = await page.locator('canvas').boundingBox();
      if (box === null) throw new Error('renderer.ladder: the canvas has no box');
      const cx = box.x + box.width / 2, cy = box.y + box.height * 0.75;
      await page.mouse.move(cx, cy);
      await page.evaluate(DRAW_PROBE);
      await startFrameProbe(page);
      const started = hrMs();
      let inputs = 0;
      while (hrMs() - started < durationMs) inputs += await gestureCycle(page, cx, cy);
      const deltas = await stopFrameProbe(page);
      const draws = (await page.evaluate('window.__draws')) as number[];
      if (draws.length === 0) throw new Error('renderer.ladder: the gestures redrew nothing');
      return {
        value: percentile(deltas, 95),
        extra: {
          ...frameStats(deltas), medianFrameMs: round1(percentile(deltas, 50)), inputs, redraws: draws.length,
          drawP95Ms: round1(percentile(draws, 95)), drawMaxMs: round1(Math.max(...draws)), fixtureBuildMs: Math.round(fixtureBuildMs),
          ...(buildS > 0 ? { rebuiltDistS: round1(buildS) } : {}),
        },
      };
    } finally {
      await browser.close();
      await app.stop();
    }
  },
};

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}
