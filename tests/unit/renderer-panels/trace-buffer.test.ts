// The renderer's trace copy: appends, tail rewrites, gap detection, and folding a frame's host events.
import { describe, expect, it } from 'vitest';
import { applyTraceBatch, coalesce, viewsRefreshDelayMs } from '../../../src-renderer/lib/trace-buffer.js';
import type { SessionInfo, TraceEvent } from '../../../src-main/contract/index.js';

const note = (t: number, text: string): TraceEvent => ({ t, kind: 'note', host: 'A', conn: 'c', text });

function info(over: Partial<SessionInfo> = {}): SessionInfo {
  return {
    title: { en: 'x', 'zh-CN': 'x' }, lessonId: null, compare: null, profile: 'linux', seed: 1, hosts: [], untilMs: 1000,
    branches: [], branch: 'main', headMs: 0, headEvent: 0, cursorMs: 0, cursorEvent: 0, playing: false, speed: 1,
    canUndo: false, canRedo: false, ...over,
  };
}

describe('applyTraceBatch', () => {
  const base = ['a', 'b', 'c'];

  it('appends a batch that starts at our end', () => {
    expect(applyTraceBatch(base, 3, ['d', 'e'])).toEqual({ trace: ['a', 'b', 'c', 'd', 'e'], gapFrom: null });
  });

  it('replaces the tail when a batch starts inside what we hold (the future was rewritten)', () => {
    expect(applyTraceBatch(base, 1, ['B', 'C', 'D'])).toEqual({ trace: ['a', 'B', 'C', 'D'], gapFrom: null });
  });

  it('reports a gap, and keeps the trace, when a batch starts past our end', () => {
    const r = applyTraceBatch(base, 5, ['f']);
    expect(r.gapFrom).toBe(3);
    expect(r.trace).toEqual(['a', 'b', 'c']);
  });

  it('leaves the array untouched for an empty batch at the end', () => {
    const r = applyTraceBatch(base, 3, []);
    expect(r.trace).toBe(base);
    expect(r.gapFrom).toBeNull();
  });

  it('never mutates its input', () => {
    const input = ['a', 'b'];
    applyTraceBatch(input, 1, ['x']);
    applyTraceBatch(input, 2, ['y']);
    expect(input).toEqual(['a', 'b']);
  });
});

describe('coalesce', () => {
  it('keeps the newest status and every trace batch in order', () => {
    const u = coalesce([
      { type: 'trace', branch: 'main', from: 0, events: [note(0, 'a')] },
      { type: 'status', info: info({ cursorMs: 10 }) },
      { type: 'trace', branch: 'main', from: 1, events: [note(10, 'b')] },
      { type: 'status', info: info({ cursorMs: 20 }) },
    ]);
    expect(u.session).toBeNull();
    expect(u.info?.cursorMs).toBe(20);
    expect(u.traces.map((b) => b.from)).toEqual([0, 1]);
  });

  it('drops trace batches that came before a session event, which re-reads the trace anyway', () => {
    const u = coalesce([
      { type: 'trace', branch: 'main', from: 0, events: [note(0, 'old')] },
      { type: 'session', info: info({ branch: 'b1', cursorMs: 5 }) },
      { type: 'trace', branch: 'b1', from: 0, events: [note(0, 'new')] },
    ]);
    expect(u.session?.branch).toBe('b1');
    expect(u.info?.cursorMs).toBe(5);
    expect(u.traces).toHaveLength(1);
    expect(u.traces[0]?.branch).toBe('b1');
  });

  it('ignores anything that is not a host event', () => {
    expect(coalesce([null, 3, { type: 'other' }, 'x'])).toEqual({ session: null, info: null, traces: [] });
  });
});

describe('viewsRefreshDelayMs', () => {
  it('refreshes at once when paused, however recent the last refresh was', () => {
    expect(viewsRefreshDelayMs(false, 1000, 1001, 100)).toBe(0);
  });

  it('while playing, waits out the rest of the interval since the last refresh', () => {
    expect(viewsRefreshDelayMs(true, 1000, 1030, 100)).toBe(70);
    expect(viewsRefreshDelayMs(true, 1000, 1100, 100)).toBe(0);
    expect(viewsRefreshDelayMs(true, 1000, 1250, 100)).toBe(0);
  });

  it('refreshes at once the first time (no refresh yet)', () => {
    expect(viewsRefreshDelayMs(true, -Infinity, 5, 100)).toBe(0);
  });
});
