// lab.tcbHistory: what the TCB panel's cwnd plot asks of the host after a seek (view.tcbHistory, 200 points
// from the connection's start to the cursor) with the cursor at the end of a long session, where the
// re-run is longest (capped at MAX_HISTORY_EVENTS events before the cursor: src-main/lab/tcb-history.ts).
import type { LabSession } from '../src-main/lab/session-lab.js';
import { MAX_HISTORY_EVENTS } from '../src-main/lab/tcb-history.js';
import { percentile, type BenchDef } from './harness.js';
import { labWithEvents } from './scenarios.js';

/** The bulk scenario's connection as its sender names it (bench/scenarios.ts bulkScenario). */
const CONN = '10.0.0.1:40000>10.0.0.2:80';
const POINTS = 200;

/** Built once per size: the session is the fixture, not the thing measured. */
let fixture: { events: number; lab: LabSession } | null = null;

export const labTcbHistory: BenchDef<{ events: number; reads: number }> = {
  name: 'lab.tcbHistory',
  metric: 'median of one view.tcbHistory read (200 points) at the end of the session',
  unit: 'ms',
  target: 500,
  better: 'lower',
  params: { events: 400_000, reads: 5 },
  tinyParams: { events: 3_000, reads: 2 },
  warmups: 1,
  repeats: 3,
  run({ events, reads }) {
    if (fixture?.events !== events) fixture = { events, lab: labWithEvents(events) };
    const { lab } = fixture;
    lab.seekEvent(events);
    const times: number[] = [];
    let points = 0, fromMs = 0;
    for (let i = 0; i < reads; i++) {
      const started = process.hrtime.bigint();
      const h = lab.tcbHistory('A', CONN, 0, POINTS);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (h.points.length !== POINTS) throw new Error(`lab.tcbHistory: ${h.points.length} of ${POINTS} points`);
      points = h.points.length;
      fromMs = h.fromMs;
    }
    return {
      value: percentile(times, 50),
      extra: { points, fromMs, cursorMs: lab.cursor.tMs, traceEvents: lab.timeline.events.length, maxEventsBack: MAX_HISTORY_EVENTS },
    };
  },
};
