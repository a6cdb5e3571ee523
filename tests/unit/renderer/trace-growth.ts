// Random traces and random ways of receiving them, as the session store does during play: batches appended
// to a TraceLog in place, the cursor at the head or behind it (seek back), and tails rewritten by an
// intervention. Shared by the incremental-vs-fresh tests of the side panels and the ladder.
import fc from 'fast-check';
import { TraceLog } from '../../../src-renderer/lib/trace-buffer.js';
import type { AnyTraceEvent, TcbSnapshot } from '../../../src-renderer/views/model/trace-types.js';

export const HOSTS = ['A', 'B', 'router'] as const;
export const CONNS = ['10.0.0.1:40000>10.0.0.2:80', '10.0.0.2:80>10.0.0.1:40000', '10.0.0.1:40001>10.0.0.2:80'] as const;
const STATES = ['CLOSED', 'LISTEN', 'SYN-SENT', 'SYN-RECEIVED', 'ESTABLISHED', 'FIN-WAIT-1'] as const;

const tcb = (n: number): TcbSnapshot => ({
  sndUna: n, sndNxt: n + 1, sndWnd: 1000, rcvNxt: 7, rcvWnd: 1000, iss: 0, irs: 6, cwnd: 1000 * n, ssthresh: 0x7fffffff, srttMs: 10, rtoMs: 1000,
}) as TcbSnapshot;

/** One event spec → a fresh event object (a new object per call, as parsed JSON from the host would be). */
const eventArb: fc.Arbitrary<(t: number) => AnyTraceEvent> = fc
  .record({
    kind: fc.constantFrom('state', 'state', 'segment.recv', 'timer'),
    host: fc.constantFrom(...HOSTS),
    conn: fc.constantFrom(...CONNS),
    from: fc.constantFrom(...STATES),
    to: fc.constantFrom(...STATES),
    withTcb: fc.boolean(),
    n: fc.integer({ min: 0, max: 50 }),
  })
  .map((r) => (t: number): AnyTraceEvent => {
    const extra = r.withTcb ? { tcb: tcb(r.n) } : {};
    if (r.kind === 'state') return { t, kind: 'state', host: r.host, conn: r.conn, from: r.from, to: r.to, cause: 'x', ...extra };
    if (r.kind === 'segment.recv') return { t, kind: 'segment.recv', host: r.host, conn: r.conn, id: r.n, seg: { flags: 'A', seq: r.n, ack: 0, len: 0, win: 1000, options: {} } };
    return { t, kind: 'timer', host: r.host, conn: r.conn, ...extra };
  });

export type Step =
  | { op: 'append'; events: Array<(t: number) => AnyTraceEvent> }
  | { op: 'seek'; to: number }
  | { op: 'head' }
  | { op: 'rewrite'; keep: number; events: Array<(t: number) => AnyTraceEvent> };

export const stepsArb: fc.Arbitrary<Step[]> = fc.array(
  fc.oneof(
    { weight: 6, arbitrary: fc.record({ op: fc.constant('append' as const), events: fc.array(eventArb, { minLength: 1, maxLength: 12 }) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('seek' as const), to: fc.integer({ min: 0, max: 80 }) }) },
    { weight: 1, arbitrary: fc.constant({ op: 'head' as const }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('rewrite' as const), keep: fc.integer({ min: 0, max: 80 }), events: fc.array(eventArb, { minLength: 1, maxLength: 8 }) }) },
  ),
  { minLength: 1, maxLength: 25 },
);

/**
 * Plays the steps on a TraceLog and calls `check` with the visible prefix after each one. The cursor
 * follows the head while "playing" (after append/head), stays put after a seek back, and is cut back to the
 * rewrite point when a tail is rewritten (as SessionStore.adopt does for an intervention).
 */
export function playSteps(steps: readonly Step[], check: (visible: readonly AnyTraceEvent[], log: TraceLog<AnyTraceEvent>) => void): void {
  const log = new TraceLog<AnyTraceEvent>();
  let cursor = 0;
  let following = true;
  let t = 0;
  for (const s of steps) {
    if (s.op === 'append') log.apply(log.length, s.events.map((make) => make(t++)));
    else if (s.op === 'seek') {
      cursor = Math.min(s.to, log.length);
      following = false;
    }
    else if (s.op === 'head') following = true;
    else {
      const keep = Math.min(s.keep, log.length);
      log.apply(keep, s.events.map((make) => make(t++)));
      cursor = Math.min(cursor, keep);
    }
    if (following) cursor = log.length;
    check(log.prefix(cursor), log);
  }
}
