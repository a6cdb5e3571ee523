// The ladder's hidden table for screen readers (views/ladder/LadderTable.svelte, table-text.ts) in the real
// browser-mode app: a packet's times are words ("sent 0 ms, in flight"), never dashes, in the reader's
// language. Run after `npm run build`.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { labPage, openLesson, region, seekByKeys, useLabApp } from './harness.js';

const lab = useLabApp();

describe('the hidden table for screen readers', () => {
  const row = (page: Page, id: number, name = 'Ladder diagram') => region(page, name).locator('tbody tr').filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^#${id}$`) }) });

  it('reads a packet in flight as sent and in flight, with the host it goes to (no dashes)', async () => {
    const page = await labPage(lab.browser, lab.app, 'en');
    await openLesson(page, 'The three-way handshake');
    await seekByKeys(page, 10);
    await expect.poll(() => row(page, 1).locator('td').allTextContents()).toEqual(['#1', 'sent 0 ms, in flight', 'A', 'B', '[SYN] Seq=0 Win=65535 Len=0', 'in flight']);
    await expect(region(page, 'Ladder diagram').locator('thead th').nth(1).textContent()).resolves.toBe('Time');
    await seekByKeys(page, 30);
    await expect.poll(() => row(page, 1).locator('td').nth(1).textContent()).toBe('sent 0 ms, arrived 20 ms');
    await page.close();
  });

  it('in Chinese', async () => {
    const page = await labPage(lab.browser, lab.app, 'zh-CN');
    const scrub = page.getByRole('slider', { name: '虚拟时间', exact: true });
    await scrub.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => Number(await scrub.inputValue())).toBe(10);
    await expect.poll(() => row(page, 1, '时序图').locator('td').allTextContents()).toEqual(['#1', '0 毫秒发出，仍在途中', 'A', 'B', '[SYN] Seq=0 Win=65535 Len=0', '传输中']);
    await page.close();
  });
});
