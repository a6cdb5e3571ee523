// The "Crash host" socket control (src-renderer/components/sockets/HostSockets.svelte) against the real
// browser-mode host: B crashes for 500 ms at the cursor, A's data is dropped at the down host, the ladder shades
// B's column, B's buttons are disabled while it is down, and A's retransmission after the reboot draws a RST.
// The scrub bar marks the crash, from the crash to the reboot. Run after `npm run build`.
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { cursorMs, labPage, ladderText, openLesson, region, seekByKeys, slider, useLabApp } from './harness.js';

const lab = useLabApp();

/** Where a mark lies along the bar, in ms: its ends against the thumb's travel (the bar's width less 8 px each side). */
async function markSpanMs(bar: Locator, mark: Locator, maxMs: number): Promise<[number, number]> {
  const [b, m] = await Promise.all([bar.boundingBox(), mark.boundingBox()]);
  const x0 = b!.x + 8, w = b!.width - 16;
  return [Math.round(((m!.x - x0) / w) * maxMs), Math.round(((m!.x + m!.width - x0) / w) * maxMs)];
}

describe('crash host', () => {
  it('crashes B at the cursor for the time given; A learns of it from the RST after the reboot', async () => {
    const page = await labPage(lab.browser, lab.app, 'en');
    await openLesson(page, 'The three-way handshake');
    await seekByKeys(page, 100);
    const sockets = region(page, 'Socket controls');
    const hostA = sockets.getByRole('group', { name: 'Host A (10.0.0.1)' });
    const hostB = sockets.getByRole('group', { name: 'Host B (10.0.0.2)' });
    const crash = hostB.getByRole('button', { name: 'Crash host', exact: true });
    await hostB.getByLabel('Down for (ms)').fill('soon');
    await expect(crash.isDisabled()).resolves.toBe(true);
    await expect(crash.getAttribute('title')).resolves.toContain('whole milliseconds');
    await hostB.getByLabel('Down for (ms)').fill('500');
    await crash.click();
    await expect.poll(() => hostB.getByRole('status').textContent()).toBe('Down since 100 ms (crashed), up again at 600 ms');
    await expect(crash.isDisabled()).resolves.toBe(true);
    await expect(hostB.getByRole('button', { name: 'Listen', exact: true }).isDisabled()).resolves.toBe(true);
    await expect(hostB.getByRole('button', { name: 'Listen', exact: true }).getAttribute('title')).resolves.toBe('The host is down: it can do nothing until it is up again.');
    // A, which cannot know, sends into the silence.
    await hostA.getByLabel('Connection').selectOption({ index: 1 }); // 10.0.0.1:40000>10.0.0.2:80
    await hostA.getByLabel('Text').fill('are you there?');
    await hostA.getByRole('button', { name: 'Send', exact: true }).click();
    await slider(page).focus();
    await page.keyboard.press('End');
    await expect.poll(() => cursorMs(page)).toBe(2000);
    await expect.poll(() => ladderText(page)).toContain('host down (crashed at 100 ms)');
    await expect.poll(() => ladderText(page)).toContain('[RST]');
    const canvas = region(page, 'Ladder diagram').locator('canvas').first();
    await expect.poll(() => canvas.getAttribute('data-downs')).toBe('B 100-600');
    // The scrub bar marks it too, under the bar from 100 to 600 ms of 2000; the mark takes the cursor there.
    const name = 'Host B crashed at 100 ms, up again at 600 ms';
    const mark = region(page, 'Timeline').getByRole('group', { name: 'Host crashes' }).getByRole('button', { name, exact: true });
    await expect(mark.getAttribute('title')).resolves.toBe(name);
    const [fromMs, toMs] = await markSpanMs(slider(page), mark, 2000);
    expect(Math.abs(fromMs - 100)).toBeLessThanOrEqual(10);
    expect(Math.abs(toMs - 600)).toBeLessThanOrEqual(10);
    await mark.click();
    await expect.poll(() => cursorMs(page)).toBe(100);
    await slider(page).focus();
    await page.keyboard.press('End');
    await expect.poll(() => cursorMs(page)).toBe(2000);
    // After the reboot B is up again: its card no longer says it is down and its buttons work.
    await expect.poll(() => hostB.getByRole('status').count()).toBe(0);
    await expect(crash.isDisabled()).resolves.toBe(false);
    await page.close();
  });

  it('in Chinese: the control, its hint and the down status', async () => {
    const page = await labPage(lab.browser, lab.app, 'zh-CN');
    // The session the first test left open (B crashed at 100 ms for 500 ms), moved to 300 ms by the keys.
    const scrub = page.getByRole('slider', { name: '虚拟时间', exact: true });
    await scrub.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(async () => Number(await scrub.inputValue())).toBe(300);
    const hostB = region(page, '套接字控制').getByRole('group', { name: '主机 B（10.0.0.2）' });
    await expect(hostB.getByRole('button', { name: '让主机崩溃', exact: true }).isDisabled()).resolves.toBe(true);
    await expect(hostB.getByLabel('宕机时长（毫秒）').inputValue()).resolves.toBe('3000');
    await expect.poll(() => hostB.getByRole('status').textContent()).toBe('自 100 毫秒起宕机（已崩溃），600 毫秒重新启动');
    await expect(hostB.textContent()).resolves.toContain('留空：它一直宕机。');
    const mark = region(page, '时间轴').getByRole('group', { name: '主机崩溃' }).getByRole('button', { name: '主机 B 在 100 毫秒崩溃，600 毫秒重新启动', exact: true });
    await expect(mark.getAttribute('title')).resolves.toBe('主机 B 在 100 毫秒崩溃，600 毫秒重新启动');
    await page.close();
  });

  it('a scenario\'s crash step is marked on the scrub bar, also while the cursor is before it (lesson 24)', async () => {
    const page = await labPage(lab.browser, lab.app, 'en');
    await openLesson(page, 'The peer host crashes: half-open connections');
    // The bar marks what the host has computed: End computes the run to its end, Home goes back before the crash.
    await slider(page).focus();
    await page.keyboard.press('End');
    await expect.poll(() => cursorMs(page)).toBe(8000);
    await page.keyboard.press('Home');
    await expect.poll(() => cursorMs(page)).toBe(0);
    const mark = region(page, 'Timeline').getByRole('button', { name: 'Host B crashed at 1000 ms, up again at 4000 ms', exact: true });
    await expect.poll(() => mark.count()).toBe(1);
    const [fromMs, toMs] = await markSpanMs(slider(page), mark, 8000);
    expect(Math.abs(fromMs - 1000)).toBeLessThanOrEqual(40);
    expect(Math.abs(toMs - 4000)).toBeLessThanOrEqual(40);
    await page.close();
  });
});
