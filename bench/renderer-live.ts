// renderer.live: the real app in browser mode playing a scenario at 1× speed whose virtual network carries
// 1,000 packets per second (a bulk transfer through an 8 Mbit/s bottleneck: measured 999–1,001 segments
// per virtual second). The scenario is opened through the page's own Open input and Play is pressed like a
// user would (after Show all, so the ladder draws the whole run as it grows: the heaviest view); the value is the
// share of requestAnimationFrame intervals over 16.7 ms.
import type { Page } from 'playwright-core';
import WebSocket from 'ws';
import { percentile, type BenchDef } from './harness.js';
import { frameStats, launchBrowser, startApp, startFrameProbe, stopFrameProbe } from './browser.js';
import { ensureBuilt } from './build-check.js';

/** 8 Mbit/s: ~667 full-size data segments plus ~333 ACKs per second at 1× (docs/PERFORMANCE.md). */
export function liveScenario(untilMs: number): { title: { en: string; 'zh-CN': string } } & Record<string, unknown> {
  return {
    format: 'tcplab.scenario/1',
    title: { en: 'Bulk transfer at 1,000 packets per second', 'zh-CN': '每秒 1000 个分组的批量传输' },
    seed: 3,
    profile: 'linux',
    hosts: [{ name: 'A', ip: '10.0.0.1' }, { name: 'B', ip: '10.0.0.2' }],
    network: { delayMs: 10, bandwidthBps: 8_000_000 },
    rules: [],
    steps: [
      { atMs: 0, host: 'B', call: 'listen', port: 80, backlog: 128 },
      { atMs: 0, host: 'A', call: 'connect', port: 40000, to: '10.0.0.2:80' },
      { atMs: 100, host: 'A', call: 'send', port: 40000, bytes: 60_000_000 },
    ],
    untilMs,
  };
}

/** session.info straight from the host (a second client), to check what the page was shown. */
async function hostInfo(url: string): Promise<{ cursorMs: number; cursorEvent: number; playing: boolean } | null> {
  const origin = url.replace(/\/$/, '');
  const ws = new WebSocket(`${origin.replace('http', 'ws')}/ws`, { origin });
  try {
    await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
    const reply = await new Promise<{ ok: boolean; result: Record<string, unknown> | null }>((resolve) => {
      ws.on('message', (d) => {
        const m = JSON.parse(String(d)) as { t: string; id: number; ok: boolean; result: Record<string, unknown> | null };
        if (m.t === 'reply' && m.id === 1) resolve(m);
      });
      ws.send(JSON.stringify({ t: 'call', id: 1, cmd: 'session.info', args: null }));
    });
    const r = reply.result;
    if (!reply.ok || r === null) return null;
    return { cursorMs: Number(r.cursorMs), cursorEvent: Number(r.cursorEvent), playing: Boolean(r.playing) };
  } finally {
    ws.close();
  }
}

/** Opens the scenario with the header's Open input and waits until the host has it open. */
async function openScenario(page: Page, url: string, untilMs: number): Promise<void> {
  await page.locator('input[type=file]').setInputFiles({ name: 'live-1000pps.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(liveScenario(untilMs))) });
  for (let i = 0; i < 200; i++) {
    if ((await hostInfo(url)) !== null) return;
    await page.waitForTimeout(50);
  }
  throw new Error('renderer.live: the host did not open the scenario within 10 s');
}

export const rendererLive: BenchDef<{ packetsPerSecond: number; durationMs: number }> = {
  name: 'renderer.live',
  metric: 'frames over 16.7 ms during live play',
  unit: '%',
  target: 5,
  better: 'lower',
  params: { packetsPerSecond: 1000, durationMs: 10_000 },
  tinyParams: { packetsPerSecond: 1000, durationMs: 1_000 },
  warmups: 0,
  repeats: 3,
  async run({ durationMs }) {
    const buildS = ensureBuilt();
    const app = await startApp();
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1, colorScheme: 'light' });
      await page.goto(app.url);
      await page.locator('li[data-lesson-id]').first().waitFor({ timeout: 20_000 });
      await openScenario(page, app.url, durationMs * 3 + 5_000);
      // Show all: every packet so far is drawn, as before the ladder's automatic view (docs/LADDER.md "Zoom"),
      // which during this play shows a readable window of the newest ones and draws far fewer.
      await page.getByRole('region', { name: 'Ladder diagram' }).getByRole('button', { name: 'Show all', exact: true }).click();
      await startFrameProbe(page);
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await page.waitForTimeout(durationMs);
      const deltas = await stopFrameProbe(page);
      const info = await hostInfo(app.url);
      await page.getByRole('button', { name: 'Pause', exact: true }).click();
      const drawn = await page.getByRole('region', { name: 'Ladder diagram' }).locator('canvas').first().getAttribute('data-drawn');
      if (info === null || info.cursorMs < durationMs * 0.5) throw new Error(`renderer.live: playback reached only ${info?.cursorMs ?? 0} ms of virtual time in ${durationMs} ms`);
      const stats = frameStats(deltas);
      return {
        value: stats.overBudgetPercent,
        extra: {
          ...stats, p95FrameMs: Math.round(percentile(deltas, 95) * 10) / 10, virtualMsPlayed: info.cursorMs, eventsAtCursor: info.cursorEvent,
          ladderPacketsDrawn: Number(drawn ?? 0), ...(buildS > 0 ? { rebuiltDistS: Math.round(buildS * 10) / 10 } : {}),
        },
      };
    } finally {
      await browser.close();
      await app.stop();
    }
  },
};
