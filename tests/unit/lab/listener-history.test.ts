// A listener's queues as the host reads them: view.listeners' values at the cursor (listenersOf) and the
// history the listener panel plots (listenerHistory), in the SYN flood lesson: M's spoofed SYNs arrive 50
// per second, so B's SYN queue grows by one per 20 ms until, without SYN cookies, linux stops taking unknown
// peers at 97 (128 - 128/4 + 1; the hard bound is backlog + 1 = 129).
import { describe, expect, it } from 'vitest';
import { lessonById } from '../../../src-main/lab/lessons/index.js';
import { listenerHistory } from '../../../src-main/lab/listener-history.js';
import { LabSession } from '../../../src-main/lab/session-lab.js';
import { newSession } from '../../../src-main/lab/session-model.js';
import { listenersOf } from '../../../src-main/lab/session-views.js';
import type { TcpStack } from '../../../src-main/tcp/stack.js';
import { CONNECT, LISTEN, spec, start } from '../net/helpers.js';

const LISTENER = '10.0.0.2:80>*:*';

function floodLab(compare: number | null = null): LabSession {
  const l = lessonById('syn-flood')!;
  return LabSession.open(newSession(l.scenario as unknown as Record<string, unknown>, l.scenario.seed, { id: 'syn-flood', compare }), { snapshotEvery: 2000 });
}

function listenerAt(lab: LabSession, tMs: number) {
  lab.seekMs(tMs);
  return listenersOf(lab.stateAtCursor().network).find((v) => v.host === 'B' && v.listener === LISTENER);
}

describe('view.listeners (listenersOf) in the SYN flood lesson', () => {
  it('shows LISTEN, the SYN queue growing to its limit and staying there, the backlog and SYN cookies off', () => {
    const lab = floodLab();
    // The limits are the Listener's own (tcp/user.ts computes them; the lesson's narrative says 97).
    const first = listenerAt(lab, 0)!;
    expect(first).toEqual({
      host: 'B', listener: LISTENER, key: LISTENER, port: 80, state: 'LISTEN', backlog: 128, synQueue: 0, synQueueLimit: 129,
      unprovenLimit: 97, acceptQueue: 0, acceptQueueLimit: 129, autoAccept: true, syncookies: 0,
    });
    const limit = first.unprovenLimit!;
    const queue = [500, 1000, 2000, 2500, 30_000].map((t) => listenerAt(lab, t)!.synQueue);
    expect(queue[0]).toBeGreaterThan(20);
    expect(queue[1]).toBeGreaterThan(queue[0]!);
    expect(queue[1]).toBeLessThan(limit);
    expect(queue.slice(2)).toEqual([limit, limit, limit]);
    expect(listenerAt(lab, 2500)!.unprovenLimit).toBe(limit);
    // Only B listens; A and M have no listener.
    expect(listenersOf(lab.stateAtCursor().network).map((v) => v.host)).toEqual(['B']);
  });

  it('shows the SYN cookie setting of the compare run that turns them on', () => {
    const cookies = listenerAt(floodLab(3), 1000);
    expect([cookies?.syncookies, cookies?.unprovenLimit]).toEqual([1, null]);
  });

  it('counts the accept queue while the application does not accept (auto-accept off)', () => {
    const { net } = start(spec({ steps: [{ ...LISTEN, backlog: 1 }, CONNECT, { ...CONNECT, port: 40001 }] }));
    net.runUntil(0);
    (net.stack('B') as TcpStack).setAutoAccept(80, false, 0);
    net.runUntil(1000);
    expect(listenersOf(net)).toMatchObject([{ host: 'B', synQueue: 0, acceptQueue: 2, acceptQueueLimit: 2, autoAccept: false, backlog: 1 }]);
  });
});

describe('listenerHistory', () => {
  it('reads the queues at evenly spaced times, each as a seek there shows them: the SYN queue fills, then stays full', () => {
    const lab = floodLab();
    lab.seekMs(3000);
    const h = listenerHistory(lab.timeline, lab.cursor, 'B', LISTENER, 0, 30);
    expect(h.fromMs).toBe(0);
    expect(h.points.map((p) => p.t)).toEqual(Array.from({ length: 30 }, (_, i) => i * 100));
    const syn = h.points.map((p) => p.synQueue);
    for (let i = 1; i < syn.length; i++) expect(syn[i]).toBeGreaterThanOrEqual(syn[i - 1]!);
    expect(syn[0]).toBe(0);
    expect(syn[5]).toBeGreaterThan(0);
    expect(syn[5]).toBeLessThan(97);
    expect(syn.slice(20)).toEqual(Array(10).fill(97));
    expect(h.points.every((p) => p.acceptQueue === 0)).toBe(true);
    for (const p of [h.points[3]!, h.points[9]!, h.points[20]!]) {
      const at = listenerAt(lab, p.t)!;
      expect([at.synQueue, at.acceptQueue]).toEqual([p.synQueue, p.acceptQueue]);
    }
  });

  it('has no point for a listener the host does not have', () => {
    const lab = floodLab();
    lab.seekMs(500);
    expect(listenerHistory(lab.timeline, lab.cursor, 'B', '10.0.0.2:81>*:*', 0, 5).points).toEqual([]);
    expect(listenerHistory(lab.timeline, lab.cursor, 'A', '10.0.0.1:80>*:*', 0, 5).points).toEqual([]);
  });
});
