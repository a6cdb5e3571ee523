// The expectation checker on hand-built traces: every claim kind, passing and failing, with exact details.
import { describe, expect, it } from 'vitest';
import { checkExpectations, type TraceEventLike } from '../../../src-main/lab/expect.js';
import type { Expectation } from '../../../src-main/lab/scenario-expect.js';

const AB = '10.0.0.1:40000>10.0.0.2:80';
const BA = '10.0.0.2:80>10.0.0.1:40000';
const seg = (flags: string, seq: number, ack: number, len = 0) => ({ flags, seq, ack, len, win: 65535, options: {} });

/** A handshake whose third ACK is lost, B's SYN-ACK retransmitted at 1020 ms, then a reset. */
const TRACE: Array<TraceEventLike & Record<string, unknown>> = [
  { t: 0, kind: 'state', host: 'A', conn: AB, from: 'CLOSED', to: 'SYN-SENT', cause: '' },
  { t: 0, kind: 'segment.send', host: 'A', conn: AB, id: 1, seg: seg('S', 100, 0) },
  { t: 20, kind: 'segment.recv', host: 'B', conn: AB, id: 1, seg: seg('S', 100, 0) },
  { t: 20, kind: 'state', host: 'B', conn: BA, from: 'LISTEN', to: 'SYN-RECEIVED', cause: '' },
  { t: 20, kind: 'segment.send', host: 'B', conn: BA, id: 2, seg: seg('SA', 4294967295, 101) },
  { t: 20, kind: 'timer', host: 'B', conn: BA, timer: 'syn-ack', op: 'start', dueMs: 1020 },
  { t: 40, kind: 'state', host: 'A', conn: AB, from: 'SYN-SENT', to: 'ESTABLISHED', cause: '' },
  { t: 40, kind: 'app', host: 'A', conn: AB, event: 'connected', bytes: 0, detail: '' },
  { t: 40, kind: 'segment.send', host: 'A', conn: AB, id: 3, seg: seg('A', 101, 0) },
  { t: 50, kind: 'segment.drop', host: 'router', conn: AB, id: 3, seg: seg('A', 101, 0), reason: 'rule 1 (drop)' },
  { t: 1020, kind: 'segment.send', host: 'B', conn: BA, id: 4, seg: seg('SA', 4294967295, 101) },
  { t: 1040, kind: 'segment.send', host: 'A', conn: AB, id: 5, seg: seg('A', 101, 0) },
  { t: 1060, kind: 'state', host: 'B', conn: BA, from: 'SYN-RECEIVED', to: 'ESTABLISHED', cause: '' },
  { t: 1100, kind: 'app', host: 'B', conn: BA, event: 'data', bytes: 5, detail: '' },
  { t: 2000, kind: 'step.error', host: 'A', conn: null, call: 'connect', port: 40000, code: 'port-in-use', message: 'port 40000 in use' },
  { t: 3000, kind: 'state', host: 'A', conn: AB, from: 'ESTABLISHED', to: 'CLOSED', cause: 'RST' },
];

function check(e: Expectation) {
  const [r] = checkExpectations(TRACE, [e], (host) => (host === 'B' ? new TextEncoder().encode('hello') : undefined));
  return r!;
}

describe('segment claims', () => {
  it('send at exact times, within a tolerance', () => {
    expect(check({ kind: 'send', host: 'B', flags: 'SA', atMs: [20, 1020] })).toEqual({ ok: true, claim: 'B sends [SA] at 20, 1020 ms', detail: 'saw 2 at 20, 1020 ms' });
    expect(check({ kind: 'send', host: 'B', flags: 'AS', atMs: [0, 1000], toleranceMs: 20 }).ok).toBe(true);
    expect(check({ kind: 'send', host: 'B', flags: 'SA', atMs: [0, 1000], toleranceMs: 19 })).toEqual({ ok: false, claim: 'B sends [SA] at 0, 1000 ms (±19 ms)', detail: 'saw 2 at 20, 1020 ms' });
    expect(check({ kind: 'send', host: 'B', flags: 'SA', atMs: [20] }).ok).toBe(false); // a missing or extra event fails
  });
  it('flags are an exact set; flagsAny matches any letter; len and window filters apply', () => {
    expect(check({ kind: 'send', host: 'A', flags: 'A', len: 0, count: 2 }).ok).toBe(true);
    expect(check({ kind: 'send', flagsAny: 'S', count: 3 }).ok).toBe(true);
    expect(check({ kind: 'send', host: 'A', flags: 'A', fromMs: 1000, toMs: 1100, count: 1 }).ok).toBe(true);
    expect(check({ kind: 'send', host: 'A', minLen: 1 })).toEqual({ ok: false, claim: 'A sends len≥1', detail: 'saw none' });
  });
  it('drops match by host and reason substring; recv by receiver', () => {
    expect(check({ kind: 'drop', host: 'router', flags: 'A', reason: 'rule 1', atMs: [50] }).ok).toBe(true);
    expect(check({ kind: 'drop', reason: 'checksum' }).ok).toBe(false);
    expect(check({ kind: 'recv', host: 'B', flags: 'S', atMs: [20] }).ok).toBe(true);
  });
  it('min/max ranges', () => {
    expect(check({ kind: 'send', host: 'A', min: 3, max: 3 }).ok).toBe(true);
    expect(check({ kind: 'send', host: 'A', min: 4 })).toEqual({ ok: false, claim: 'A sends a segment: between 4 and ∞', detail: 'saw 3 at 0, 40, 1040 ms' });
  });
});

describe('state, app, timer and other trace kinds', () => {
  it('state transitions by from/to', () => {
    expect(check({ kind: 'state', host: 'B', from: 'SYN-RECEIVED', to: 'ESTABLISHED', atMs: [1060] }).ok).toBe(true);
    expect(check({ kind: 'state', host: 'B', to: 'ESTABLISHED', atMs: [60] })).toEqual({ ok: false, claim: 'B → ESTABLISHED at 60 ms', detail: 'saw 1 at 1060 ms' });
  });
  it('app events and timers', () => {
    expect(check({ kind: 'app', host: 'A', event: 'connected', atMs: [40] }).ok).toBe(true);
    expect(check({ kind: 'app', host: 'A', event: 'reset' }).ok).toBe(false);
    expect(check({ kind: 'timer', host: 'B', timer: 'syn-ack', op: 'start', count: 1 }).ok).toBe(true);
  });
  it('any other kind by name, with a text search over its string fields', () => {
    expect(check({ kind: 'trace', type: 'step.error', host: 'A', text: 'in use', atMs: [2000] }).ok).toBe(true);
    expect(check({ kind: 'trace', type: 'router.replay' }).ok).toBe(false);
  });
});

describe('stays, never, count, order, seq, final, received', () => {
  it('stays: entered the state and had not left it at untilMs', () => {
    expect(check({ kind: 'stays', host: 'B', state: 'SYN-RECEIVED', untilMs: 1000 })).toEqual({ ok: true, claim: 'B stays SYN-RECEIVED until 1000 ms', detail: `${BA}: 20–1060 ms` });
    expect(check({ kind: 'stays', host: 'B', state: 'SYN-RECEIVED', untilMs: 2000 })).toEqual({ ok: false, claim: 'B stays SYN-RECEIVED until 2000 ms', detail: `in SYN-RECEIVED: ${BA}: 20–1060 ms` });
    expect(check({ kind: 'stays', host: 'B', state: 'ESTABLISHED', fromMs: 1000, untilMs: 5000 }).ok).toBe(false); // entered after fromMs
    expect(check({ kind: 'stays', host: 'B', state: 'ESTABLISHED', untilMs: 5000 }).ok).toBe(true); // never left: until the end
    expect(check({ kind: 'stays', host: 'A', state: 'TIME-WAIT', untilMs: 5 }).detail).toBe('never entered TIME-WAIT');
  });
  it('never and count', () => {
    expect(check({ kind: 'never', match: { kind: 'send', flagsAny: 'R' } }).ok).toBe(true);
    expect(check({ kind: 'never', match: { kind: 'state', host: 'A', to: 'CLOSED' } })).toEqual({ ok: false, claim: 'never: A → CLOSED', detail: 'saw 1 at 3000 ms' });
    expect(check({ kind: 'count', match: { kind: 'send', host: 'A', flags: 'A' }, count: 2 }).ok).toBe(true);
    expect(check({ kind: 'count', match: { kind: 'send' }, min: 6 }).ok).toBe(false);
  });
  it('order compares the first match of each', () => {
    expect(check({ kind: 'order', first: { kind: 'state', host: 'A', to: 'ESTABLISHED' }, then: { kind: 'state', host: 'B', to: 'ESTABLISHED' } })).toEqual({
      ok: true, claim: 'A → ESTABLISHED before B → ESTABLISHED', detail: 'first at 40 ms, then at 1060 ms',
    });
    expect(check({ kind: 'order', first: { kind: 'state', host: 'B', to: 'ESTABLISHED' }, then: { kind: 'state', host: 'A', to: 'ESTABLISHED' } }).ok).toBe(false);
    expect(check({ kind: 'order', first: { kind: 'app', event: 'reset' }, then: { kind: 'send' } }).detail).toBe('first never, then at 0 ms');
  });
  it('seq relations are modulo 2^32', () => {
    // B's ISN is 2^32-1: the ACK of its SYN must be 0 (here A's ack field is 0).
    expect(check({ kind: 'seq', a: { match: { kind: 'send', host: 'A', flags: 'A' }, field: 'ack' }, b: { match: { kind: 'send', host: 'B', flags: 'SA' }, field: 'seq' }, plus: 1 })).toEqual({
      ok: true, claim: 'ack of (A sends [A] #1) = seq of (B sends [SA] #1) + 1', detail: 'ack=0, seq=4294967295',
    });
    expect(check({ kind: 'seq', a: { match: { kind: 'send', host: 'B', flags: 'SA' }, field: 'ack' }, b: { match: { kind: 'send', host: 'A', flags: 'S' }, field: 'seq' }, plus: 2 }).ok).toBe(false);
    expect(check({ kind: 'seq', a: { match: { kind: 'send', host: 'A', flags: 'A' }, nth: 3, field: 'seq' }, b: { match: { kind: 'send', host: 'A', flags: 'S' }, field: 'seq' }, plus: 1 }).detail).toBe('A sends [A] #3: not found');
  });
  it('final counts connections by their last state', () => {
    expect(check({ kind: 'final', host: 'B', state: 'ESTABLISHED', count: 1 }).ok).toBe(true);
    expect(check({ kind: 'final', host: 'A', state: 'ESTABLISHED', count: 1 })).toEqual({ ok: false, claim: 'A ends with 1 connection(s) in ESTABLISHED', detail: `0 in ESTABLISHED (${AB} CLOSED)` });
  });
  it('received text uses the probe; bytes fall back to app data events', () => {
    expect(check({ kind: 'received', host: 'B', text: 'hello' }).ok).toBe(true);
    expect(check({ kind: 'received', host: 'B', text: 'hullo' })).toEqual({ ok: false, claim: 'B receives "hullo"', detail: 'received "hello"' });
    expect(check({ kind: 'received', host: 'A', text: '' }).detail).toBe('no received-data probe for this run');
    const [fromTrace] = checkExpectations(TRACE, [{ kind: 'received', host: 'B', bytes: 5 }]);
    expect(fromTrace).toEqual({ ok: true, claim: 'B receives 5 bytes', detail: 'received 5 bytes' });
  });
});
