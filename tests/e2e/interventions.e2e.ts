// Router interventions by drag, by button and by keyboard (WCAG 2.2 SC 2.5.7), the packet editor and inject
// form, socket controls, and export / re-open, against the real browser-mode host. Run after `npm run build`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { exportPcapng, sessionExportInput } from '../../src-main/lab/export/index.js';
import { loadSession } from '../../src-main/lab/session-file.js';
import {
  button, cursorMs, labPage, ladderText, openLesson, openScenario, region, routerOption, seekByKeys, slider, useLabApp,
} from './harness.js';

const lab = useLabApp();

const newPage = (lang: 'en' | 'zh-CN' = 'en') => labPage(lab.browser, lab.app, lang);

/** A new page on the three-way handshake at 20 ms, the SYN-ACK waiting in the router; returns its row. */
async function atSynAck() {
  const page = await newPage();
  await openLesson(page, 'The three-way handshake');
  await seekByKeys(page, 20);
  const synAck = routerOption(page, '[SYN, ACK]');
  await expect.poll(() => synAck.count()).toBe(1);
  return { page, synAck };
}

describe('router interventions', () => {
  it('drag the SYN-ACK onto Drop: the client retransmits its SYN', async () => {
    const { page, synAck } = await atSynAck();
    await synAck.dragTo(page.getByTestId('zone-drop'));
    await expect.poll(async () => (await ladderText(page)).match(/#2[^#]*dropped/) !== null).toBe(true);
    await expect(region(page, 'Packet inspector').textContent()).resolves.toContain('[SYN, ACK]');
    await slider(page).focus();
    await page.keyboard.press('End');
    await expect.poll(() => cursorMs(page)).toBe(2000);
    await expect.poll(() => ladderText(page)).toContain('retransmission of #1');
    await page.close();
  });

  it('regions paint apart, and the drag ghost is in none of them: it stays above every region', async () => {
    // Each region is a stacking context of its own so that Chromium repaints only the changed ones during play
    // (Region.svelte). The router's region cannot be: its drag ghost (position: fixed, z-index 50) would then
    // paint under the regions after it, so its list is isolated instead and the ghost sits beside it.
    const { page, synAck } = await atSynAck();
    const isolation = () => page.evaluate(() => Object.fromEntries([...document.querySelectorAll('section[data-region]')].map((el) => [el.getAttribute('data-region'), getComputedStyle(el).isolation])));
    expect(await isolation()).toEqual({ lesson: 'isolate', sockets: 'isolate', ladder: 'isolate', state: 'isolate', router: 'auto', inspector: 'isolate', timeline: 'isolate' });
    const box = (await synAck.boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + box.height / 2);
    await page.mouse.down();
    const inspector = (await region(page, 'Packet inspector').boundingBox())!;
    await page.mouse.move(inspector.x + 40, inspector.y + 40, { steps: 5 });
    const ghost = page.locator('.ghost');
    await expect.poll(() => ghost.count()).toBe(1);
    // No ancestor of the ghost is a stacking context, so its z-index counts against the whole page.
    const isolatedAncestors = await ghost.evaluate((el) => {
      const found: string[] = [];
      for (let e = el.parentElement; e; e = e.parentElement) if (getComputedStyle(e).isolation === 'isolate') found.push(e.className);
      return found;
    });
    expect(isolatedAncestors).toEqual([]);
    await page.mouse.up(); // over the inspector: no drop zone, nothing happens
    await page.close();
  });

  it('the same with the keyboard only: select with the arrows, Delete drops', async () => {
    const { page } = await atSynAck();
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

describe('duplicating a packet on its way to the router', () => {
  it('the copy leaves the router when the SYN-ACK gets there (30 ms), so A takes the real one', async () => {
    const page = await newPage();
    await openLesson(page, 'The three-way handshake');
    await seekByKeys(page, 20);
    await routerOption(page, '[SYN, ACK]').click();
    await button(page, 'Duplicate').click();
    await slider(page).focus();
    await page.keyboard.press('End');
    await expect.poll(() => cursorMs(page)).toBe(2000);
    await expect.poll(() => ladderText(page)).toContain('duplicate of #2');
    const text = await ladderText(page);
    expect(text).toMatch(/#3\s*sent 30 ms, arrived 40 ms/);
    // A is established by the real SYN-ACK: it is the late copy that A discards, and only it (a SYN on an
    // open connection draws a challenge ACK, RFC 5961 4.2, as Linux's tcp_validate_incoming does).
    expect(text.match(/challenge ACK sent/g)).toHaveLength(1);
    expect(text).toMatch(/duplicate of #2\s*·\s*discarded by the receiver: SYN in ESTABLISHED: challenge ACK sent/);
    await page.close();
  });
});

describe('at the end of the run', () => {
  it('an injected packet is refused with a message naming the end time, and nothing is added', async () => {
    const page = await newPage();
    await openLesson(page, 'The three-way handshake');
    await slider(page).focus();
    await page.keyboard.press('End');
    await expect.poll(() => cursorMs(page)).toBe(2000);
    await region(page, 'Ladder diagram').getByRole('application').focus();
    await page.keyboard.press('ArrowDown'); // #1, the SYN: the inspector shows it, with "Craft a packet…"
    const inspector = region(page, 'Packet inspector');
    await expect.poll(() => inspector.locator('[data-raw]').first().textContent()).toContain('[SYN]');
    await inspector.getByRole('button', { name: 'Craft a packet…' }).click();
    const form = inspector.getByRole('form', { name: 'Inject a crafted packet' });
    await form.getByLabel('Flags').fill('S');
    await form.getByRole('button', { name: 'Inject' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'The run ends at 2000 ms' }).count()).toBe(1);
    expect(await ladderText(page)).not.toContain('injected');
    await page.close();
  });
});

describe('reordering the router queue', () => {
  // B's link is slow (80 kbit/s), so A's 5000-byte burst waits at the router: four segments in B's queue.
  const scenario = {
    format: 'tcplab.scenario/1', title: { en: 'Queue', 'zh-CN': '队列' }, seed: 3, profile: 'linux',
    hosts: [{ name: 'A', ip: '10.0.0.1' }, { name: 'B', ip: '10.0.0.2', link: { bandwidthBps: 80000 } }],
    network: { delayMs: 10 }, rules: [],
    steps: [
      { atMs: 0, host: 'B', call: 'listen', port: 80, backlog: 128 },
      { atMs: 0, host: 'A', call: 'connect', port: 40000, to: '10.0.0.2:80' },
      { atMs: 200, host: 'A', call: 'send', port: 40000, data: 'x'.repeat(5000) },
    ],
    untilMs: 3000,
  };
  const order = async (page: Page) =>
    (await region(page, 'Router queue').getByRole('group', { name: 'Queued' }).getByRole('option').allTextContents()).map((t) => /#(\d+)/.exec(t)?.[1]);

  it('drag a packet onto another to take its place; Alt+↑ and "Move down" do the same without a pointer', async () => {
    const page = await newPage();
    await openScenario(page, scenario, 'queue.json');
    await seekByKeys(page, 250);
    await expect.poll(() => order(page)).toEqual(['4', '5', '6', '7']);
    await routerOption(page, 'Seq=4381').dragTo(routerOption(page, 'Seq=1461'));
    // #4 is on the wire. KNOWN HOST BUG (reported): view.router's queueIndex counts the packet on the wire,
    // intervene move's toIndex does not (net/interventions.ts movePacket), so every reorder lands one too far.
    const message = 'queueIndex (view.router) and toIndex (intervene move) must count the same packets';
    await expect.poll(() => order(page), { message }).toEqual(['4', '7', '5', '6']);
    await routerOption(page, 'Seq=2921').click(); // #6
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => order(page)).toEqual(['4', '7', '6', '5']);
    await routerOption(page, 'Seq=4381').click(); // #7
    await button(page, 'Move down').click();
    await expect.poll(() => order(page)).toEqual(['4', '6', '7', '5']);
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
    // The download is the capture byte for byte: the host's base64 made from the capture's pieces, decoded by
    // the browser (Uint8Array.fromBase64 in this Chromium), equals the capture of the saved session.
    const loaded = loadSession(session.bytes.toString('utf8'));
    if (!loaded.ok) throw new Error(`the saved session does not load: ${loaded.errors[0]?.message}`);
    expect(Buffer.compare(pcap.bytes, Buffer.from(exportPcapng(sessionExportInput(loaded.session), { lang: 'en' })))).toBe(0);

    // Re-open it in a fresh window: same lesson, same intervention.
    const again = await newPage();
    // Another lesson first, so the file's session (with its one intervention) is told apart by Undo.
    await openLesson(again, 'The SYN is lost');
    await expect.poll(() => again.getByRole('button', { name: 'Undo', exact: true }).isDisabled()).toBe(true);
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
