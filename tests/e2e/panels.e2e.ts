// The interactive panels against the real browser-mode host: lessons, playback, seeking, branching and
// comparing, router interventions by drag, by button and by keyboard, the packet editor and inject form,
// export and re-open, and the language switch. Run after `npm run build`.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchHeadless, startWebApp, type WebApp } from './harness.js';

let app: WebApp;
let browser: Browser;

beforeAll(async () => {
  app = await startWebApp();
  browser = await launchHeadless();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function newPage(lang: 'en' | 'zh-CN' = 'en'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, locale: lang === 'en' ? 'en-US' : 'zh-CN', acceptDownloads: true });
  await page.addInitScript((l) => localStorage.setItem('tcplab.lang', l), lang);
  await page.goto(app.url);
  return page;
}

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const slider = (page: Page) => page.getByRole('slider', { name: 'Virtual time' });
const cursorMs = async (page: Page) => Number(await slider(page).inputValue());
const ladderText = async (page: Page) => (await region(page, 'Ladder diagram').locator('table').first().textContent()) ?? '';

async function openLesson(page: Page, title: string): Promise<void> {
  await region(page, 'Lesson').getByRole('button', { name: title, exact: true }).click();
  await expect.poll(() => region(page, 'Lesson').getByRole('heading', { name: title }).count()).toBe(1);
  await expect.poll(() => slider(page).count()).toBe(1);
}

/** Seeks with the scrub bar's keys only: Home, then Shift+→ per second and → per 10 ms. */
async function seekByKeys(page: Page, ms: number): Promise<void> {
  await slider(page).focus();
  await page.keyboard.press('Home');
  await expect.poll(() => cursorMs(page)).toBe(0);
  for (let i = 0; i < Math.floor(ms / 1000); i++) await page.keyboard.press('Shift+ArrowRight');
  for (let i = 0; i < Math.round((ms % 1000) / 10); i++) await page.keyboard.press('ArrowRight');
  await expect.poll(() => cursorMs(page)).toBe(ms);
}

/** The router list's option for the packet whose label starts with `label` (e.g. "[SYN, ACK]"). */
function routerOption(page: Page, label: string) {
  return region(page, 'Router queue').getByRole('option').filter({ hasText: label });
}

async function stateOf(page: Page, host: string): Promise<string> {
  const pane = region(page, 'State diagram');
  await pane.getByRole('group', { name: 'Endpoint' }).getByRole('button', { name: host, exact: true }).click();
  const label = (await pane.getByRole('img').first().getAttribute('aria-label')) ?? '';
  return /Current state: ([A-Z-]+)/.exec(label)?.[1] ?? label;
}

describe('lessons and playback', () => {
  it('third ACK lost: Play, and the server waits in SYN-RECEIVED while it retransmits its SYN-ACK', async () => {
    const page = await newPage();
    await openLesson(page, 'The third ACK is lost');
    // The narrative is there and the answer only shows on request.
    const lesson = region(page, 'Lesson');
    await expect(lesson.getByText('What to notice').count()).resolves.toBe(1);
    const answer = lesson.getByRole('button', { name: 'Show the answer' });
    await expect(answer.getAttribute('aria-expanded')).resolves.toBe('false');
    await answer.click();
    await expect(lesson.getByRole('button', { name: 'Hide the answer' }).getAttribute('aria-expanded')).resolves.toBe('true');

    await page.getByLabel('Speed').selectOption('10');
    await button(page, 'Play').click();
    await expect.poll(() => cursorMs(page), { timeout: 10_000 }).toBe(5000);
    await expect(button(page, 'Pause').isDisabled()).resolves.toBe(true); // playback stopped at the end
    const ladder = await ladderText(page);
    expect(ladder).toContain('retransmission of #2'); // B resent its SYN-ACK
    // Back to 1000 ms: B has answered the SYN, lost the ACK, and is still waiting.
    await seekByKeys(page, 1000);
    await expect.poll(() => stateOf(page, 'B')).toBe('SYN-RECEIVED');
    await expect.poll(() => stateOf(page, 'A')).toBe('ESTABLISHED');
    await page.close();
  });

  it('fills the "what each side can be sure of" table as the cursor passes each step', async () => {
    const page = await newPage();
    await openLesson(page, 'What each side can be sure of after each handshake step');
    const table = region(page, 'Lesson').getByRole('table');
    const known = () => table.locator('td[data-known="true"]').count();
    await expect.poll(known).toBe(0);
    await seekByKeys(page, 20); // the SYN reaches B: B knows A can send and B can receive
    await expect.poll(known).toBe(2);
    await seekByKeys(page, 40); // the SYN-ACK reaches A: A knows all four
    await expect.poll(known).toBe(6);
    await seekByKeys(page, 60); // the ACK reaches B
    await expect.poll(known).toBe(8);
    await page.close();
  });
});

describe('diagrams integration', () => {
  it('selecting a packet in the ladder shows it in the inspector and lights the edge it caused', async () => {
    const page = await newPage();
    await openLesson(page, 'The three-way handshake');
    await slider(page).focus();
    await page.keyboard.press('End');
    await expect.poll(() => cursorMs(page)).toBe(2000);
    const canvas = region(page, 'Ladder diagram').getByRole('application');
    await canvas.focus();
    await page.keyboard.press('ArrowDown'); // #1, the SYN
    await expect.poll(() => region(page, 'Packet inspector').locator('[data-raw]').first().textContent()).toContain('[SYN]');
    const pane = region(page, 'State diagram');
    // B received the SYN: the diagram follows B and lights LISTEN → SYN-RECEIVED, although B's latest
    // transition (at 2000 ms) is SYN-RECEIVED → ESTABLISHED.
    await expect.poll(() => pane.getByRole('button', { name: 'B', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => pane.textContent()).toContain('LISTEN → SYN-RECEIVED');
    expect(await pane.textContent()).not.toContain('SYN-RECEIVED → ESTABLISHED');
    await page.keyboard.press('ArrowDown'); // #2, the SYN-ACK: A's SYN-SENT → ESTABLISHED
    await expect.poll(() => pane.getByRole('button', { name: 'A', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => pane.textContent()).toContain('SYN-SENT → ESTABLISHED');
    await page.close();
  });
});

describe('router interventions', () => {
  it('drag the SYN-ACK onto Drop: the client retransmits its SYN', async () => {
    const page = await newPage();
    await openLesson(page, 'The three-way handshake');
    await seekByKeys(page, 20);
    const synAck = routerOption(page, '[SYN, ACK]');
    await expect.poll(() => synAck.count()).toBe(1);
    await synAck.dragTo(page.getByTestId('zone-drop'));
    await expect.poll(async () => (await ladderText(page)).match(/#2[^#]*dropped/) !== null).toBe(true);
    await expect(region(page, 'Packet inspector').textContent()).resolves.toContain('[SYN, ACK]');
    await slider(page).focus();
    await page.keyboard.press('End');
    await expect.poll(() => cursorMs(page)).toBe(2000);
    await expect.poll(() => ladderText(page)).toContain('retransmission of #1');
    await page.close();
  });

  it('the same with the keyboard only: select with the arrows, Delete drops', async () => {
    const page = await newPage();
    await openLesson(page, 'The three-way handshake');
    await seekByKeys(page, 20);
    await expect.poll(() => routerOption(page, '[SYN, ACK]').count()).toBe(1);
    const list = region(page, 'Router queue').getByRole('listbox');
    await list.focus();
    await page.keyboard.press('ArrowDown');
    await expect(routerOption(page, '[SYN, ACK]').getAttribute('aria-selected')).resolves.toBe('true');
    await page.keyboard.press('Delete');
    await expect.poll(async () => (await ladderText(page)).match(/#2[^#]*dropped/) !== null).toBe(true);
    await slider(page).focus();
    await page.keyboard.press('End');
    await expect.poll(() => ladderText(page)).toContain('retransmission of #1');
    await page.close();
  });

  it('delays a packet through the dialog, and holds then releases one', async () => {
    const page = await newPage();
    await openLesson(page, 'The three-way handshake');
    await seekByKeys(page, 20);
    await routerOption(page, '[SYN, ACK]').click();
    await button(page, 'Delay').click();
    const dialog = page.getByRole('dialog');
    const ms = dialog.getByLabel('Extra delay in milliseconds');
    await ms.fill('abc');
    await expect(dialog.getByText('Enter a whole number.').count()).resolves.toBe(1);
    await expect(dialog.getByRole('button', { name: 'Apply delay' }).isDisabled()).resolves.toBe(true);
    await ms.fill('500');
    await dialog.getByRole('button', { name: 'Apply delay' }).click();
    await expect.poll(() => ladderText(page)).toContain('delayed 500 ms');

    // A fresh session: hold the SYN-ACK, move on, release it.
    await region(page, 'Lesson').getByRole('button', { name: 'All lessons' }).click();
    await openLesson(page, 'The three-way handshake');
    await seekByKeys(page, 20);
    await routerOption(page, '[SYN, ACK]').click();
    await button(page, 'Hold').click();
    await seekByKeys(page, 1500);
    const held = region(page, 'Router queue').getByRole('group', { name: 'Held' });
    await expect.poll(() => held.getByRole('option').filter({ hasText: '[SYN, ACK]' }).count()).toBe(1);
    await held.getByRole('option').first().click();
    await expect(button(page, 'Release').isDisabled()).resolves.toBe(false);
    await button(page, 'Release').click();
    await expect.poll(() => held.count()).toBe(0);
    await expect.poll(() => ladderText(page)).toMatch(/held 14\d0 ms/);
    await page.close();
  });

  it('edits a packet’s flags with inline validation, and injects a crafted packet', async () => {
    const page = await newPage();
    await openLesson(page, 'The three-way handshake');
    await seekByKeys(page, 20);
    await routerOption(page, '[SYN, ACK]').click();
    const inspector = region(page, 'Packet inspector');
    await inspector.getByRole('button', { name: 'Edit this packet' }).click();
    const flags = inspector.getByRole('form', { name: 'Edit the packet' }).getByLabel('Flags');
    await flags.fill('SAX');
    await expect(inspector.getByText('Use only the letters S, A, F, R, P, U, E and C.').count()).resolves.toBe(1);
    await expect(flags.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(button(page, 'Apply edit').isDisabled()).resolves.toBe(true);
    await flags.fill('ra');
    await expect(flags.getAttribute('aria-invalid')).resolves.toBeNull();
    await button(page, 'Apply edit').click();
    await expect.poll(() => ladderText(page)).toContain('edited copy of #2');

    await inspector.getByRole('button', { name: 'Craft a packet…' }).click();
    const form = inspector.getByRole('form', { name: 'Inject a crafted packet' });
    await form.getByLabel('Send from host').selectOption('B');
    await form.getByLabel('Source address').fill('10.0.0.9'); // spoofed
    await form.getByLabel('Flags').fill('R');
    await form.getByRole('button', { name: 'Inject' }).click();
    await expect.poll(() => ladderText(page)).toContain('injected');
    await page.close();
  });
});

describe('timeline', () => {
  it('seeks backwards, branches, and compares two branches side by side', async () => {
    const page = await newPage();
    await openLesson(page, 'The three-way handshake');
    await slider(page).focus();
    await page.keyboard.press('End');
    await expect.poll(() => cursorMs(page)).toBe(2000);
    await seekByKeys(page, 20); // backwards
    await button(page, 'Branch here').click();
    const branch = page.getByLabel('Branch', { exact: true });
    await expect.poll(() => branch.locator('option').count()).toBe(2);
    await expect.poll(() => routerOption(page, '[SYN, ACK]').count()).toBe(1);
    await routerOption(page, '[SYN, ACK]').click();
    await button(page, 'Drop').click();
    await slider(page).focus();
    await page.keyboard.press('End');
    await expect.poll(() => ladderText(page)).toContain('retransmission of #1');
    await page.getByLabel('Compare with').selectOption({ label: 'main' });
    const ladder = region(page, 'Ladder diagram');
    await expect.poll(() => ladder.getByRole('region', { name: 'Branch “main”' }).count()).toBe(1);
    await expect.poll(() => ladder.locator('table').count()).toBe(2);
    const other = (await ladder.getByRole('region', { name: 'Branch “main”' }).locator('table').textContent()) ?? '';
    expect(other).not.toContain('retransmission of #1'); // main kept its original future
    // Undo is offered for the drop.
    await expect(button(page, 'Undo').isDisabled()).resolves.toBe(false);
    await page.close();
  });
});

describe('files', () => {
  it('exports a pcapng and a session, re-opens the session, and names every bad field of a broken file', async () => {
    const page = await newPage();
    await openLesson(page, 'The three-way handshake');
    await seekByKeys(page, 20);
    await routerOption(page, '[SYN, ACK]').click();
    await button(page, 'Drop').click();
    await expect.poll(() => button(page, 'Undo').isDisabled()).toBe(false);

    const save = async (item: string) => {
      await button(page, 'Export').click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: item }).click()]);
      const file = await download.path();
      return { name: download.suggestedFilename(), bytes: readFileSync(file) };
    };
    const pcap = await save('Packets for Wireshark (.pcapng)');
    expect(pcap.name).toMatch(/\.pcapng$/);
    expect(pcap.bytes.readUInt32LE(0)).toBe(0x0a0d0d0a); // pcapng section header block
    const session = await save('Session file (.json)');
    const parsed = JSON.parse(session.bytes.toString('utf8')) as { format: string; branches: Array<{ actions: unknown[] }> };
    expect(parsed.format).toBe('tcplab.session/1');
    expect(parsed.branches[0]?.actions).toHaveLength(1);

    // Re-open it in a fresh window: same lesson, same intervention.
    const again = await newPage();
    await again.getByLabel('Open…').setInputFiles({ name: session.name, mimeType: 'application/json', buffer: session.bytes });
    await expect.poll(() => again.getByRole('slider', { name: 'Virtual time' }).count()).toBe(1);
    await expect.poll(() => again.getByRole('button', { name: 'Undo', exact: true }).isDisabled()).toBe(false);
    await again.getByRole('slider', { name: 'Virtual time' }).focus();
    await again.keyboard.press('End');
    await expect.poll(() => ladderText(again)).toContain('retransmission of #1');

    const bad = Buffer.from(JSON.stringify({ format: 'tcplab.scenario/1', title: { en: 'x', 'zh-CN': 'x' }, seed: -1, hosts: [{ name: 'A', ip: '10.0.0.300' }] }));
    await again.getByLabel('Open…').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: bad });
    const alert = again.getByRole('alert').filter({ hasText: '$.' });
    await expect.poll(() => alert.count()).toBe(1);
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('$.seed');
    expect(text).toContain('$.hosts[0].ip');
    await again.close();
    await page.close();
  });
});

/** Words of three or more Latin letters that may stay in zh-CN: protocol names, units, keys, file formats. */
const ALLOWED = new Set(
  ('tcplab English TCP SYN ACK FIN RST PSH URG ECE CWR RFC MSS SACK PERM TSval TSecr Seq Ack Win Len IPv IPv4 TCB ' +
    'Linux BSD JSON CSV SVG PNG HTML pcapng Wireshark Lines TIME WAIT CLOSE CLOSED LISTEN SENT RECEIVED ESTABLISHED ' +
    'Page Up Down Home End Shift Delete Alt main sysctl net ipv tcp hex ISN connect listen accept send close shutdown abort').split(' '),
);

describe('languages', () => {
  it('switching to 简体中文 changes every visible panel string; only packet data stays as it is', async () => {
    const page = await newPage();
    await openLesson(page, 'The three-way handshake');
    await seekByKeys(page, 20);
    await routerOption(page, '[SYN, ACK]').click();
    await region(page, 'Packet inspector').getByRole('button', { name: 'Craft a packet…' }).click();
    const before = await page.locator('header').textContent();
    await button(page, '简体中文').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.locator('header').textContent()).not.toBe(before);
    for (const name of ['课程', '套接字控制', '路由器队列', '报文检查器', '时间轴']) {
      const words = await region(page, name).evaluate((root) => {
        const out: string[] = [];
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement;
          if (!el || el.closest('[data-raw]') || el.closest('[hidden]') || el.closest('option:not(:checked)')) continue;
          if (getComputedStyle(el).display === 'none') continue;
          out.push(...(n.textContent ?? '').match(/[A-Za-z]{3,}/g) ?? []);
        }
        for (const el of root.querySelectorAll<HTMLElement>('[aria-label], [placeholder], [title]')) {
          if (el.closest('[data-raw]')) continue;
          for (const attr of ['aria-label', 'placeholder', 'title']) out.push(...(el.getAttribute(attr) ?? '').match(/[A-Za-z]{3,}/g) ?? []);
        }
        return out;
      });
      expect(words.filter((w) => !ALLOWED.has(w)), name).toEqual([]);
    }
    // The buttons tests and screen readers rely on are renamed too.
    for (const zh of ['播放', '暂停', '单步', '丢弃', '延迟', '扣留', '放行', '导出']) await expect(button(page, zh).count()).resolves.toBe(1);
    await page.close();
  });
});

describe('theme and layout', () => {
  it('remembers the dark theme, and fits 1280×720 without a horizontal scroll bar', async () => {
    const page = await newPage();
    await openLesson(page, 'The three-way handshake');
    const toggle = button(page, 'Dark theme');
    const initial = await page.evaluate(() => document.documentElement.dataset.theme);
    if (initial === 'dark') await toggle.click();
    await toggle.click();
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await bg()).toBe('rgb(23, 24, 26)');
    await page.reload();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await bg()).toBe('rgb(23, 24, 26)');
    await button(page, 'Dark theme').click();
    expect(await bg()).toBe('rgb(247, 247, 245)');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    for (const name of ['Lesson', 'Ladder diagram', 'State diagram', 'Router queue', 'Packet inspector', 'Timeline', 'Socket controls']) {
      const box = await region(page, name).boundingBox();
      expect(box, name).not.toBeNull();
      expect(box!.x + box!.width, name).toBeLessThanOrEqual(1280);
      expect(box!.y + box!.height, name).toBeLessThanOrEqual(720);
    }
    await page.close();
  });
});

describe('settings', () => {
  it('lists every knob by its Linux name with a one-line explanation in the current language', async () => {
    const page = await newPage();
    await openLesson(page, 'The three-way handshake');
    await button(page, 'Settings').click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    const row = dialog.getByRole('row').filter({ hasText: 'net.ipv4.tcp_synack_retries' });
    await expect.poll(() => row.count()).toBe(1);
    await expect(row.getByRole('textbox').getAttribute('placeholder')).resolves.toBe('5'); // Linux default
    await expect(dialog.getByLabel('Profile').inputValue()).resolves.toBe('linux');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await button(page, '简体中文').click();
    await button(page, '设置').click();
    const zh = page.getByRole('dialog', { name: '设置' });
    await expect.poll(async () => /[\u4e00-\u9fff]/.test((await zh.getByRole('row').filter({ hasText: 'net.ipv4.tcp_synack_retries' }).textContent()) ?? '')).toBe(true);
    await page.close();
  });
});

describe('socket controls', () => {
  it('sends text from A on the established connection, and refuses a bad port', async () => {
    const page = await newPage();
    await openLesson(page, 'The three-way handshake');
    await seekByKeys(page, 100);
    const hostA = region(page, 'Socket controls').getByRole('group', { name: 'Host A (10.0.0.1)' });
    await hostA.getByLabel('Connection').selectOption({ index: 1 }); // 10.0.0.1:40000>10.0.0.2:80
    await expect(hostA.getByLabel('Local port').inputValue()).resolves.toBe('40000');
    await hostA.getByLabel('Text').fill('hello');
    await hostA.getByRole('button', { name: 'Send', exact: true }).click();
    await slider(page).focus();
    await page.keyboard.press('End');
    await expect.poll(() => ladderText(page)).toContain('Len=5');
    await hostA.getByLabel('Local port').fill('0');
    await expect(hostA.getByRole('button', { name: 'Close', exact: true }).isDisabled()).resolves.toBe(true);
    await page.close();
  });
});
