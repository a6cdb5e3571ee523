// The restore offer after a crash speaks the app's language, not the browser's: a Chinese class on an English
// system saw "保存时间 11/24/2026, 2:29:20 PM". Run after `npm run build`.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
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

  it('says in Chinese why a restore failed, naming the autosave file and the refused action', async () => {
    const { dataDir } = await killMidSession('tcplab-recovery-failed-');
    // The autosave now drops a packet the run never sends: it still reads as a session (so the offer is made),
    // but replaying it refuses the action (LabSession.open), so Restore fails.
    const file = readdirSync(dataDir).find((n) => /^autosave-\d+\.tcplab$/.test(n));
    if (file === undefined) throw new Error(`no autosave in ${dataDir}`);
    const doc = JSON.parse(readFileSync(path.join(dataDir, file), 'utf8')) as { branches: Array<{ actions: Array<{ id?: number }> }> };
    doc.branches[0]!.actions[0]!.id = 999;
    writeFileSync(path.join(dataDir, file), JSON.stringify(doc));

    const second = await startWebApp({ TCPLAB_DATA_DIR: dataDir });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1366, height: 768 } });
      await page.addInitScript(() => localStorage.setItem('tcplab.lang', 'zh-CN'));
      await page.goto(second.url);
      const dialog = page.getByRole('dialog', { name: '恢复上次的会话？' });
      await dialog.getByRole('button', { name: '恢复', exact: true }).click();
      const alert = dialog.getByRole('alert');
      // Which file, so it can be found in the data folder; which action, and why, in Chinese.
      await expect.poll(() => alert.textContent()).toContain(`无法恢复已保存的会话（${file}）。`);
      const text = (await alert.textContent()) ?? '';
      expect(text).toContain('$.branches[0].actions[0].id：没有报文 #999');
      // No English sentence from the host: only the file name, the JSON path and the packet numbers are Latin.
      expect(text.replace(file, '').replace(/\$\.[\w.[\]]+/g, '')).not.toMatch(/[A-Za-z]{3,}/);
      await dialog.getByRole('button', { name: '丢弃' }).click();
    } finally {
      await browser.close();
      await second.stop('SIGINT');
    }
  });
});

