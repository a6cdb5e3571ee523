// The transport controls at the end of the run, and the event index that makes every Step visible.
// Run after `npm run build`.
import { describe, expect, it } from 'vitest';
import { button, cursorMs, labPage, openLesson, slider, useLabApp } from './harness.js';

const lab = useLabApp();

describe('transport', () => {
  it('at the end Play and both Steps are disabled and say why; going back enables them again', async () => {
    const page = await labPage(lab.browser, lab.app, 'en');
    await openLesson(page, 'The three-way handshake');
    await slider(page).focus();
    await page.keyboard.press('End');
    await expect.poll(() => cursorMs(page)).toBe(2000);
    for (const name of ['Play', 'Step', 'Step to next packet']) {
      await expect.poll(() => button(page, name).isDisabled(), { message: name }).toBe(true);
      expect(await button(page, name).getAttribute('title')).toContain('The run has ended');
    }
    await page.keyboard.press('Home');
    await expect.poll(() => cursorMs(page)).toBe(0);
    for (const name of ['Play', 'Step', 'Step to next packet']) {
      await expect.poll(() => button(page, name).isDisabled(), { message: name }).toBe(false);
      expect(await button(page, name).getAttribute('title')).toBeNull();
    }
    await page.close();
  });

  it('shows the event index beside the time, so a Step within one millisecond still shows', async () => {
    const page = await labPage(lab.browser, lab.app, 'en');
    await openLesson(page, 'The three-way handshake');
    const readout = page.locator('output.event');
    await slider(page).focus();
    await page.keyboard.press('End');
    await expect.poll(() => readout.textContent()).toMatch(/^event (\d+) of \1$/);
    await page.keyboard.press('Home');
    await expect.poll(() => cursorMs(page)).toBe(0);
    const at = async () => Number(/^event (\d+) of \d+$/.exec((await readout.textContent()) ?? '')?.[1] ?? NaN);
    await expect.poll(at).toBeGreaterThan(0); // the events at 0 ms (listen, connect, the SYN) are shown
    const home = await at();
    await button(page, 'Step').click();
    await expect.poll(at).toBe(home + 1);
    await button(page, 'Step').click();
    await expect.poll(at).toBe(home + 2);
    await page.close();
  });
});
