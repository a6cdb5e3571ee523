// A socket call the stack refuses says why, in the banner, in the window's language, and leaves nothing in the
// session. Before, Send on a closed socket (or Listen on a port in use) did nothing visible at all: the
// refusal went into the trace only, and the call was kept as an action. Run after `npm run build`.
import { describe, expect, it } from 'vitest';
import { button, labPage, openLesson, region, seekByKeys, useLabApp } from './harness.js';

const lab = useLabApp();

describe('refused socket calls', () => {
  it('Send after Close: "That connection is closing." with the connection and its state, in English then Chinese', async () => {
    const page = await labPage(lab.browser, lab.app, 'en');
    await openLesson(page, 'The three-way handshake');
    await seekByKeys(page, 100);
    const hostA = region(page, 'Socket controls').getByRole('group', { name: 'Host A (10.0.0.1)' });
    await hostA.getByLabel('Connection').selectOption({ index: 1 });
    await hostA.getByRole('button', { name: 'Close', exact: true }).click();
    await expect.poll(() => button(page, 'Undo').isEnabled()).toBe(true);
    await hostA.getByRole('button', { name: 'Send', exact: true }).click();
    const banner = page.locator('[role="alert"] .banner');
    await expect.poll(() => banner.textContent()).toContain('That connection is closing.');
    expect(await banner.textContent()).toContain('10.0.0.1:40000>10.0.0.2:80 is closing (FIN-WAIT-1)');
    await page.getByRole('button', { name: '简体中文', exact: true }).click();
    await expect.poll(() => banner.textContent()).toContain('连接 10.0.0.1:40000>10.0.0.2:80 正在关闭（FIN-WAIT-1）');
    await page.getByRole('button', { name: 'English', exact: true }).click();
    // Only the close was kept: one Undo empties the branch.
    await button(page, 'Undo').click();
    await expect.poll(() => button(page, 'Undo').isEnabled()).toBe(false);
    await page.close();
  });
});
