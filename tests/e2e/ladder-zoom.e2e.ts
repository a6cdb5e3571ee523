// The ladder's automatic view (views/ladder/readable.ts, zoom.svelte.ts; docs/LADDER.md "Zoom") in the real
// browser-mode app. A long run opened in the app was fitted whole into the pane, so its packets lay on top of
// each other and nothing could be read; it now opens on a readable window at its start, follows the newest
// packets once the cursor moves, Show all still fits everything and then says the packets overlap, the
// reader's own zoom stays, and a short lesson looks as it always did. Read through what the page exposes: the
// canvas's data-window-ms (the time span in view), data-drawn and data-labelled (packets drawn, and how many
// of them got a label), and the hidden table of the packets in view. Run after `npm run build`.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { liveScenario } from '../../bench/renderer-live.js';
import { button, cursorMs, labPage, openLesson, openScenario, region, seekByKeys, slider, useLabApp } from './harness.js';

const lab = useLabApp();

const canvas = (page: Page) => region(page, 'Ladder diagram').locator('canvas').first();
const windowMs = async (page: Page): Promise<[number, number]> => {
  const [from = NaN, to = NaN] = ((await canvas(page).getAttribute('data-window-ms')) ?? '').split(' ').map(Number);
  return [from, to];
};
const count = async (page: Page, name: 'drawn' | 'labelled') => Number(await canvas(page).getAttribute(`data-${name}`));
/** At least 5 packets in view and at least half of them labelled (readable); returns how many are drawn. */
const expectReadable = async (page: Page): Promise<number> => {
  const drawn = await count(page, 'drawn');
  expect(drawn).toBeGreaterThanOrEqual(5);
  expect(await count(page, 'labelled')).toBeGreaterThanOrEqual(drawn / 2);
  return drawn;
};
/** The send times of the packets in the hidden table (its time cells read "sent 20 ms, arrived 40 ms"). */
const tableSentMs = async (page: Page) =>
  (await region(page, 'Ladder diagram').locator('tbody tr td:nth-child(2)').allTextContents()).map((cell) => Number(/^sent (\d+) ms/.exec(cell)?.[1] ?? NaN));

/** Seeks with the slider's keys to the run's start, then to its end (lesson 23's ends at 63 s). */
const homeThenEnd = async (page: Page, endMs = 63_000): Promise<void> => {
  await slider(page).focus();
  await page.keyboard.press('Home');
  await expect.poll(() => cursorMs(page)).toBe(0);
  await page.keyboard.press('End');
  await expect.poll(() => cursorMs(page)).toBe(endMs);
};

describe('a long run (lesson 23: a 60 s TIME-WAIT after 150 ms of packets)', () => {
  it('opened with its cursor at the end, shows its start readably; Show all fits it and says the packets overlap', async () => {
    let page = await labPage(lab.browser, lab.app, 'en');
    await openLesson(page, 'The server closes first: TIME-WAIT on the server');
    await slider(page).focus();
    await page.keyboard.press('End');
    await expect.poll(() => cursorMs(page)).toBe(63_000);
    await page.close();
    // A new page opens the session as it is (browser mode has one host): a run opened at its end.
    page = await labPage(lab.browser, lab.app, 'en');
    await expect.poll(() => cursorMs(page)).toBe(63_000);
    await expect.poll(async () => (await windowMs(page))[1]).toBeLessThan(1000);
    const [fromMs, toMs] = await windowMs(page);
    expect(fromMs).toBeLessThanOrEqual(0);
    expect(toMs).toBeGreaterThan(100);
    // The first connection's packets are in view, most of them labelled, and the ladder does not say they
    // overlap. (Fitted whole, 1 label of 20 packets: the test below.)
    const drawn = await expectReadable(page);
    const ladder = region(page, 'Ladder diagram');
    await expect(ladder.getByText('Packets overlap at this zoom.').count()).resolves.toBe(0);
    // The hidden table lists those packets, from the run's first SYN, and none of the second connection (2 s on).
    await expect.poll(() => tableSentMs(page)).toContain(0);
    const sentMs = await tableSentMs(page);
    expect(sentMs.length).toBe(drawn);
    expect(Math.max(...sentMs)).toBeLessThan(1000);

    const showAll = ladder.getByRole('button', { name: 'Show all', exact: true });
    await expect(showAll.getAttribute('title')).resolves.toBe('Fit the whole run in view (in a long run the packets then overlap)');
    await showAll.click();
    await expect.poll(async () => (await windowMs(page))[1]).toBeGreaterThanOrEqual(63_000);
    await expect.poll(() => ladder.getByText('Packets overlap at this zoom.').count()).toBe(1);
    // Every packet is drawn, on top of each other: hardly any has room for its label.
    await expect.poll(() => count(page, 'drawn')).toBe(20);
    expect(await count(page, 'labelled')).toBeLessThanOrEqual(2);
    // Its button goes back to the readable view.
    await ladder.getByRole('button', { name: 'Zoom to read', exact: true }).click();
    await expect.poll(async () => (await windowMs(page))[1]).toBeLessThan(1000);
    await expect.poll(() => ladder.getByText('Packets overlap at this zoom.').count()).toBe(0);
    await page.close();
  });

  it('in Chinese: Show all\'s note and its button', async () => {
    const page = await labPage(lab.browser, lab.app, 'zh-CN');
    const ladder = region(page, '时序图');
    await ladder.getByRole('button', { name: '显示全部', exact: true }).click();
    await expect.poll(() => ladder.getByText('此缩放下报文相互重叠。').count()).toBe(1);
    await expect(ladder.getByRole('button', { name: '放大以便阅读', exact: true }).count()).resolves.toBe(1);
    await expect(ladder.getByRole('button', { name: '显示全部', exact: true }).getAttribute('title')).resolves.toBe('把整个运行过程放进视图（运行较长时报文会相互重叠）');
    await page.close();
  });

  it('after End, shows the newest packets readably (the cursor\'s end of the run)', async () => {
    const page = await labPage(lab.browser, lab.app, 'en');
    await openLesson(page, 'The server closes first: TIME-WAIT on the server');
    await homeThenEnd(page);
    // The last packets leave at about 2.1 s (the second connection's close); TIME-WAIT follows. Both ends are
    // waited for: the view is drawn again as the host's replies to the seek arrive, and on the way it can show a
    // window that already ends past 2.1 s but still starts before 0 (CI read [-5400, …] once when only the end
    // was waited for).
    await expect.poll(async () => (await windowMs(page))[0]).toBeGreaterThan(1000);
    await expect.poll(async () => (await windowMs(page))[1]).toBeGreaterThan(2100);
    const [fromMs, toMs] = await windowMs(page);
    expect(fromMs).toBeGreaterThan(1000);
    expect(toMs).toBeLessThan(4000);
    await expectReadable(page);
    await page.close();
  });

  it('your own zoom stays: after Earlier, seeking (Home, End) leaves the view where you put it', async () => {
    const page = await labPage(lab.browser, lab.app, 'en');
    await openLesson(page, 'The server closes first: TIME-WAIT on the server');
    await homeThenEnd(page);
    // The automatic view of the newest packets (as after End above), its start too: once (a full run of this
    // file) a passing window of the whole 63 s was read here instead, also ending past 2.1 s, and Earlier then
    // had nothing to pan.
    await expect.poll(async () => (await windowMs(page))[0]).toBeGreaterThan(1000);
    await expect.poll(async () => (await windowMs(page))[1]).toBeGreaterThan(2100);
    const [autoFromMs, autoToMs] = await windowMs(page);
    const ladder = region(page, 'Ladder diagram');
    await ladder.getByRole('button', { name: 'Earlier', exact: true }).click();
    await expect.poll(async () => (await windowMs(page))[0]).toBeLessThan(autoFromMs);
    const [fromMs, toMs] = await windowMs(page);
    // The same span, moved up: the pan kept the automatic view's zoom.
    expect(toMs - fromMs).toBeCloseTo(autoToMs - autoFromMs, 3);
    // A seek would have moved the automatic view (the whole run at 0, the newest packets at the end).
    await homeThenEnd(page);
    await page.waitForTimeout(300);
    expect(await windowMs(page)).toEqual([fromMs, toMs]);
    // Show all then fits the whole run again.
    await ladder.getByRole('button', { name: 'Show all', exact: true }).click();
    await expect.poll(async () => (await windowMs(page))[1]).toBeGreaterThanOrEqual(63_000);
    await page.close();
  });
});

describe('your own zoom while the run plays (views/ladder/time-frame.ts)', () => {
  it('keeps the same stretch of virtual time in view as the run grows; +, Step, − and Show all then work on the grown run', async () => {
    const page = await labPage(lab.browser, lab.app, 'en');
    await openLesson(page, 'The server closes first: TIME-WAIT on the server');
    await seekByKeys(page, 100);
    await page.waitForTimeout(300);
    const ladder = region(page, 'Ladder diagram');
    const [fitFromMs, fitToMs] = await windowMs(page);
    await ladder.getByRole('button', { name: 'Zoom in', exact: true }).click();
    await expect.poll(async () => { const [from, to] = await windowMs(page); return to - from; }).toBeLessThan(fitToMs - fitFromMs);
    const zoomed = await windowMs(page);
    // Playing at 10×: the run's span grows from 100 ms to seconds. The zoom was relative to that span, so the
    // same zoom showed ever longer and later windows; now it stays on the same milliseconds.
    await page.getByLabel('Speed').selectOption('10');
    await button(page, 'Play').click();
    for (const pastMs of [1000, 3000, 5000]) {
      await expect.poll(() => cursorMs(page), { timeout: 10_000 }).toBeGreaterThan(pastMs);
      expect(await windowMs(page)).toEqual(zoomed);
    }
    await button(page, 'Pause').click();
    await expect.poll(() => button(page, 'Pause').isDisabled()).toBe(true);
    const pausedMs = await cursorMs(page);
    await page.waitForTimeout(300);
    // The cursor went on out of view (Step would bring it back); the window did not move.
    expect(await windowMs(page)).toEqual(zoomed);
    expect(pausedMs).toBeGreaterThan(zoomed[1]);
    // + zooms around the centre of what is in view, not of some other window.
    await ladder.getByRole('button', { name: 'Zoom in', exact: true }).click();
    await expect.poll(async () => (await windowMs(page))[1]).toBeLessThan(zoomed[1]);
    const [inFromMs, inToMs] = await windowMs(page);
    expect((inFromMs + inToMs) / 2).toBeCloseTo((zoomed[0] + zoomed[1]) / 2, 6);
    expect(inToMs - inFromMs).toBeCloseTo((zoomed[1] - zoomed[0]) / 1.6, 6);
    // A Step scrolls to the cursor, which is out of view (docs/LADDER.md), at the same zoom.
    await button(page, 'Step').click();
    await expect.poll(() => cursorMs(page)).toBeGreaterThan(pausedMs);
    const steppedMs = await cursorMs(page);
    await expect.poll(async () => (await windowMs(page))[1]).toBeGreaterThanOrEqual(steppedMs);
    const [stepFromMs, stepToMs] = await windowMs(page);
    expect(stepFromMs).toBeLessThanOrEqual(steppedMs);
    expect(stepToMs - stepFromMs).toBeCloseTo(inToMs - inFromMs, 6);
    // − as often as it goes: the whole run so far, from its first packet to the cursor.
    const zoomOut = ladder.getByRole('button', { name: 'Zoom out', exact: true });
    for (let i = 0; i < 20; i++) await zoomOut.click();
    await expect.poll(async () => (await windowMs(page))[1]).toBeGreaterThanOrEqual(steppedMs);
    expect((await windowMs(page))[0]).toBeLessThanOrEqual(0);
    // Show all fits it too, and follows the run again.
    await ladder.getByRole('button', { name: 'Show all', exact: true }).click();
    await expect.poll(async () => (await windowMs(page))[1]).toBeGreaterThanOrEqual(steppedMs);
    expect((await windowMs(page))[0]).toBeLessThanOrEqual(0);
    await page.close();
  });
});

// A wheel or a drag that starts while the run plays, outside the reader's own zoom: the view's frame then
// follows the run (Show all, or the automatic view of the whole run), so it can be a step ahead of the picture
// (drawn on the next animation frame) and grows while a button is held. Each gesture's first step must move
// what is on screen: the time under the pointer stays under it through a wheel step, and moves with it by
// exactly the drag. The events are dispatched in the page, in the same task that reads the picture's window
// (data-window-ms), at an animation frame where the run has moved on since the last drawing.
const HEADER_PX = 38;
/** The time drawn at yPx (canvas pixels) in a window read from data-window-ms (views/ladder/view.svelte.ts windowMs). */
const msAt = ([fromMs, toMs]: [number, number], yPx: number, heightPx: number) => fromMs + ((yPx - HEADER_PX) * (toMs - fromMs)) / (heightPx - HEADER_PX);

/**
 * At the first animation frame where the cursor has moved since the ladder was last drawn: the window drawn,
 * and a wheel step (zooming in) or a button pressed at yPx over the canvas. Returns that window, the pointer's
 * y as d3-zoom reads it (canvas pixels) and where it is in the page.
 */
async function startGesture(page: Page, kind: 'wheel' | 'drag', yPx: number) {
  const node = await canvas(page).elementHandle();
  const scrub = await slider(page).elementHandle();
  return page.evaluate(([el, input, kind, yPx]) => new Promise<{ shownMs: [number, number]; yPx: number; heightPx: number; clientX: number; clientY: number }>((resolve) => {
    const box = el as HTMLCanvasElement;
    const cursor = input as HTMLInputElement;
    let drawnAt: string | null = null;
    const observer = new MutationObserver(() => (drawnAt = cursor.value));
    observer.observe(box, { attributes: true, attributeFilter: ['data-window-ms'] });
    const frame = () => {
      if (drawnAt === null || cursor.value === drawnAt) {
        requestAnimationFrame(frame);
        return;
      }
      observer.disconnect();
      const rect = box.getBoundingClientRect();
      const [fromMs = NaN, toMs = NaN] = (box.dataset.windowMs ?? '').split(' ').map(Number);
      const at = { clientX: Math.round(rect.left + rect.width / 2), clientY: Math.round(rect.top + yPx), bubbles: true, cancelable: true, view: window };
      const event = kind === 'wheel' ? new WheelEvent('wheel', { ...at, deltaY: -100, deltaMode: 0 }) : new MouseEvent('mousedown', { ...at, button: 0 });
      box.dispatchEvent(event);
      resolve({ shownMs: [fromMs, toMs], yPx: event.clientY - rect.top, heightPx: rect.height, clientX: event.clientX, clientY: event.clientY });
    };
    requestAnimationFrame(frame);
  }), [node, scrub, kind, yPx] as const);
}

/** A mouse event on the window (where d3-zoom follows a drag); returns its y over the canvas (canvas pixels). */
async function mouseOnWindow(page: Page, type: 'mousemove' | 'mouseup', clientX: number, clientY: number): Promise<number> {
  const node = await canvas(page).elementHandle();
  return page.evaluate(([el, type, clientX, clientY]) => {
    const event = new MouseEvent(type, { clientX, clientY, button: 0, buttons: type === 'mousemove' ? 1 : 0, bubbles: true, cancelable: true, view: window });
    window.dispatchEvent(event);
    return event.clientY - (el as HTMLCanvasElement).getBoundingClientRect().top;
  }, [node, type, clientX, clientY] as const);
}

describe('a wheel or a drag that starts while the run plays moves what is on screen (time-frame.ts gestureFrame)', () => {
  const cases = [
    { name: 'lesson 23 at 10×, after Show all', lesson: 'The server closes first: TIME-WAIT on the server', speed: '10', showAll: true, pastMs: 3000 },
    { name: 'lesson 24 at 2×, in the automatic view (the whole run)', lesson: 'The peer host crashes: half-open connections', speed: '2', showAll: false, pastMs: 1500 },
  ] as const;
  for (const c of cases) {
    for (const kind of ['wheel', 'drag'] as const) {
      it(`${c.name}: a ${kind}`, async () => {
        const page = await labPage(lab.browser, lab.app, 'en');
        await openLesson(page, c.lesson);
        await seekByKeys(page, 0);
        const ladder = region(page, 'Ladder diagram');
        if (c.showAll) await ladder.getByRole('button', { name: 'Show all', exact: true }).click();
        await page.getByLabel('Speed').selectOption(c.speed);
        await button(page, 'Play').click();
        await expect.poll(() => cursorMs(page), { timeout: 10_000 }).toBeGreaterThan(c.pastMs);
        // The whole run is in view, and the view follows it as it grows. (The picture is drawn on the next
        // animation frame, up to a few hundred virtual ms behind the cursor at 10×: wait for it.)
        await expect.poll(async () => (await windowMs(page))[1]).toBeGreaterThanOrEqual(c.pastMs);
        expect((await windowMs(page))[0]).toBeLessThanOrEqual(0);
        const box = await canvas(page).boundingBox();
        const start = await startGesture(page, kind, Math.round((box?.height ?? 0) * 0.6));
        const underPointerMs = msAt(start.shownMs, start.yPx, start.heightPx);
        let pointerPx = start.yPx;
        // A drag: the button is held while the run plays on, then moved up by 20 px (not much further: the whole
        // run is in view, and panning stops at its end).
        if (kind === 'drag') {
          await page.waitForTimeout(300);
          pointerPx = await mouseOnWindow(page, 'mousemove', start.clientX, start.clientY - 20);
          expect(pointerPx).toBe(start.yPx - 20);
        }
        // The reader's own zoom now: the window stays while the run plays on.
        await expect.poll(async () => (await windowMs(page))[0]).not.toBe(start.shownMs[0]);
        await page.waitForTimeout(300);
        const afterMs = await windowMs(page);
        if (kind === 'drag') await mouseOnWindow(page, 'mouseup', start.clientX, start.clientY - 20);
        expect(await cursorMs(page)).toBeGreaterThan(c.pastMs);
        const spanMs = (w: [number, number]) => w[1] - w[0];
        const msPerPx = spanMs(afterMs) / (start.heightPx - HEADER_PX);
        // The time that was under the pointer is under it still, within a pixel; its scale is the one on
        // screen times the wheel's step (d3-zoom: 2^(100 * 0.002)), or unchanged by the drag.
        expect(Math.abs(msAt(afterMs, pointerPx, start.heightPx) - underPointerMs)).toBeLessThan(msPerPx);
        expect(spanMs(start.shownMs) / spanMs(afterMs)).toBeCloseTo(kind === 'wheel' ? 2 ** 0.2 : 1, 6);
        expect(await windowMs(page)).toEqual(afterMs);
        await page.close();
      });
    }
  }
});

describe('a run whose arrows are apart looks as it always did', () => {
  it('lesson 24 at its end: the whole run in view, no note', async () => {
    const page = await labPage(lab.browser, lab.app, 'en');
    await openLesson(page, 'The peer host crashes: half-open connections');
    await slider(page).focus();
    await page.keyboard.press('End');
    await expect.poll(() => cursorMs(page)).toBe(8000);
    // Both ends, and the count, are waited for: the view is drawn again as the host's replies to the seek arrive,
    // and on the way it can show a window that already ends at 8 s but does not yet start at 0.
    await expect.poll(async () => (await windowMs(page))[1]).toBeGreaterThanOrEqual(8000);
    await expect.poll(async () => (await windowMs(page))[0]).toBeLessThanOrEqual(0);
    await expect.poll(() => count(page, 'drawn')).toBe(11);
    await expect(region(page, 'Ladder diagram').getByText('Packets overlap at this zoom.').count()).resolves.toBe(0);
    await page.close();
  });
});

describe('a crowded Show all (docs/LADDER.md "Crowded views")', () => {
  it('between the merge limit and the label limit it draws, labels the arrows it kept, and throws nothing', async () => {
    // Above LOD_ABOVE_VISIBLE (1,000) arrows on the same pixels are merged, and up to LABEL_MAX_VISIBLE (1,500)
    // labels are still placed: a label for an arrow merged away had no path to sit on and threw in every frame.
    const page = await labPage(lab.browser, lab.app, 'en');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await openScenario(page, liveScenario(3_000), 'crowded-show-all.json');
    await region(page, 'Ladder diagram').getByRole('button', { name: 'Show all', exact: true }).click();
    await seekByKeys(page, 1_400); // ~1,000 packets a second after the handshake
    await expect.poll(() => count(page, 'drawn')).toBeGreaterThan(1_000);
    expect(await count(page, 'drawn')).toBeLessThanOrEqual(1_500);
    await expect.poll(() => count(page, 'labelled')).toBeGreaterThan(0);
    // Hovering an arrow labels it too, merged or not.
    const box = (await canvas(page).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.6);
    await page.waitForTimeout(300);
    expect(errors).toEqual([]);
    await page.close();
  });
});
