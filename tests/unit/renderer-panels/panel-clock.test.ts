// PanelClock: while playing, a slow panel's time follows the cursor at most every `everyMs` of wall time;
// paused, after a command, or when the cursor went back, it shows the cursor at once.
import { describe, expect, it } from 'vitest';
import { PanelClock } from '../../../src-renderer/lib/panel-clock.js';

describe('PanelClock', () => {
  it('shows the cursor at once while paused', () => {
    const c = new PanelClock(100);
    expect(c.next({ cursorMs: 10, playing: false, commandSeq: 0, wallMs: 0 })).toBe(10);
    expect(c.next({ cursorMs: 12, playing: false, commandSeq: 0, wallMs: 1 })).toBe(12);
    expect(c.next({ cursorMs: 11, playing: false, commandSeq: 0, wallMs: 2 })).toBe(11);
  });

  it('while playing, moves at most every 100 ms of wall time and holds the value in between', () => {
    const c = new PanelClock(100);
    expect(c.next({ cursorMs: 0, playing: true, commandSeq: 1, wallMs: 1000 })).toBe(0);
    expect(c.next({ cursorMs: 16, playing: true, commandSeq: 1, wallMs: 1016 })).toBe(0);
    expect(c.next({ cursorMs: 99, playing: true, commandSeq: 1, wallMs: 1099 })).toBe(0);
    expect(c.next({ cursorMs: 100, playing: true, commandSeq: 1, wallMs: 1100 })).toBe(100);
    expect(c.next({ cursorMs: 150, playing: true, commandSeq: 1, wallMs: 1150 })).toBe(100);
    expect(c.next({ cursorMs: 201, playing: true, commandSeq: 1, wallMs: 1201 })).toBe(201);
  });

  it('shows the exact cursor at once when playback pauses, after a command, and when the cursor went back', () => {
    const c = new PanelClock(100);
    c.next({ cursorMs: 0, playing: true, commandSeq: 1, wallMs: 0 });
    expect(c.next({ cursorMs: 40, playing: true, commandSeq: 1, wallMs: 40 })).toBe(0);
    expect(c.next({ cursorMs: 45, playing: false, commandSeq: 1, wallMs: 45 })).toBe(45);
    c.next({ cursorMs: 50, playing: true, commandSeq: 1, wallMs: 200 });
    expect(c.next({ cursorMs: 900, playing: true, commandSeq: 2, wallMs: 210 })).toBe(900); // a seek's reply
    expect(c.next({ cursorMs: 910, playing: true, commandSeq: 2, wallMs: 220 })).toBe(900);
    expect(c.next({ cursorMs: 300, playing: true, commandSeq: 2, wallMs: 230 })).toBe(300); // went back
  });
});
