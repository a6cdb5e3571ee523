// The restore offer after a crash speaks the app's language, not the browser's: a Chinese class on an English
// system saw "保存时间 11/24/2026, 2:29:20 PM". Run after `npm run build`.
import { describe, expect, it } from 'vitest';
import { launchChromium, logFailedAttempts, startWebApp } from './harness.js';
import { killMidSession } from './killed-session.js';

logFailedAttempts();

describe('the restore dialog', () => {
  it('writes the saved time in Chinese when the app is in Chinese, whatever the browser’s locale', async () => {
    const { dataDir } = await killMidSession('tcplab-recovery-dialog-');

    const second = await startWebApp({ TCPLAB_DATA_DIR: dataDir });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1366, height: 768 } });
      await page.addInitScript(() => localStorage.setItem('tcplab.lang', 'zh-CN'));
      await page.goto(second.url);
      const dialog = page.getByRole('dialog', { name: '恢复上次的会话？' });
      await dialog.waitFor();
      const saved = (await dialog.locator('dt', { hasText: '保存时间' }).locator('xpath=following-sibling::dd[1]').textContent()) ?? '';
      expect(saved).toMatch(/^\d{4}\/\d{1,2}\/\d{1,2}/); // zh-CN: 2026/11/24 14:29:20
      expect(saved).not.toMatch(/AM|PM/);
      await dialog.getByRole('button', { name: '丢弃' }).click();
    } finally {
      await browser.close();
      await second.stop('SIGINT');
    }
  });
});
