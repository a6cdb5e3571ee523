// A lesson opens at its top: the Lesson panel scrolls as one, and on a fresh start a lesson picked low in the
// list opened scrolled as far down as the list had been (658 px at 1366×768), its title and comparison runs
// out of sight. Each attempt starts its own host, so it begins, like a class, with no session open. Run after
// `npm run build`.
import { describe, expect, it } from 'vitest';
import { labPage, launchChromium, logFailedAttempts, region, startWebApp } from './harness.js';

logFailedAttempts();

const TITLE = 'The server closes first: TIME-WAIT on the server';

describe('opening a lesson from the list', () => {
  it('shows the lesson’s title, even when the list was scrolled down to reach it (1366×768)', async () => {
    const app = await startWebApp();
    const browser = await launchChromium();
    try {
      const page = await labPage(browser, app, 'en', { width: 1366, height: 768 });
      const panel = region(page, 'Lesson');
      const pick = panel.getByRole('button', { name: TITLE, exact: true });
      await pick.scrollIntoViewIfNeeded();
      const body = page.locator('#region-lesson .body');
      expect(await body.evaluate((b) => b.scrollTop)).toBeGreaterThan(100); // the list was scrolled to reach it
      await pick.click();
      const title = panel.getByRole('heading', { name: TITLE });
      await title.waitFor();
      await expect.poll(() => body.evaluate((b) => b.scrollTop)).toBe(0);
      const [t, b] = await Promise.all([title.boundingBox(), body.boundingBox()]);
      expect(t!.y).toBeGreaterThanOrEqual(b!.y);
    } finally {
      await browser.close();
      await app.stop();
    }
  });
});
