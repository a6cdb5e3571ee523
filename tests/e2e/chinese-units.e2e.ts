// In 简体中文 the units are Chinese too: the TCB panel's times and the Settings dialog's unit labels.
// Run after `npm run build`.
import { describe, expect, it } from 'vitest';
import { labPage, region, useLabApp } from './harness.js';

const lab = useLabApp();

describe('units in 简体中文', () => {
  it('the TCB panel writes SRTT and RTO in 毫秒, and Settings names every unit in Chinese', async () => {
    const page = await labPage(lab.browser, lab.app, 'zh-CN');
    // Browser mode has one host: a retried test finds the lesson open, and the list behind "全部课程".
    const all = region(page, '课程').getByRole('button', { name: '全部课程' });
    if ((await all.count()) > 0) await all.click();
    await region(page, '课程').getByRole('button', { name: '三次握手', exact: true }).click();
    const slider = page.getByRole('slider', { name: '虚拟时间' });
    await expect.poll(() => slider.count()).toBe(1);
    await slider.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight'); // 10 ms
    await page.keyboard.press('ArrowRight'); // 20 ms: A has sent its SYN
    await expect.poll(() => slider.inputValue()).toBe('20');
    const rto = region(page, '状态图').locator('tr[data-field="rtoMs"] td');
    await expect.poll(() => rto.textContent()).toMatch(/^\s*\d+ 毫秒/);
    expect(await region(page, '状态图').locator('tr[data-field="srttMs"] td').textContent()).toMatch(/^\s*[\d.]+ 毫秒/);

    await page.getByRole('button', { name: '设置', exact: true }).click();
    const units = await page.getByRole('dialog', { name: '设置' }).locator('.unit').allTextContents();
    expect(units.length).toBeGreaterThan(20);
    expect(units.filter((u) => /[A-Za-z]/.test(u))).toEqual([]);
    await page.close();
  });
});
