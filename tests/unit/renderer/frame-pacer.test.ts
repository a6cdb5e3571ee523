// Live-play pacing (the ladder's draws, the session store's updates): data-only frames while playing run at
// most every LIVE_FRAME_EVERY_MS; user changes and every frame while paused run at once.
import { describe, expect, it } from 'vitest';
import { FramePacer, LIVE_FRAME_EVERY_MS } from '../../../src-renderer/lib/frame-pacer.js';

/** Frames at 60 Hz as Chromium reports them (coarsened to 0.1 ms), from 1,000 ms on. */
const frames = (n: number) => Array.from({ length: n }, (_, i) => Math.round((1000 + (i * 1000) / 60) * 10) / 10);

describe('FramePacer', () => {
  it('draws every frame while paused', () => {
    const pacer = new FramePacer();
    const key = [1, 'a'];
    expect(frames(30).map((t) => pacer.shouldRun(t, false, key))).toEqual(Array(30).fill(true));
  });

  it('draws every second 60 Hz frame while playing, even when an interval reads 33.2 ms', () => {
    const pacer = new FramePacer();
    const key = [1, 'a'];
    const drawn = frames(60).map((t) => pacer.shouldRun(t, true, key));
    expect(drawn.filter(Boolean)).toHaveLength(30);
    expect(drawn.every((d, i) => d === (i % 2 === 0))).toBe(true);
    expect(LIVE_FRAME_EVERY_MS).toBeLessThan(33.2);
    expect(LIVE_FRAME_EVERY_MS).toBeGreaterThan(16.8);
  });

  it('draws at once when anything in the user key changes while playing', () => {
    const pacer = new FramePacer();
    const transform = { k: 1 };
    expect(pacer.shouldRun(1000, true, [transform, null])).toBe(true);
    expect(pacer.shouldRun(1016.7, true, [transform, null])).toBe(false);
    // A zoom is a new transform object; a selection is a new id.
    expect(pacer.shouldRun(1033.3, true, [{ k: 2 }, null])).toBe(true);
    expect(pacer.shouldRun(1040, true, [{ k: 2 }, null])).toBe(true);
    const zoomed = { k: 3 };
    expect(pacer.shouldRun(1050, true, [zoomed, 7])).toBe(true);
    expect(pacer.shouldRun(1066.7, true, [zoomed, 7])).toBe(false);
    expect(pacer.shouldRun(1070, true, [zoomed, 7, 'zh-CN'])).toBe(true);
  });

  it('a frame that waited draws once it is due, and the wait counts from the last draw', () => {
    const pacer = new FramePacer(30);
    const key = ['same'];
    expect(pacer.shouldRun(0, true, key)).toBe(true);
    expect(pacer.shouldRun(29.9, true, key)).toBe(false);
    expect(pacer.shouldRun(30, true, key)).toBe(true);
    expect(pacer.shouldRun(45, true, key)).toBe(false);
    expect(pacer.shouldRun(45, false, key)).toBe(true); // paused: at once
    expect(pacer.shouldRun(50, true, key)).toBe(false);
    expect(pacer.shouldRun(75, true, key)).toBe(true);
  });
});
