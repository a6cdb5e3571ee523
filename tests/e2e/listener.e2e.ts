// The listener panel: choosing a listener ("ip:port → *:*") in the State diagram shows LISTEN, the SYN queue
// and the accept queue with their limits, the backlog and SYN cookies at the cursor, and a plot of both
// queues up to it (the SYN flood lesson asks students to watch B's SYN queue fill). Selecting listeners and
// switching lessons must not log a failed host call. Run after `npm run build`.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { button, openLesson, region, seekByKeys, slider, useLabApp } from './harness.js';

const lab = useLabApp();

/**
 * A new page that records every console warning and error (a failed background host call is logged so),
 * and every failed reply of the host (`failed`: the renderer may not even log some).
 * `holdOpen(ms)` makes the host take that long over the next session.openLesson, as a loaded classroom machine
 * does: the page's WebSocket holds that call and every call after it, in order.
 */
async function watchedPage(): Promise<{ page: Page; logged: string[]; failed: string[]; holdOpen: (ms: number) => void }> {
  const page = await lab.browser.newPage({ viewport: { width: 1280, height: 720 }, locale: 'en-US' });
  page.setDefaultTimeout(20_000);
  await page.addInitScript(() => localStorage.setItem('tcplab.lang', 'en'));
  let holdMs = 0;
  const failed: string[] = [];
  await page.routeWebSocket(/\/ws$/, (ws) => {
    const server = ws.connectToServer();
    server.onMessage((msg) => {
      if (String(msg).includes('"ok":false')) failed.push(String(msg));
      ws.send(msg);
    });
    let sent = Promise.resolve();
    ws.onMessage((msg) => {
      const text = String(msg);
      sent = sent.then(async () => {
        if (holdMs > 0 && text.includes('"session.openLesson"')) {
          const ms = holdMs;
          holdMs = 0;
          await new Promise((r) => setTimeout(r, ms));
        }
        server.send(text);
      });
    });
  });
  const logged: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') logged.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => logged.push(`pageerror: ${e.message}`));
  await page.goto(lab.app.url);
  await page.locator('.app[data-ready="true"]').waitFor();
  return { page, logged, failed, holdOpen: (ms) => void (holdMs = ms) };
}

const state = (page: Page) => region(page, 'State diagram');
const pickHost = (page: Page, host: string) => state(page).getByRole('group', { name: 'Endpoint' }).getByRole('button', { name: host, exact: true }).click();
const field = async (page: Page, name: string) => (await state(page).locator(`tr[data-field=${name}] td`).textContent())?.trim() ?? '';
/** Distinct heights of the SYN-queue line (d3's path "M x,y L x,y …"): one per queue length plotted. */
async function synLevels(page: Page): Promise<number> {
  const d = (await state(page).locator('path.syn').getAttribute('d')) ?? '';
  return new Set([...d.matchAll(/[ML]([-\d.e]+),([-\d.e]+)/g)].map((m) => m[2])).size;
}

describe('listener panel', () => {
  it("SYN flood: B's listener shows the SYN queue filling to its limit, and its history in the plot", async () => {
    const { page, logged, failed } = await watchedPage();
    await openLesson(page, 'SYN flood and its mitigations');
    await seekByKeys(page, 500);
    await pickHost(page, 'B');
    await state(page).getByRole('combobox').selectOption('10.0.0.2:80>*:*');
    await expect.poll(() => state(page).locator('table caption').textContent()).toBe('Listener 10.0.0.2:80 → *:* at 500 ms');
    expect(await field(page, 'state')).toBe('LISTEN');
    const half = /^(\d+) of (\d+)$/.exec(await field(page, 'synQueue'));
    expect(half, 'SYN queue at 500 ms').not.toBeNull();
    expect(Number(half![1])).toBeGreaterThan(0);
    expect(Number(half![1])).toBeLessThan(Number(half![2]));
    expect(await field(page, 'acceptQueue')).toMatch(/^0 of \d+$/);
    expect(await field(page, 'backlog')).toBe('128');
    expect(await field(page, 'unprovenLimit')).toBe('SYNs dropped once 97 are half-open (¾ of tcp_max_syn_backlog, no SYN cookies; the hard limit is 129)');
    expect(await field(page, 'syncookies')).toBe('off (tcp_syncookies = 0)');
    expect(await field(page, 'autoAccept')).toBe('called at once (auto-accept)');

    await seekByKeys(page, 2000);
    await expect.poll(() => field(page, 'synQueue')).toBe('97 of 97 · full');
    // Without playing, the plot has the queue's history from 0 ms (view.listenerHistory): it climbs in many steps.
    await expect.poll(() => synLevels(page), { timeout: 10_000 }).toBeGreaterThan(10);
    expect(await state(page).getByRole('img', { name: 'SYN queue and accept queue lengths over time (entries against ms)' }).count()).toBe(1);
    // No TCB for a listener.
    expect(await state(page).locator('tr[data-field=sndUna]').count()).toBe(0);
    expect(logged).toEqual([]);
    expect(failed).toEqual([]);
    await page.close();
  });

  it('a host that only listens shows its listener, and selecting it logs no failed host call', async () => {
    const { page, logged, failed } = await watchedPage();
    await openLesson(page, 'The three-way handshake');
    await seekByKeys(page, 10);
    await pickHost(page, 'B');
    await expect.poll(() => field(page, 'synQueue')).toMatch(/^0 of \d+$/);
    expect(await field(page, 'state')).toBe('LISTEN');
    await page.waitForTimeout(400); // past the history's rest delay (StatePane HISTORY_AFTER_MS)
    // Once B has a connection, the pane follows it (its TCB); the listener is still in the list.
    await seekByKeys(page, 40);
    await expect.poll(() => state(page).locator('tr[data-field=sndUna]').count()).toBe(1);
    await state(page).getByRole('combobox').selectOption('10.0.0.2:80>*:*');
    await expect.poll(() => field(page, 'state')).toBe('LISTEN');
    await page.waitForTimeout(400);
    expect(logged).toEqual([]);
    expect(failed).toEqual([]);
    await page.close();
  });

  it('opening a lesson while the followed connection\'s history is due sends no call about the old session', async () => {
    // The host takes 1 s to open a lesson: the TCB plot's history of B's connection (asked 150 ms after the
    // cursor rests) would reach it after the new lesson, naming a connection that lesson does not have.
    const { page, logged, failed, holdOpen } = await watchedPage();
    const lesson = region(page, 'Lesson');
    for (let i = 0; i < 2; i++) {
      await openLesson(page, 'Simultaneous open and simultaneous close');
      await seekByKeys(page, 30);
      await pickHost(page, 'B');
      await expect.poll(() => state(page).locator('tr[data-field=sndUna]').count()).toBe(1);
      await lesson.getByRole('button', { name: 'All lessons' }).click();
      // A step of the cursor (the history is due 150 ms after it), then at once another lesson.
      await slider(page).focus();
      await page.keyboard.press('ArrowRight');
      holdOpen(1000);
      await lesson.getByRole('button', { name: 'The three-way handshake', exact: true }).click();
      await expect.poll(() => lesson.getByRole('heading', { name: 'The three-way handshake' }).count(), { timeout: 10_000 }).toBe(1);
      await pickHost(page, 'B');
    }
    await page.waitForTimeout(500);
    await button(page, 'Play').click();
    await page.waitForTimeout(300);
    expect(logged).toEqual([]);
    expect(failed).toEqual([]);
    await page.close();
  });

  it('is translated: 简体中文 names the SYN queue (半连接队列) and the accept queue (全连接队列)', async () => {
    const { page, logged, failed } = await watchedPage();
    await openLesson(page, 'SYN flood and its mitigations');
    await seekByKeys(page, 2000);
    await pickHost(page, 'B');
    await state(page).getByRole('combobox').selectOption('10.0.0.2:80>*:*');
    await button(page, '简体中文').click();
    const pane = region(page, '状态图');
    await expect.poll(() => pane.locator('table').textContent()).toContain('SYN 队列（半连接队列）');
    const text = (await pane.locator('.listener').textContent()) ?? '';
    expect(text).toContain('全连接队列');
    expect(text).toContain('关闭（tcp_syncookies = 0）');
    expect(text).toContain('97 / 97 · 已满');
    expect(text).toContain('半连接达到 97 个后丢弃其 SYN');
    expect(text).not.toMatch(/Listener|queue|of \d|Backlog|off/);
    expect(logged).toEqual([]);
    expect(failed).toEqual([]);
    await page.close();
  });
});
