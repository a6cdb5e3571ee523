// The Packet inspector against the real browser-mode host: its heading follows the ladder's display
// switches, and the editor is offered only for a packet that can still be edited. Run after `npm run build`.
import { describe, expect, it } from 'vitest';
import { labPage, ladderText, openLesson, region, routerOption, seekByKeys, useLabApp } from './harness.js';

const lab = useLabApp();

describe('packet inspector', () => {
  it('the heading shows absolute Seq/Ack numbers when "Relative sequence numbers" is off, as the ladder does', async () => {
    const page = await labPage(lab.browser, lab.app, 'en');
    await openLesson(page, 'The three-way handshake');
    await seekByKeys(page, 20);
    const ladder = region(page, 'Ladder diagram');
    // The ladder's keys select among the packets drawn: wait until the trace up to 20 ms has arrived.
    await expect.poll(() => ladderText(page)).toContain('[SYN, ACK]');
    await ladder.getByRole('application').focus();
    await page.keyboard.press('ArrowDown'); // #1, the SYN
    const inspector = region(page, 'Packet inspector');
    const heading = inspector.locator('p.label');
    await expect.poll(() => heading.textContent()).toContain('#1 [SYN] Seq=0 ');
    const isn = (await inspector.locator('dt', { hasText: /^Sequence number$/ }).locator('xpath=following-sibling::dd[1]').textContent())?.trim() ?? '';
    expect(isn).toMatch(/^\d+$/);
    expect(isn).not.toBe('0');
    await ladder.getByLabel('Relative sequence numbers').uncheck();
    await expect.poll(() => heading.textContent()).toContain(`#1 [SYN] Seq=${isn} `);
    await ladder.getByLabel('Relative sequence numbers').check();
    await expect.poll(() => heading.textContent()).toContain('#1 [SYN] Seq=0 ');
    await page.close();
  });
});

describe('the router list and the inspector', () => {
  it('label a packet alike, with Wireshark\'s relative numbers, and both follow "Relative sequence numbers"', async () => {
    const page = await labPage(lab.browser, lab.app, 'en');
    await openLesson(page, 'RST: a closed port, an abort, and a reset in mid-transfer');
    // At 20 ms B's RST from the closed port 81 (#2) is on its way: B never sent a SYN there, so Wireshark counts
    // its side from seq - 1 (Seq=1). The router list used to print Seq=0 (absolute), the inspector Seq=1.
    await seekByKeys(page, 20);
    const row = routerOption(page, '#2');
    await expect.poll(() => row.count()).toBe(1);
    const rowLabel = async () => (await row.locator('.label').textContent()) ?? '';
    expect(await rowLabel()).toMatch(/^\[RST, ACK\] Seq=1 Ack=1 Win=0 Len=0$/);
    await row.click();
    const heading = region(page, 'Packet inspector').locator('p.label');
    await expect.poll(() => heading.textContent()).toBe(`#2 ${await rowLabel()}`);
    const ladder = region(page, 'Ladder diagram');
    await ladder.getByLabel('Relative sequence numbers').uncheck();
    // Absolute: B's RST carries seq 0 and acknowledges A's SYN (its ISN + 1), in the list as in the inspector.
    await expect.poll(rowLabel).toMatch(/^\[RST, ACK\] Seq=0 Ack=\d{2,} Win=0 Len=0$/);
    await expect.poll(() => heading.textContent()).toBe(`#2 ${await rowLabel()}`);
    expect(await row.locator('.label').getAttribute('title')).toBe(await rowLabel());
    await ladder.getByLabel('Relative sequence numbers').check();
    await expect.poll(rowLabel).toMatch(/^\[RST, ACK\] Seq=1 Ack=1 /);
    await page.close();
  });
});

describe('editing a packet', () => {
  it('is not offered for a packet already delivered, and the button says why', async () => {
    const page = await labPage(lab.browser, lab.app, 'en');
    await openLesson(page, 'The three-way handshake');
    await seekByKeys(page, 20);
    const inspector = region(page, 'Packet inspector');
    const edit = inspector.getByRole('button', { name: 'Edit this packet' });
    await expect.poll(() => ladderText(page)).toContain('[SYN, ACK]');
    await region(page, 'Ladder diagram').getByRole('application').focus();
    await page.keyboard.press('ArrowDown'); // #1, the SYN: delivered at 10 ms
    await expect.poll(() => inspector.locator('p.label').textContent()).toContain('#1 ');
    await page.keyboard.press('ArrowDown'); // #2, the SYN-ACK: on its way at 20 ms
    await expect.poll(() => inspector.locator('p.label').textContent()).toContain('#2 ');
    await expect.poll(() => edit.isDisabled()).toBe(false);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => inspector.locator('p.label').textContent()).toContain('#1 ');
    await expect.poll(() => edit.isDisabled()).toBe(true);
    expect(await edit.getAttribute('title')).toBe('Already delivered: only a packet still on its way can be edited.');
    await page.close();
  });
});
