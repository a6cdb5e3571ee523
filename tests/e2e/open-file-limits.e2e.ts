// A file too big to open, picked with Open…: refused in the window with its name and size, in the page's
// language, and the open session stays. Before, browser mode sent it anyway: a frame over the WebSocket limit
// ended the lab process (every window lost its host). Run after `npm run build`.
import { describe, expect, it } from 'vitest';
import { labPage, openLesson, region, useLabApp } from './harness.js';

const lab = useLabApp();

/** 11 MiB of JSON: over the 10 MiB the host reads, under playwright's own transfer limit. */
const huge = Buffer.from(`{"format":"tcplab.session/1","pad":"${'x'.repeat(11 * 1024 * 1024)}"}`);

describe('opening a file that is too large', () => {
  it('names the file and its size, keeps the session, and the lab keeps working (English)', async () => {
    const page = await labPage(lab.browser, lab.app, 'en');
    await openLesson(page, 'The three-way handshake');
    await page.getByLabel('Open…').setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: huge });
    const banner = page.locator('[role="alert"] .banner');
    await expect.poll(() => banner.textContent()).toContain('huge.json cannot be opened: it is 11.0 MB, and the lab opens files of at most 10.0 MB. Your session is unchanged.');
    await expect(region(page, 'Lesson').getByRole('heading', { name: 'The three-way handshake' }).count()).resolves.toBe(1);
    await openLesson(page, 'The SYN is lost'); // the host is still there
    expect(lab.app.proc.exitCode).toBeNull();
    await page.close();
  });

  it('says so in Chinese in a Chinese window', async () => {
    const page = await labPage(lab.browser, lab.app, 'zh-CN');
    await page.getByLabel('打开…').setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: huge });
    const banner = page.locator('[role="alert"] .banner');
    await expect.poll(() => banner.textContent()).toContain('无法打开 huge.json：文件有 11.0 MB，实验室最多只能打开 10.0 MB 的文件。当前会话没有改变。');
    expect(lab.app.proc.exitCode).toBeNull();
    await page.close();
  });
});
