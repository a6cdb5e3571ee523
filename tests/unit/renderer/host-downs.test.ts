// The crashed stretches of each host (lib/host-downs.ts) the ladder shades (views/ladder/downs.ts) and the
// socket controls read, and the "Crash host" control's step (lib/socket-call.ts crashCall).
import { describe, expect, it } from 'vitest';
import { stepCallSchema } from '../../../src-main/contract/index.js';
import { downAt, HostDownScanner, hostDownsOf } from '../../../src-renderer/lib/host-downs.js';
import { crashCall } from '../../../src-renderer/lib/socket-call.js';
import { downRects } from '../../../src-renderer/views/ladder/downs.js';

const EVENTS = [
  { t: 0, kind: 'state', host: 'B' },
  { t: 500, kind: 'host.crash', host: 'B', downMs: 3000 },
  { t: 1020, kind: 'segment.drop', host: 'B' },
  { t: 3500, kind: 'host.up', host: 'B', downMs: 3000 },
  { t: 5000, kind: 'host.crash', host: 'A', downMs: null },
];

describe('hostDownsOf', () => {
  it('pairs each host.crash with its host.up; a host still down has upMs null', () => {
    expect(hostDownsOf(EVENTS)).toEqual([
      { host: 'B', fromMs: 500, upMs: 3500, downMs: 3000 },
      { host: 'A', fromMs: 5000, upMs: null, downMs: null },
    ]);
  });

  it('grows with the trace like a fresh scan, and never changes a list it handed out', () => {
    const events = EVENTS.map((e) => ({ ...e }));
    const handed = [2, 3, 4, 5].map((n) => {
      const got = hostDownsOf(events.slice(0, n));
      const fresh = new HostDownScanner();
      fresh.advance(events.slice(0, n), 0);
      expect(got).toEqual(fresh.spans());
      return { got, copy: structuredClone(got) };
    });
    for (const h of handed) expect(h.got).toEqual(h.copy);
    expect(handed[0]!.got).toEqual([{ host: 'B', fromMs: 500, upMs: null, downMs: 3000 }]);
  });

  it('downAt: down from the crash up to (not including) the time it is up again', () => {
    const spans = hostDownsOf(EVENTS);
    expect([499, 500, 3499, 3500].map((t) => downAt(spans, 'B', t)?.fromMs ?? null)).toEqual([null, 500, 500, null]);
    expect(downAt(spans, 'A', 99_999)?.fromMs).toBe(5000);
  });
});

describe('the ladder\'s crashed stretches', () => {
  it('shade the host\'s column from the crash to the time it is up, or to now while it is down', () => {
    const cols = [{ name: 'A', ip: '10.0.0.1', x: 100 }, { name: 'router', ip: null, x: 200 }, { name: 'B', ip: '10.0.0.2', x: 300 }];
    const y = (ms: number) => ms / 10;
    expect(downRects(hostDownsOf(EVENTS), cols, y, 6000)).toEqual([
      { host: 'B', x: 300, top: 50, bottom: 350, up: true },
      { host: 'A', x: 100, top: 500, bottom: 600, up: false },
    ]);
  });
});

describe('crashCall (the "Crash host" control)', () => {
  it('sends downMs, or nothing for a host that stays down; refuses what is not whole milliseconds in range', () => {
    expect(crashCall('B', '3000')).toEqual({ step: { host: 'B', call: 'crash', downMs: 3000 }, error: null });
    expect(crashCall('B', ' ')).toEqual({ step: { host: 'B', call: 'crash' }, error: null });
    for (const bad of ['-1', '1.5', 'soon', '86400001']) expect(crashCall('B', bad)).toEqual({ step: null, error: 'downMs' });
    expect(stepCallSchema.safeParse(crashCall('B', '86400000').step).success).toBe(true);
    expect(stepCallSchema.safeParse(crashCall('B', '').step).success).toBe(true);
  });
});
