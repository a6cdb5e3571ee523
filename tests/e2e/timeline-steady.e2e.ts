// The scrub bar keeps its length as the cursor moves. Its readouts ("t = 2000 ms (computed to 2000 ms)",
// "event 19 of 19") used to take the room their current digits needed, so the bar beside them grew and
// shrank: while playing the thumb jittered, and a click aimed at the bar could land on a readout. Run after
// `npm run build`.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { labPage, region, useLabApp } from './harness.js';

const lab = useLabApp();

/** Opens the handshake lesson by its title in the page's language (harness.openLesson knows only English). */
async function openHandshake(page: Page, lang: 'en' | 'zh-CN'): Promise<void> {
  const [panel, all, title] = lang === 'en' ? ['Lesson', 'All lessons', 'The three-way handshake'] : ['课程', '全部课程', '三次握手'];
  const back = region(page, panel).getByRole('button', { name: all });
  if ((await back.count()) > 0) await back.click();
  await region(page, panel).getByRole('button', { name: title, exact: true }).click();
  await expect.poll(() => region(page, panel).getByRole('heading', { name: title }).count()).toBe(1);
}

/** The scrub bar by role only: its name is in the page's language. */
const slider = (page: Page) => page.getByRole('slider');

async function barWidthAt(page: Page, key: 'Home' | 'End', ms: number): Promise<number> {
  await slider(page).focus();
  await page.keyboard.press(key);
  await expect.poll(async () => Number(await slider(page).inputValue())).toBe(ms);
  await page.waitForTimeout(100); // the readouts follow the host's reply
  return (await slider(page).boundingBox())!.width;
}

describe('the scrub bar does not change length as time passes', () => {
  for (const [lang, viewport] of [['en', { width: 1366, height: 768 }], ['zh-CN', { width: 1024, height: 640 }]] as const) {
    it(`${lang} at ${viewport.width}×${viewport.height}: the same width at 0 ms and at the end`, async () => {
      const page = await labPage(lab.browser, lab.app, lang, viewport);
      await openHandshake(page, lang);
      const atEnd = await barWidthAt(page, 'End', 2000);
      const atStart = await barWidthAt(page, 'Home', 0);
      expect(atEnd).toBeGreaterThan(100);
      expect(Math.abs(atStart - atEnd)).toBeLessThan(1);
      await page.close();
    });
  }
});
