// The ladder's hidden table follows the view through a Throttle: the first change after a quiet spell shows at
// once, later ones at most every interval, and the latest one wins.
import { describe, expect, it } from 'vitest';
import { Throttle, type ThrottleClock } from '../../../src-renderer/lib/throttle.js';

/** A clock the test moves by hand; timers fire when it passes their due time. */
class ManualClock implements ThrottleClock {
  now = 0;
  private timers = new Map<number, { dueMs: number; run: () => void }>();
  private nextId = 1;
  nowMs(): number {
    return this.now;
  }
  setTimeout(run: () => void, delayMs: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { dueMs: this.now + delayMs, run });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  get waiting(): number {
    return this.timers.size;
  }
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const due = [...this.timers].filter(([, t]) => t.dueMs <= until).sort((a, b) => a[1].dueMs - b[1].dueMs)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.now = due[1].dueMs;
      due[1].run();
    }
    this.now = until;
  }
}

describe('Throttle', () => {
  it('runs the first update at once', () => {
    const clock = new ManualClock();
    const seen: number[] = [];
    new Throttle(250, clock).run(() => seen.push(1));
    expect(seen).toEqual([1]);
    expect(clock.waiting).toBe(0);
  });

  it('runs updates that come every frame at most every interval, and always ends on the latest', () => {
    const clock = new ManualClock();
    const throttle = new Throttle(250, clock);
    const seen: { value: number; atMs: number }[] = [];
    // 60 Hz for one second: 60 updates.
    for (let frame = 0; frame < 60; frame++) {
      const value = frame;
      throttle.run(() => seen.push({ value, atMs: clock.now }));
      clock.advance(1000 / 60);
    }
    clock.advance(1000);
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(seen.length).toBeLessThanOrEqual(6);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.atMs - seen[i - 1]!.atMs).toBeGreaterThanOrEqual(250);
    expect(seen.at(-1)!.value).toBe(59);
    expect(seen[0]).toEqual({ value: 0, atMs: 0 });
  });

  it('runs a change after a quiet spell at once again', () => {
    const clock = new ManualClock();
    const throttle = new Throttle(250, clock);
    const seen: string[] = [];
    throttle.run(() => seen.push('a'));
    clock.advance(100);
    throttle.run(() => seen.push('b'));
    expect(seen).toEqual(['a']);
    clock.advance(150);
    expect(seen).toEqual(['a', 'b']);
    clock.advance(1000);
    throttle.run(() => seen.push('c'));
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('runs only the latest of several waiting updates, once', () => {
    const clock = new ManualClock();
    const throttle = new Throttle(250, clock);
    const seen: string[] = [];
    throttle.run(() => seen.push('first'));
    throttle.run(() => seen.push('x'));
    throttle.run(() => seen.push('y'));
    throttle.run(() => seen.push('z'));
    expect(clock.waiting).toBe(1);
    clock.advance(250);
    expect(seen).toEqual(['first', 'z']);
    clock.advance(1000);
    expect(seen).toEqual(['first', 'z']);
  });

  it('cancel drops the waiting update', () => {
    const clock = new ManualClock();
    const throttle = new Throttle(250, clock);
    const seen: string[] = [];
    throttle.run(() => seen.push('a'));
    throttle.run(() => seen.push('b'));
    throttle.cancel();
    clock.advance(1000);
    expect(seen).toEqual(['a']);
    expect(clock.waiting).toBe(0);
  });
});
