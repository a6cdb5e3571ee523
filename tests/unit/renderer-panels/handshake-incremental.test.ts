// handshakeKnowledgeOf (incremental, what the Knowledge table reads every frame) against handshakeKnowledge
// (from scratch) after every batch, for random receptions, seeks back and rewritten tails.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { handshakeKnowledge, handshakeKnowledgeOf } from '../../../src-renderer/lib/handshake-table.js';
import { TraceLog } from '../../../src-renderer/lib/trace-buffer.js';
import type { SegSummary, TraceEvent } from '../../../src-main/contract/index.js';

const AB = '10.0.0.1:40000>10.0.0.2:80';
const BA = '10.0.0.2:80>10.0.0.1:40000';
const seg = (flags: string): SegSummary => ({ flags, seq: 0, ack: 0, len: 0, win: 65535, options: {} });

/** A reception spec → a fresh event (new objects per call, as from the host). */
const recvArb = fc
  .record({ host: fc.constantFrom('A', 'B'), conn: fc.constantFrom(AB, BA), flags: fc.constantFrom('S', 'SA', 'A', 'PA', 'FA', 'R'), note: fc.boolean() })
  .map((r) => (t: number): TraceEvent =>
    r.note ? { t, kind: 'note', host: r.host, conn: r.conn, text: 'x' } : { t, kind: 'segment.recv', host: r.host, conn: r.conn, id: t, seg: seg(r.flags) });

const opArb = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('append' as const), events: fc.array(recvArb, { minLength: 1, maxLength: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('seek' as const), to: fc.integer({ min: 0, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('rewrite' as const), keep: fc.integer({ min: 0, max: 40 }), events: fc.array(recvArb, { minLength: 1, maxLength: 5 }) }) },
);

describe('handshakeKnowledgeOf', () => {
  it('equals a fresh scan after every batch, seek back and rewritten tail, and never changes what it handed out', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 30 }), (ops) => {
        const log = new TraceLog<TraceEvent>();
        let t = 0;
        const handed: Array<{ got: unknown; want: unknown }> = [];
        for (const o of ops) {
          let visible: readonly TraceEvent[];
          if (o.op === 'append') log.apply(log.length, o.events.map((make) => make(t++)));
          if (o.op === 'rewrite') log.apply(Math.min(o.keep, log.length), o.events.map((make) => make(t++)));
          if (o.op === 'seek') visible = log.prefix(o.to);
          else visible = log.events;
          const got = handshakeKnowledgeOf(visible);
          const want = handshakeKnowledge(visible);
          expect(got).toEqual(want);
          handed.push({ got, want: structuredClone(want) });
        }
        for (const h of handed) expect(h.got).toEqual(h.want);
      }),
      { numRuns: 300 },
    );
  });

  it('hands out the same object while no step passed, and a new one when one did', () => {
    const log = new TraceLog<TraceEvent>();
    const recv = (t: number, host: string, conn: string, flags: string): TraceEvent => ({ t, kind: 'segment.recv', host, conn, id: t, seg: seg(flags) });
    log.apply(0, [recv(20, 'B', AB, 'S')]);
    const k1 = handshakeKnowledgeOf(log.events);
    expect(k1.steps.map((s) => s.atMs)).toEqual([20, null, null]);
    log.apply(1, [recv(30, 'B', AB, 'A')]); // not the SYN-ACK step
    expect(handshakeKnowledgeOf(log.events)).toBe(k1);
    log.apply(2, [recv(40, 'A', BA, 'SA'), recv(60, 'B', AB, 'A')]);
    const k3 = handshakeKnowledgeOf(log.events);
    expect(k3.steps.map((s) => s.atMs)).toEqual([20, 40, 60]);
    expect(k1.steps.map((s) => s.atMs)).toEqual([20, null, null]);
    log.apply(4, [recv(80, 'B', AB, 'R')]);
    expect(handshakeKnowledgeOf(log.events)).toBe(k3);
  });
});
