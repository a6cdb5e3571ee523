// The first screen: title, language switch, the six named regions, and a command round-tripped through the host.
import { describe, expect, it } from 'vitest';
import { startWebApp, useLabApp } from './harness.js';

const REGIONS_EN = ['Ladder diagram', 'State diagram', 'Router queue', 'Packet inspector', 'Timeline', 'Lesson'];
const REGIONS_ZH = ['时序图', '状态图', '路由器队列', '报文检查器', '时间轴', '课程'];

const lab = useLabApp();

describe('browser mode shell', () => {
  it('shows the six named regions in English and in Chinese, and lists lessons from the host', async () => {
    const page = await lab.browser.newPage({ viewport: { width: 1280, height: 720 }, locale: 'en-US' });
    const failed: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') failed.push(m.text());
    });
    await page.goto(lab.app.url);
    await expect.poll(() => page.title()).toBe('tcplab');
    // The app's icon is the page's icon (served, as SVG), so the browser asks for no missing /favicon.ico.
    const icon = await page.evaluate(async () => {
      const href = document.querySelector<HTMLLinkElement>('link[rel=icon]')?.href ?? '';
      const r = await fetch(href);
      return { status: r.status, type: r.headers.get('content-type'), svg: (await r.text()).includes('<svg') };
    });
    expect(icon).toEqual({ status: 200, type: 'image/svg+xml', svg: true });
    await page.getByRole('button', { name: 'English' }).click();
    for (const name of REGIONS_EN) await expect(page.getByRole('region', { name, exact: true }).count()).resolves.toBe(1);
    const lesson = page.getByRole('region', { name: 'Lesson', exact: true });
    await expect.poll(() => lesson.locator('li').count()).toBeGreaterThanOrEqual(20);
    const firstEn = await lesson.locator('li').first().textContent();

    await page.getByRole('button', { name: '简体中文' }).click();
    for (const name of REGIONS_ZH) await expect(page.getByRole('region', { name, exact: true }).count()).resolves.toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    const firstZh = await page.getByRole('region', { name: '课程', exact: true }).locator('li').first().textContent();
    expect(firstZh).not.toBe(firstEn); // the lesson titles came from the host in both languages
    expect(firstZh).toMatch(/[\u4e00-\u9fff]/);

    // The choice survives a reload.
    await page.reload();
    await expect(page.getByRole('region', { name: '课程', exact: true }).count()).resolves.toBe(1);
    expect(failed).toEqual([]); // no resource failed to load (a missing icon showed up here as a 404)
    await page.close();
  });

  it('refuses a WebSocket from a foreign origin and answers bad messages with an error naming the field', async () => {
    const page = await lab.browser.newPage();
    await page.goto(lab.app.url);
    const wsUrl = lab.app.url.replace('http', 'ws') + 'ws';
    const replies = await page.evaluate(async (url) => {
      const ws = new WebSocket(url);
      await new Promise((r) => ws.addEventListener('open', r, { once: true }));
      const got: string[] = [];
      ws.addEventListener('message', (e) => got.push(String(e.data)));
      ws.send('not json');
      ws.send(JSON.stringify({ t: 'call', id: 7, cmd: 'no.such', args: null }));
      ws.send(JSON.stringify({ t: 'call', id: 'x', cmd: 'app.info' }));
      ws.send(JSON.stringify({ t: 'call', id: 8, cmd: 'app.info', args: null }));
      await new Promise((r) => setTimeout(r, 300));
      return got;
    }, wsUrl);
    // Replies may arrive in any order (each call is answered when it is done): match them by id and content.
    const parsed = replies.map((r) => JSON.parse(r) as { id: number; ok: boolean; error?: { code: string; message: string } });
    expect(parsed).toHaveLength(4);
    expect(parsed.filter((r) => r.id === -1 && r.error?.code === 'bad-message').map((r) => r.error?.message).join('\n')).toMatch(/not a JSON text message[\s\S]*\$\.id|\$\.id[\s\S]*not a JSON text message/);
    expect(parsed.find((r) => r.id === 7)).toMatchObject({ ok: false, error: { code: 'unknown-command' } });
    expect(parsed.find((r) => r.id === 8)).toMatchObject({ ok: true, result: { name: 'tcplab', mode: 'browser' } });
    await page.close();

    // A page on another origin (here: about:blank → data URL) cannot open the socket.
    const foreign = await lab.browser.newPage();
    await foreign.goto('data:text/html,<p>hostile</p>');
    const outcome = await foreign.evaluate(
      (url) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(url);
          ws.onopen = () => resolve('open');
          ws.onerror = () => resolve('refused');
        }),
      wsUrl,
    );
    expect(outcome).toBe('refused');
    await foreign.close();
  });

  it('a second instance takes another port, and Ctrl-C stops it cleanly', async () => {
    const second = await startWebApp({ TCPLAB_PORT: String(new URL(lab.app.url).port) });
    expect(second.url).not.toBe(lab.app.url);
    const res = await fetch(second.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await fetch(new URL('/../../etc/passwd', second.url))).status).toBe(404);
    const code = await second.stop('SIGINT');
    expect(code).toBe(0);
    expect(second.output()).toContain('tcplab stopped (SIGINT)');
  });
});
