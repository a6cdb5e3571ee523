// The interactive panels against the real browser-mode host: lessons and playback, the diagrams wired to
// the inspector, seeking, branching and comparing, settings, theme, layout and the language switch.
// Router interventions, the packet editor, sockets and files are in interventions.e2e.ts. Run after `npm run build`.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { liveScenario } from '../../bench/renderer-live.js';
import {
  button, cursorMs, labPage, ladderText, openLesson, openScenario, region, routerOption, seekByKeys, slider, useLabApp,
} from './harness.js';

const lab = useLabApp();

const newPage = (lang: 'en' | 'zh-CN' = 'en') => labPage(lab.browser, lab.app, lang);

async function stateOf(page: Page, host: string): Promise<string> {
  const pane = region(page, 'State diagram');
  await pane.getByRole('group', { name: 'Endpoint' }).getByRole('button', { name: host, exact: true }).click();
  const label = (await pane.getByRole('img').first().getAttribute('aria-label')) ?? '';
  return /Current state: ([A-Z-]+)/.exec(label)?.[1] ?? label;
}

/** A new page playing renderer.live's bulk transfer (1,000 packets per virtual second) at 1×, past its first frames. */
async function playingLive(file: string): Promise<Page> {
  const page = await newPage();
  await openScenario(page, liveScenario(60_000), file);
  await page.getByLabel('Speed').selectOption('1');
  await button(page, 'Play').click();
  await page.waitForTimeout(300);
  return page;
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

  it('the ladder keeps drawing new packets while playing at 1x, and shows them all once paused', async () => {
    // While playing, the ladder draws data-only changes at about 30 Hz (lib/frame-pacer.ts): this
    // checks that paced frames still come, and that pausing draws the cursor's last packets at once.
    const page = await newPage();
    // The renderer.live benchmark's bulk transfer: 1,000 packets per virtual second.
    await openScenario(page, liveScenario(60_000), 'ladder-playing.json');
    await page.getByLabel('Speed').selectOption('1');
    // Show all: the whole run so far, as it grows (by itself the ladder would show a readable window of the
    // newest packets, views/ladder/readable.ts, and draw only those).
    await region(page, 'Ladder diagram').getByRole('button', { name: 'Show all', exact: true }).click();
    const canvas = region(page, 'Ladder diagram').locator('canvas').first();
    const drawn = async () => Number(await canvas.getAttribute('data-drawn'));
    await button(page, 'Play').click();
    const seen = new Set<number>();
    for (let i = 0; i < 40 && seen.size < 4; i++) {
      seen.add(await drawn());
      await page.waitForTimeout(100);
    }
    expect(await button(page, 'Pause').isEnabled()).toBe(true); // still playing
    expect(seen.size).toBeGreaterThanOrEqual(4);
    await button(page, 'Pause').click();
    await expect.poll(() => button(page, 'Pause').isDisabled()).toBe(true);
    // Paused, the canvas shows every packet up to the cursor on the next frame, and then stays as it is.
    await page.waitForTimeout(100);
    const atPause = await drawn();
    expect(atPause).toBeGreaterThan(Math.max(...seen));
    await page.waitForTimeout(300);
    expect(await drawn()).toBe(atPause);
    await page.close();
  });

  it('while playing, host updates apply on every second frame (about 30 Hz), and the cursor keeps moving', async () => {
    // The host sends a batch every 16 ms; the session store applies them at most every 30 ms while playing
    // (lib/frame-pacer.ts), so the cursor readout changes about 30 times a second, not 60.
    const page = await playingLive('paced-play.json');
    // The animation frame each change of the readout happened in (document.timeline.currentTime is the
    // frame's time, the timestamp requestAnimationFrame callbacks get).
    await page.evaluate(`(() => {
      const frames = (window.__readoutFrames = []);
      new MutationObserver(() => frames.push(document.timeline.currentTime)).observe(document.querySelector('output.now'), { characterData: true, childList: true, subtree: true });
    })()`);
    await page.waitForTimeout(2_000);
    const frames = (await page.evaluate('window.__readoutFrames')) as number[];
    await button(page, 'Pause').click();
    expect(frames.length).toBeGreaterThan(10); // it kept moving
    // Never two changes within 30 ms of frame time; unpaced, consecutive 60 Hz frames are 16.7 ms apart.
    const gaps = frames.slice(1).map((t, i) => t - frames[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(29.9);
    await page.close();
  });

  it('while playing, no control has its disabled flag set again to the same value on every update', async () => {
    // session.info is new on every host update; a template reading its fields re-set `disabled` on the socket,
    // undo/redo, branch, settings and export controls ~30 times a second (docs/ARCHITECTURE.md, "Derived values
    // for the DOM"). Each of those is a DOM mutation Chromium restyles.
    const page = await playingLive('quiet-controls.json');
    await page.evaluate(`(() => {
      const seen = (window.__disabledSets = []);
      const name = (el) => el.getAttribute('aria-label') || el.id || el.textContent.trim().slice(0, 20) || el.tagName;
      new MutationObserver((ms) => { for (const m of ms) seen.push(name(m.target)); }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['disabled'] });
    })()`);
    const fromMs = await cursorMs(page);
    await page.waitForTimeout(1_500);
    const sets = (await page.evaluate('window.__disabledSets')) as string[];
    expect(await cursorMs(page)).toBeGreaterThan(fromMs + 500); // it was playing all along
    await button(page, 'Pause').click();
    expect(sets).toEqual([]);
    await page.close();
  });

  it('the TCB panel follows a transfer between state changes: SND.NXT and cwnd at the cursor, not at ESTABLISHED', async () => {
    const page = await newPage();
    await openScenario(page, liveScenario(10_000), 'tcb-transfer.json');
    const pane = region(page, 'State diagram');
    const value = async (field: string) => Number((await pane.locator(`tr[data-field=${field}] td`).textContent())?.replace(/[^0-9]/g, ''));
    await seekByKeys(page, 1000);
    await expect.poll(() => pane.locator('table caption').textContent()).toContain('at 1000 ms');
    // A has sent well over 100 KB by 1 s at 8 Mbit/s; its last state change (ESTABLISHED) was at 40 ms, SND.NXT 1.
    await expect.poll(() => value('sndNxt'), { timeout: 10_000 }).toBeGreaterThan(100_000);
    expect(await value('cwnd')).toBeGreaterThan(14_600);
    const atOneSecond = await value('sndNxt');
    await seekByKeys(page, 2000);
    await expect.poll(() => value('sndNxt'), { timeout: 10_000 }).toBeGreaterThan(atOneSecond);
    await page.close();
  });

  it("after a seek, without playing, the cwnd plot has the connection's history up to the cursor", async () => {
    const page = await newPage();
    await openScenario(page, liveScenario(10_000), 'tcb-history.json');
    const pane = region(page, 'State diagram');
    // Steps up or down in the cwnd line (d3's path: "M x,y L x,y …"): one per change of cwnd between two points.
    const cwndSteps = async () => {
      const ys = [...((await pane.locator('path.cwnd').getAttribute('d')) ?? '').matchAll(/[ML]([-\d.e]+),([-\d.e]+)/g)].map((m) => m[2]);
      return ys.filter((y, i) => i > 0 && y !== ys[i - 1]).length;
    };
    await seekByKeys(page, 2000);
    await expect.poll(() => pane.locator('table caption').textContent()).toContain('at 2000 ms');
    // The trace alone has two state changes before 2 s (SYN-SENT, ESTABLISHED): slow start needs the history.
    await expect.poll(cwndSteps, { timeout: 10_000 }).toBeGreaterThan(8);
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
    // #3, the third ACK: both SYNs offered window scaling, so the ladder, the inspector's label and its
    // Window field all give the window in bytes (the field times 4), not two different numbers.
    await page.keyboard.press('ArrowDown');
    const inspector = region(page, 'Packet inspector');
    await expect.poll(() => inspector.locator('[data-raw]').first().textContent()).toContain('#3');
    const live = region(page, 'Ladder diagram').locator('[aria-live]');
    await expect.poll(() => live.textContent()).toContain('packet #3 ');
    const said = await live.textContent();
    const win = /Win=(\d+)/.exec(said ?? '')?.[1];
    expect(win, said ?? '').toBeDefined();
    expect(await inspector.locator('[data-raw]').first().textContent()).toContain(`Win=${win} `);
    const field = await inspector.locator('dd', { hasText: '× 4 =' }).textContent();
    expect(field?.replace(/\s+/g, ' ').trim()).toMatch(new RegExp(`^\\d+ × 4 = ${win}$`));
    await page.close();
  });

  it('a packet selected while it is still on its way lights its edge once the cursor passes its arrival', async () => {
    const page = await newPage();
    await openLesson(page, 'The three-way handshake');
    await seekByKeys(page, 10); // the SYN left A at 0 ms and reaches B at 20 ms
    const canvas = region(page, 'Ladder diagram').getByRole('application');
    await canvas.focus();
    await page.keyboard.press('ArrowDown'); // #1, the SYN
    await expect.poll(() => region(page, 'Packet inspector').locator('[data-raw]').first().textContent()).toContain('[SYN]');
    const pane = region(page, 'State diagram');
    expect(await pane.getByRole('button', { name: 'B', exact: true }).getAttribute('aria-pressed')).toBe('false');
    // Moving on, with the SYN still selected: B receives it, and the diagram follows B and lights that edge.
    await slider(page).focus();
    await page.keyboard.press('End');
    await expect.poll(() => cursorMs(page)).toBe(2000);
    await expect.poll(() => pane.getByRole('button', { name: 'B', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => pane.textContent()).toContain('LISTEN → SYN-RECEIVED');
    expect(await pane.textContent()).not.toContain('SYN-RECEIVED → ESTABLISHED');
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
    // Undo takes the drop back (the SYN-ACK arrives, no SYN is resent); Redo applies it again.
    await page.getByLabel('Compare with').selectOption({ index: 0 });
    await button(page, 'Undo').click();
    await slider(page).focus();
    await page.keyboard.press('End');
    await expect.poll(() => ladderText(page)).not.toContain('retransmission of #1');
    await expect.poll(() => button(page, 'Redo').isDisabled()).toBe(false);
    await button(page, 'Redo').click();
    await slider(page).focus();
    await page.keyboard.press('End');
    await expect.poll(() => ladderText(page)).toContain('retransmission of #1');
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
