// The Settings dialog refuses what the host would refuse, next to the field, in the dialog (the page's banner
// is behind the modal), and leaves the session as it was. Run after `npm run build`.
import { describe, expect, it } from 'vitest';
import { button, cursorMs, labPage, openLesson, seekByKeys, useLabApp } from './harness.js';

const lab = useLabApp();

describe('settings validation', () => {
  it('marks each bad field with a plain message once, applies nothing, and shows nothing behind the modal', async () => {
    const page = await labPage(lab.browser, lab.app, 'en');
    await openLesson(page, 'The three-way handshake');
    await seekByKeys(page, 100);
    await button(page, 'Settings').click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    const field = (name: string) => dialog.getByRole('textbox', { name, exact: true });
    await field('tcplab.rto_min_ms').fill('abc');
    await field('tcplab.mss').fill('10');
    await dialog.getByRole('button', { name: 'Apply and re-run' }).click();

    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('Nothing was applied');
    expect(await field('tcplab.rto_min_ms').getAttribute('aria-invalid')).toBe('true');
    const mss = 'tcplab.mss: enter a whole number from 88 to 65495.';
    expect(await dialog.getByText(mss, { exact: true }).count()).toBe(1);
    expect(await dialog.getByText('tcplab.rto_min_ms: enter a whole number from 1 to 600000.', { exact: true }).count()).toBe(1);
    // The field's error is its accessible description.
    const describedBy = (await field('tcplab.mss').getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe(mss);
    expect(await page.locator('[role="alert"] .banner').count()).toBe(0); // nothing behind the modal
    expect(await dialog.isVisible()).toBe(true);

    // A minimum above the maximum, and a negative TIME-WAIT, in plain words (no JSON paths).
    await field('tcplab.rto_min_ms').fill('5000');
    await field('tcplab.rto_max_ms').fill('1000');
    await field('tcplab.mss').fill('');
    await dialog.getByLabel('TIME-WAIT length (ms)').fill('-1');
    await dialog.getByRole('button', { name: 'Apply and re-run' }).click();
    await expect.poll(() => dialog.textContent()).toContain('tcplab.rto_min_ms (5000) may not be above tcplab.rto_max_ms (1000).');
    expect(await dialog.textContent()).toContain('TIME-WAIT length (ms): enter a whole number from 0 to 86400000.');
    expect(await dialog.textContent()).not.toContain('$.');
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await cursorMs(page)).toBe(100); // the session was not re-run

    // Reopened, the session still runs with the defaults: nothing was applied.
    await button(page, 'Settings').click();
    await expect.poll(() => field('tcplab.rto_min_ms').inputValue()).toBe('');
    await page.close();
  });

  // The buttons stick to the bottom while the knobs scroll; the rows used to show through a strip below them.
  it('nothing of the table shows below the sticky buttons while the knobs are scrolled', async () => {
    const page = await labPage(lab.browser, lab.app, 'en', { width: 1366, height: 768 });
    await openLesson(page, 'The three-way handshake');
    await button(page, 'Settings').click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.evaluate((d) => (d.scrollTop = d.scrollHeight / 3));
    const under = await dialog.evaluate((d) => {
      const bar = d.querySelector('.buttons')!.getBoundingClientRect();
      const box = d.getBoundingClientRect();
      // Every point between the buttons and the dialog's bottom border, across its width.
      const hits: string[] = [];
      for (let y = Math.ceil(bar.bottom) + 1; y < box.bottom - 2; y += 2) {
        for (let x = box.left + 20; x < box.right - 20; x += 40) {
          const el = document.elementFromPoint(x, y);
          if (el?.closest('table')) hits.push(`${el.tagName} at ${x},${y}`);
        }
      }
      return { gap: box.bottom - bar.bottom, hits };
    });
    expect(under.hits).toEqual([]);
    expect(under.gap).toBeLessThan(4); // the buttons sit on the dialog's bottom edge
    await page.close();
  });

  // The unit hints (ms, count, 次数…) used to wrap unevenly: some under the field, some beside it, Chinese ones
  // broken between their characters. Each now sits beside its field on one line, all at the same x.
  it.each([
    ['en', 1280, 800], ['zh-CN', 1280, 800], ['en', 1600, 1000], ['zh-CN', 1600, 1000],
  ] as const)('every unit hint sits beside its field on one line, all at one x (%s, %i×%i)', async (lang, width, height) => {
    // The lesson is opened by its English title; browser mode's one host then shows it in either language.
    const setup = await labPage(lab.browser, lab.app, 'en');
    await openLesson(setup, 'The three-way handshake');
    await setup.close();
    const page = await labPage(lab.browser, lab.app, lang, { width, height });
    await button(page, lang === 'en' ? 'Settings' : '设置').click();
    const dialog = page.getByRole('dialog', { name: lang === 'en' ? 'Settings' : '设置' });
    await expect.poll(() => dialog.locator('.unit').count()).toBeGreaterThan(20);
    const hints = await dialog.evaluate((d) => [...d.querySelectorAll('table tbody tr')].map((row) => {
      const field = row.querySelector('input')!.getBoundingClientRect();
      const unit = row.querySelector('.unit')!;
      const box = unit.getBoundingClientRect();
      const text = document.createRange();
      text.selectNodeContents(unit);
      return {
        knob: row.querySelector('code')!.textContent, unit: unit.textContent, x: Math.round(box.left),
        lines: text.getClientRects().length, beside: box.left >= field.right && box.top + box.height / 2 > field.top && box.top + box.height / 2 < field.bottom,
      };
    }));
    expect(new Set(hints.map((h) => h.x)).size, JSON.stringify(hints)).toBe(1);
    expect(hints.filter((h) => h.lines !== 1 || !h.beside)).toEqual([]);
    await page.close();
  });
});

