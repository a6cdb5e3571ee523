import { describe, expect, it } from 'vitest';
import { LabSession } from '../../../src-main/lab/session-lab.js';
import { newSession } from '../../../src-main/lab/session-model.js';
import { connectionsOf } from '../../../src-main/lab/session-views.js';
import { tcbHistory } from '../../../src-main/lab/tcb-history.js';
import { bulkScenario } from './big-scenario.js';

const CONN = '10.0.0.1:40000>10.0.0.2:80';

/** A's TCB as a seek to tMs shows it. */
function tcbAfterSeek(lab: LabSession, tMs: number): unknown {
  lab.seekMs(tMs);
  return connectionsOf(lab.stateAtCursor().network).find((c) => c.host === 'A' && c.conn === CONN)?.tcb;
}

describe('tcbHistory', () => {
  it('in a long session starts no further back than maxEvents before the cursor, from a snapshot, with exact values', () => {
    const lab = LabSession.open(newSession(bulkScenario(1_000_000), 3, null), { snapshotEvery: 500 });
    lab.seekMs(400);
    const cursor = lab.cursor;
    expect(cursor.event).toBeGreaterThan(4000);
    const all = tcbHistory(lab.timeline, cursor, 'A', CONN, 0, 40);
    expect(all.fromMs).toBe(0);
    const capped = tcbHistory(lab.timeline, cursor, 'A', CONN, 0, 40, 3000);
    // The start moved to a snapshot within 3,000 events of the cursor: later than asked, before the cursor.
    expect(capped.fromMs).toBeGreaterThan(0);
    expect(capped.fromMs).toBeLessThan(cursor.tMs);
    expect(lab.timeline.countBefore(capped.fromMs)).toBeGreaterThanOrEqual(cursor.event - 3000);
    expect(capped.points[0]!.t).toBe(capped.fromMs);
    expect(capped.points.length).toBe(40);
    // Same values as a seek to each time, whichever snapshot the run started from.
    for (const p of [all.points[7]!, all.points[33]!, capped.points[0]!, capped.points[21]!]) {
      expect(tcbAfterSeek(lab, p.t)).toEqual(p.tcb);
    }
  });

  it('has no points before the connection exists or at the cursor itself, and none when the cursor is at fromMs', () => {
    const lab = LabSession.open(newSession(bulkScenario(100_000), 3, null));
    lab.seekMs(10);
    const h = tcbHistory(lab.timeline, lab.cursor, 'B', '10.0.0.2:80>10.0.0.1:40000', 0, 10);
    // B's connection is made when A's SYN arrives (5 ms each way through the router: at 10 ms), after the last time read.
    expect(h.points).toEqual([]);
    expect(tcbHistory(lab.timeline, lab.cursor, 'A', CONN, 10, 10).points).toEqual([]);
    const a = tcbHistory(lab.timeline, lab.cursor, 'A', CONN, 0, 10);
    expect(a.points.map((p) => p.t)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
