// The lab on a small classroom laptop: below 1280 px the side columns become tabbed docks (App.svelte), and every
// panel's main control is on screen and clickable at 1024×640 and 1024×600, in English and Chinese, with no page
// scrolling; the wide layout is unchanged from 1280 px. Also: the ladder's labels stay inside its plot, and the
// first Step to next packet from a newly opened lesson shows the first packet. Screenshots go to /tmp/ui-layout-*.png.
// Run after `npm run build`.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { en } from '../../src-renderer/i18n/en.js';
import { zhCN } from '../../src-renderer/i18n/zh-CN.js';
import { lessonById } from '../../src-main/lab/lessons/index.js';
import { LabSession } from '../../src-main/lab/session-lab.js';
import { newSession } from '../../src-main/lab/session-model.js';
import { labPage, region, useLabApp } from './harness.js';

const lab = useLabApp();

type Lang = 'en' | 'zh-CN';
type Viewport = { width: number; height: number };
const STRINGS = { en, 'zh-CN': zhCN } as const;
const SMALL: Viewport = { width: 1024, height: 640 };
const SMALLEST: Viewport = { width: 1024, height: 600 };

const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });
const slider = (page: Page, lang: Lang) => page.getByRole('slider', { name: STRINGS[lang]['timeline.scrub'] });
const ladderCanvas = (page: Page, lang: Lang) => region(page, STRINGS[lang]['region.ladder']).locator('canvas').first();
const eventReadout = (page: Page) => page.locator('output.event');

/** Opens a lesson by its title in `lang`; in the narrow layout the Lesson panel is first brought to the front. */
async function openLessonIn(page: Page, lang: Lang, id: string): Promise<void> {
  const s = STRINGS[lang];
  const title = lessonById(id)!.title[lang];
  if ((await tab(page, s['region.lesson']).count()) > 0) await tab(page, s['region.lesson']).click();
  const lesson = region(page, s['region.lesson']);
  const all = lesson.getByRole('button', { name: s['lesson.all'], exact: true });
  if ((await all.count()) > 0) await all.click();
  await lesson.getByRole('button', { name: title, exact: true }).click();
  await expect.poll(() => lesson.getByRole('heading', { name: title }).count()).toBe(1);
  await expect.poll(() => slider(page, lang).inputValue()).toBe('0');
}

/** Seeks with the scrub bar's keys: Home, then → per 10 ms (End for the end of the run). */
async function seek(page: Page, lang: Lang, key: 'End' | number): Promise<void> {
  await slider(page, lang).focus();
  await page.keyboard.press(key === 'End' ? 'End' : 'Home');
  if (key !== 'End') {
    await expect.poll(() => slider(page, lang).inputValue()).toBe('0');
    for (let i = 0; i < key / 10; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => slider(page, lang).inputValue()).toBe(String(key));
  }
}

/**
 * The control is inside the window and would take a click (visible, enabled, not covered), scrolling at most
 * inside its panel; with `inPlace`, without any scrolling (the timeline's controls are always in sight).
 */
async function expectUsable(page: Page, control: Locator, what: string, inPlace = false): Promise<void> {
  if (!inPlace) await control.scrollIntoViewIfNeeded();
  const box = await control.boundingBox();
  const vp = page.viewportSize()!;
  expect(box, what).not.toBeNull();
  const inside = box!.x >= 0 && box!.y >= 0 && box!.x + box!.width <= vp.width && box!.y + box!.height <= vp.height;
  expect(inside, `${what} at ${JSON.stringify(box)} in ${vp.width}×${vp.height}`).toBe(true);
  await control.click({ trial: true, timeout: 5000 });
  // Reaching it never scrolled the page itself: only a panel's own content scrolls.
  expect(await page.evaluate(() => [window.scrollX, window.scrollY]), what).toEqual([0, 0]);
}

async function noPageScroll(page: Page): Promise<void> {
  const vp = page.viewportSize()!;
  const [w, h] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]);
  expect(w).toBeLessThanOrEqual(vp.width);
  expect(h).toBeLessThanOrEqual(vp.height);
}

/** Goes through every panel's main control in the narrow layout, bringing docked panels to the front by their tab. */
async function checkEveryPanel(page: Page, lang: Lang): Promise<void> {
  const s = STRINGS[lang];
  await openLessonIn(page, lang, 'three-way-handshake');
  await seek(page, lang, 10); // the SYN is on its way to the router: the router queue lists it
  await noPageScroll(page);

  await expectUsable(page, tab(page, s['region.lesson']), 'Lesson tab');
  await tab(page, s['region.lesson']).click();
  await expectUsable(page, region(page, s['region.lesson']).getByRole('button', { name: s['lesson.all'], exact: true }), 'All lessons');

  await expectUsable(page, tab(page, s['region.sockets']), 'Socket controls tab');
  await tab(page, s['region.sockets']).click();
  await expect.poll(() => region(page, s['region.lesson']).count()).toBe(0); // one panel of the dock at a time
  await expectUsable(page, region(page, s['region.sockets']).getByRole('combobox').first(), 'socket Connection');

  await expectUsable(page, region(page, s['region.ladder']).getByRole('button', { name: s['ladder.zoomFit'], exact: true }), 'ladder Show all');
  await expectUsable(page, region(page, s['region.state']).getByRole('button', { name: 'A', exact: true }), 'state diagram host A');

  await tab(page, s['region.router']).click();
  const syn = region(page, s['region.router']).getByRole('option').filter({ hasText: '[SYN]' });
  await expectUsable(page, syn, 'router queue packet');
  await syn.click();
  await expectUsable(page, region(page, s['region.router']).getByRole('button', { name: s['router.action.drop'], exact: true }), 'router Drop');

  await expectUsable(page, tab(page, s['region.inspector']), 'Packet inspector tab');
  await tab(page, s['region.inspector']).click();
  await expectUsable(page, region(page, s['region.inspector']).getByRole('button', { name: s['inspector.edit'], exact: true }), 'inspector Edit');
  await expectUsable(page, region(page, s['region.inspector']).getByRole('button', { name: s['inspector.craft'], exact: true }), 'inspector Craft');

  const timeline = region(page, s['region.timeline']);
  await expectUsable(page, timeline.getByRole('button', { name: s['timeline.stepPacket'], exact: true }), 'Step to next packet', true);
  await expectUsable(page, slider(page, lang), 'scrub bar', true);
  await expectUsable(page, eventReadout(page), 'event readout', true);
  await expectUsable(page, timeline.getByRole('button', { name: s['timeline.branchHere'], exact: true }), 'Branch here', true);
  await expectUsable(page, page.getByRole('button', { name: lang === 'en' ? '简体中文' : 'English', exact: true }), 'language switch');
  await noPageScroll(page);
}

describe('small screens', () => {
  for (const lang of ['en', 'zh-CN'] as const) {
    for (const vp of [SMALL, SMALLEST]) {
      it(`${lang} at ${vp.width}×${vp.height}: every panel's main control is on screen and clickable, through the dock tabs`, async () => {
        const page = await labPage(lab.browser, lab.app, lang, vp);
        await checkEveryPanel(page, lang);
        await tab(page, STRINGS[lang]['region.lesson']).click();
        await tab(page, STRINGS[lang]['region.router']).click();
        await page.screenshot({ path: `/tmp/ui-layout-${lang}-${vp.width}x${vp.height}.png` });
        await page.close();
      });
    }
  }

  for (const lang of ['en', 'zh-CN'] as const) {
    it(`${lang}: from 1280 px every panel has its own place and there are no tabs`, async () => {
      const s = STRINGS[lang];
      for (const vp of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
        const page = await labPage(lab.browser, lab.app, lang, vp);
        if (vp.width === 1280) {
          await openLessonIn(page, lang, 'three-way-handshake');
          await seek(page, lang, 60);
        }
        await expect.poll(() => region(page, s['region.ladder']).locator('canvas').count()).toBe(1);
        expect(await page.getByRole('tab').count()).toBe(0);
        for (const key of ['region.lesson', 'region.sockets', 'region.ladder', 'region.state', 'region.router', 'region.inspector', 'region.timeline'] as const) {
          const box = await region(page, s[key]).boundingBox();
          expect(box, key).not.toBeNull();
          expect(box!.x + box!.width, key).toBeLessThanOrEqual(vp.width);
          expect(box!.y + box!.height, key).toBeLessThanOrEqual(vp.height);
        }
        await page.screenshot({ path: `/tmp/ui-layout-${lang}-${vp.width}x${vp.height}.png` });
        await page.close();
      }
    });
  }

  it('at 1279 px the docks have their tabs', async () => {
    const page = await labPage(lab.browser, lab.app, 'en', { width: 1279, height: 720 });
    expect(await page.getByRole('tab').count()).toBe(4);
    await page.close();
  });

  it('the dock tabs follow the keyboard, and a packet picked in the ladder brings the inspector to the front', async () => {
    const page = await labPage(lab.browser, lab.app, 'en', SMALL);
    await openLessonIn(page, 'en', 'three-way-handshake');
    await seek(page, 'en', 60);
    await tab(page, 'Lesson').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => tab(page, 'Socket controls').getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Socket controls');
    await page.keyboard.press('Home');
    await expect.poll(() => tab(page, 'Lesson').getAttribute('aria-selected')).toBe('true');
    expect(await tab(page, 'Router queue').getAttribute('aria-selected')).toBe('true');
    // The ladder's own keys: ↓ selects the first packet, as a click on its arrow does.
    await region(page, 'Ladder diagram').getByRole('application').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => tab(page, 'Packet inspector').getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => region(page, 'Packet inspector').textContent()).toContain('SYN');
    await page.close();
  });
});

/** Label bounds and plot as the ladder canvas reports them ("left top right bottom"). */
async function labelsAndPlot(page: Page, lang: Lang): Promise<{ labels: number[]; plot: number[] }> {
  const canvas = ladderCanvas(page, lang);
  const nums = (v: string | null) => (v ?? '').split(' ').filter(Boolean).map(Number);
  return { labels: nums(await canvas.getAttribute('data-labels')), plot: nums(await canvas.getAttribute('data-plot')) };
}

describe('ladder labels', () => {
  // Lost SYNs end at the router, so their labels centre between A's column and the router; their retransmission
  // tags make them wider than the plot at this size. The old duplicates' labels reach the right-hand edge.
  for (const [lang, id] of [['en', 'syn-lost'], ['zh-CN', 'syn-lost'], ['en', 'time-wait-old-duplicates'], ['en', 'accept-queue-full']] as const) {
    it(`${lang}, ${id} at 1024×640: every label drawn lies inside the ladder's plot`, async () => {
      const page = await labPage(lab.browser, lab.app, lang, SMALL);
      await openLessonIn(page, lang, id);
      await seek(page, lang, 'End');
      await expect.poll(async () => (await labelsAndPlot(page, lang)).labels.length, { message: "labels drawn" }).toBe(4); // left top right bottom
      await page.waitForTimeout(200); // the frame after the last trace batch
      const { labels, plot } = await labelsAndPlot(page, lang);
      const [left, top, right, bottom] = labels as [number, number, number, number];
      const [pl, pt, pr, pb] = plot as [number, number, number, number];
      const where = `labels ${labels.join(' ')} in plot ${plot.join(' ')}`;
      expect(left >= pl && right <= pr && top >= pt && bottom <= pb, where).toBe(true);
      // The readouts of a long run (t = 140000 ms …) wrap instead of running off the window's edge.
      await expectUsable(page, eventReadout(page), 'event readout at the end', true);
      await ladderCanvas(page, lang).screenshot({ path: `/tmp/ui-layout-ladder-${id}-${lang}.png` });
      await page.close();
    });
  }
});

/** The first packet event of a lesson's run: the event index a Step to next packet from event 0 lands just after. */
function firstPacketEvent(id: string): number {
  const lesson = lessonById(id)!;
  const labSession = LabSession.open(newSession(lesson.scenario as unknown as Record<string, unknown>, lesson.scenario.seed, { id, compare: null }));
  labSession.seekMs(0);
  const events = labSession.timeline.events.slice();
  return events.findIndex((e) => e.kind.startsWith('segment.') || e.kind.startsWith('router.'));
}

const windowMs = async (page: Page) => ((await ladderCanvas(page, 'en').getAttribute('data-window-ms')) ?? '').split(' ').map(Number);
const readoutEvent = async (page: Page) => Number(/^event (\d+) of/.exec((await eventReadout(page).textContent()) ?? '')?.[1] ?? NaN);

describe('the first Step to next packet', () => {
  it('after the previous lesson was zoomed in, the first press shows the new lesson\'s first packet', async () => {
    const page = await labPage(lab.browser, lab.app, 'en', SMALL);
    // A student zoomed into the end of one lesson, then opens another.
    await openLessonIn(page, 'en', 'syn-lost');
    await seek(page, 'en', 'End');
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
    await page.getByRole('button', { name: 'Later', exact: true }).click();
    await openLessonIn(page, 'en', 'three-way-handshake');
    await expect.poll(() => readoutEvent(page)).toBe(0);

    await page.getByRole('button', { name: 'Step to next packet', exact: true }).click();
    const first = firstPacketEvent('three-way-handshake');
    await expect.poll(() => readoutEvent(page)).toBe(first + 1);
    // The SYN is drawn: the ladder shows the run's start, where it leaves A.
    await expect.poll(() => ladderCanvas(page, 'en').getAttribute('data-drawn')).toBe('1');
    const [fromMs, toMs] = await windowMs(page);
    expect(fromMs).toBeLessThanOrEqual(0);
    expect(toMs).toBeGreaterThan(0);
    await expect.poll(() => region(page, 'Ladder diagram').locator('table').first().textContent()).toContain('[SYN]');
    await expectUsable(page, eventReadout(page), 'event readout', true);
    await page.screenshot({ path: '/tmp/ui-layout-first-step.png' });
    await page.close();
  });

  it('on a zoomed ladder each Step brings the cursor into view', async () => {
    const page = await labPage(lab.browser, lab.app, 'en', SMALL);
    await openLessonIn(page, 'en', 'three-way-handshake');
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
    for (let step = 0; step < 4; step++) {
      // Wait for this step's event, not any event: the cursor read before the step lands is the last one's,
      // which the view may already have scrolled past (a CI run read 20 ms after step 4 that way).
      const before = await readoutEvent(page);
      await page.getByRole('button', { name: 'Step to next packet', exact: true }).click();
      await expect.poll(() => readoutEvent(page)).toBeGreaterThan(before);
      const cursor = Number(await slider(page, 'en').inputValue());
      await expect.poll(async () => {
        const [fromMs, toMs] = await windowMs(page);
        return fromMs! <= cursor && cursor <= toMs!;
      }, { message: `step ${step + 1}: ${cursor} ms in view` }).toBe(true);
    }
    expect(Number(await slider(page, 'en').inputValue())).toBeGreaterThan(0);
    await page.close();
  });
});
