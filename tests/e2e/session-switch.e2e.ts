// What one session leaves behind when the next one opens (a lesson or a file): no comparison of the old
// session's branches, no error banner about an earlier operation. Run after `npm run build`.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { button, cursorMs, labPage, openLesson, openScenario, region, seekByKeys, slider, useLabApp } from './harness.js';

const lab = useLabApp();

const newPage = () => labPage(lab.browser, lab.app, 'en');

const scenario = {
  format: 'tcplab.scenario/1', title: { en: 'Two hosts', 'zh-CN': '两台主机' }, seed: 1, profile: 'linux',
  hosts: [{ name: 'A', ip: '10.0.0.1' }, { name: 'B', ip: '10.0.0.2' }],
  network: { delayMs: 10 }, rules: [],
  steps: [
    { atMs: 0, host: 'B', call: 'listen', port: 80, backlog: 128 },
    { atMs: 0, host: 'A', call: 'connect', port: 40000, to: '10.0.0.2:80' },
  ],
  untilMs: 1000,
};

/** The handshake lesson, branched at 20 ms and compared with main: two ladders. */
async function comparing(page: Page): Promise<void> {
  await openLesson(page, 'The three-way handshake');
  await slider(page).focus();
  await page.keyboard.press('End');
  await expect.poll(() => cursorMs(page)).toBe(2000);
  await seekByKeys(page, 20);
  await button(page, 'Branch here').click();
  await expect.poll(() => page.getByLabel('Branch', { exact: true }).locator('option').count()).toBe(2);
  await page.getByLabel('Compare with').selectOption({ label: 'main' });
  await expect.poll(() => region(page, 'Ladder diagram').locator('table').count()).toBe(2);
}

describe('a comparison ends when another session opens', () => {
  it('opening another lesson shows one ladder of the new lesson, and "Compare with" is off', async () => {
    const page = await newPage();
    await comparing(page);
    await openLesson(page, 'The SYN is lost');
    await slider(page).focus();
    await page.keyboard.press('End');
    const ladder = region(page, 'Ladder diagram');
    await expect.poll(() => ladder.locator('table').count()).toBe(1);
    await expect.poll(() => ladder.getByRole('region', { name: 'Branch “main”' }).count()).toBe(0);
    await expect(page.getByLabel('Compare with').inputValue()).resolves.toBe('');
    await page.close();
  });

  it('opening a file with Open… ends the comparison too', async () => {
    const page = await newPage();
    await comparing(page);
    await openScenario(page, scenario, 'two-hosts.json');
    await expect.poll(() => region(page, 'Ladder diagram').locator('table').count()).toBe(1);
    await expect(page.getByLabel('Compare with').inputValue()).resolves.toBe('');
    await page.close();
  });
});

describe('an error banner is about the last operation only', () => {
  const banner = (page: Page) => page.locator('[role="alert"] .banner');
  async function badOpen(page: Page): Promise<void> {
    await page.getByLabel('Open…').setInputFiles({ name: 'empty.json', mimeType: 'application/json', buffer: Buffer.from('') });
    await expect.poll(() => banner(page).textContent()).toContain('This file cannot be opened');
  }

  it('a file that opens after one that did not clears the old banner', async () => {
    const page = await newPage();
    await openLesson(page, 'The three-way handshake');
    await badOpen(page);
    await openScenario(page, scenario, 'good.json');
    await expect.poll(() => banner(page).count()).toBe(0);
    await page.close();
  });

  it('opening a lesson, or applying settings, clears the banner too', async () => {
    const page = await newPage();
    await openLesson(page, 'The three-way handshake');
    await badOpen(page);
    await openLesson(page, 'The SYN is lost');
    await expect.poll(() => banner(page).count()).toBe(0);
    await badOpen(page);
    await button(page, 'Settings').click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByRole('textbox', { name: 'net.ipv4.tcp_synack_retries' }).fill('3');
    await dialog.getByRole('button', { name: 'Apply and re-run' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => banner(page).count()).toBe(0);
    await page.close();
  });
});
