// The State pane's incremental index (views/state/state-index.ts) against the from-scratch functions it
// replaces (cause.ts connectionsOf / stateEventsOf, tcb/model.ts tcbSamples): after every batch, for random
// batchings, seeks back and rewritten tails, as the session's trace grows in place during play.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { connectionsOf, stateEventsOf } from '../../../src-renderer/views/state/cause.js';
import { connectionsIn, stateEventsIn, tcbSamplesIn } from '../../../src-renderer/views/state/state-index.js';
import { tcbSamples } from '../../../src-renderer/views/tcb/model.js';
import { TraceLog } from '../../../src-renderer/lib/trace-buffer.js';
import type { AnyTraceEvent } from '../../../src-renderer/views/model/trace-types.js';
import { loadFixture } from './fixture.js';
import { CONNS, HOSTS, playSteps, stepsArb } from './trace-growth.js';

const CA = '10.0.0.1:40000>10.0.0.2:80';

/** Everything the index hands out for `visible`, next to what the fresh functions compute. */
function both(visible: readonly AnyTraceEvent[]): { incremental: unknown[]; fresh: unknown[] } {
  const incremental: unknown[] = [];
  const fresh: unknown[] = [];
  for (const h of [...HOSTS, 'nobody']) {
    incremental.push(connectionsIn(visible, h));
    fresh.push(connectionsOf(h, visible));
    for (const c of CONNS) {
      incremental.push(stateEventsIn(visible, h, c), tcbSamplesIn(visible, h, c));
      fresh.push(stateEventsOf(h, c, visible), tcbSamples(visible, h, c));
    }
  }
  return { incremental, fresh };
}

describe('StateIndex (incremental) equals the from-scratch scans', () => {
  it('after every step of random batchings, seeks back and rewritten tails', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        const handedOut: Array<{ got: unknown[]; want: unknown }> = [];
        playSteps(steps, (visible) => {
          const { incremental, fresh } = both(visible);
          expect(incremental).toEqual(fresh);
          handedOut.push({ got: incremental, want: structuredClone(fresh) });
        });
        // Nothing handed out earlier was changed by later batches (the log grew in place meanwhile).
        for (const h of handedOut) expect(h.got).toEqual(h.want);
      }),
      { numRuns: 150 },
    );
  });

  it('after every single event of the handshake fixture, growing one array in place', () => {
    const events = loadFixture().events;
    const log = new TraceLog<AnyTraceEvent>();
    for (const e of events) {
      log.apply(log.length, [e]);
      const { incremental, fresh } = both(log.events);
      expect(incremental).toEqual(fresh);
    }
    expect(connectionsIn(log.events, 'A')).toEqual([CA]);
    expect(tcbSamplesIn(log.events, 'A', CA).map((s) => s.t)).toEqual([0, 1020, 1600, 1820, 1840]);
  });

  it('hands out the very same arrays while nothing of theirs was added, new ones when something was', () => {
    const events = loadFixture().events;
    const log = new TraceLog<AnyTraceEvent>();
    log.apply(0, events.slice(0, 20));
    const conns = connectionsIn(log.events, 'A');
    const states = stateEventsIn(log.events, 'A', CA);
    const none = stateEventsIn(log.events, 'nobody', CA);
    // A batch without state events of A's connection (indexes 20..21 are not A's state events).
    const next = events.slice(20).findIndex((e) => e.kind === 'state' && e.host === 'A');
    expect(next).toBeGreaterThan(0);
    log.apply(20, events.slice(20, 20 + next));
    expect(connectionsIn(log.events, 'A')).toBe(conns);
    expect(stateEventsIn(log.events, 'A', CA)).toBe(states);
    expect(stateEventsIn(log.events, 'nobody', CA)).toBe(none);
    log.apply(log.length, events.slice(20 + next));
    const grown = stateEventsIn(log.events, 'A', CA);
    expect(grown).not.toBe(states);
    expect(grown.length).toBeGreaterThan(states.length);
    expect(states).toEqual(stateEventsOf('A', CA, events.slice(0, 20)));
  });

  it('starts over after a seek back and after a rewritten tail', () => {
    const events = loadFixture().events;
    const log = new TraceLog<AnyTraceEvent>();
    log.apply(0, events);
    expect(stateEventsIn(log.prefix(42), 'A', CA)).toHaveLength(stateEventsOf('A', CA, events).length);
    const at10 = log.prefix(10);
    expect(stateEventsIn(at10, 'A', CA)).toEqual(stateEventsOf('A', CA, events.slice(0, 10)));
    // An intervention at event 10: the host resends the future as new objects, without A's later states.
    log.apply(10, structuredClone(events.slice(10)).filter((e) => !(e.kind === 'state' && e.host === 'A')));
    expect(stateEventsIn(log.events, 'A', CA)).toEqual(stateEventsOf('A', CA, events.slice(0, 10)));
    expect(tcbSamplesIn(log.events, 'A', CA)).toEqual(tcbSamples(log.events, 'A', CA));
  });
});
