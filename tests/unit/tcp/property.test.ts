// Property tests (fast-check): random segment sequences thrown at a stack in every state, and random lossy
// networks between two stacks. Invariants: no exception (no "BUG" note), every transition is in RFC_EDGES,
// SND.UNA ≤ SND.NXT (mod 2^32), and what the application received is a prefix of what was sent.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLegalTransition } from '../../../src-main/tcp/edges.js';
import { Prng } from '../../../src-main/tcp/prng.js';
import { seqLe } from '../../../src-main/tcp/seq.js';
import type { TcpStack } from '../../../src-main/tcp/stack.js';
import type { Fixture } from './fixtures.js';
import {
  KEY, closeWait, closing, established, finWait1, finWait2, lastAck, listening, synReceived, synSent, timeWait,
} from './fixtures.js';
import { Harness, pattern, sameBytes } from './harness.js';

const FIXTURES: Array<(o: { profile: 'rfc' | 'linux' | 'classic' }) => Fixture> = [
  listening, synSent, synReceived, established, finWait1, finWait2, closeWait, closing, lastAck, timeWait,
];

const segArb = fc.record({
  flags: fc.subarray(['S', 'A', 'F', 'R', 'P'], { minLength: 0, maxLength: 5 }).map((l) => l.join('')),
  seqOff: fc.oneof(fc.integer({ min: -70_000, max: 70_000 }), fc.integer({ min: -3, max: 3 })),
  ackOff: fc.oneof(fc.integer({ min: -70_000, max: 70_000 }), fc.integer({ min: -2, max: 2 })),
  len: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3000 })),
  window: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 65535 })),
  gapMs: fc.integer({ min: 0, max: 5000 }),
});

function checkTcb(stack: TcpStack): void {
  for (const key of stack.connections()) {
    const tcb = stack.status(key)?.tcb;
    if (tcb) expect(seqLe(tcb.sndUna, tcb.sndNxt), `${key} SND.UNA ${tcb.sndUna} ≤ SND.NXT ${tcb.sndNxt}`).toBe(true);
  }
}

describe('random segments against every state', () => {
  it('never throws, only legal transitions, SND.UNA ≤ SND.NXT', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: FIXTURES.length - 1 }),
        fc.constantFrom('rfc' as const, 'linux' as const, 'classic' as const),
        fc.array(segArb, { minLength: 1, maxLength: 25 }),
        (fixtureIndex, profile, segs) => {
          const f = (FIXTURES[fixtureIndex] as (o: { profile: 'rfc' | 'linux' | 'classic' }) => Fixture)({ profile });
          let t = f.nowMs + 1;
          for (const s of segs) {
            const st = f.stack.status(KEY);
            const rcvNxt = st ? st.tcb.rcvNxt : f.peerSeq;
            const sndNxt = st ? st.tcb.sndNxt : f.peerAck;
            t += s.gapMs;
            f.recv({
              flags: s.flags, seq: (rcvNxt + s.seqOff) >>> 0, ack: (sndNxt + s.ackOff) >>> 0, window: s.window,
              data: pattern(s.len),
            }, t);
            checkTcb(f.stack);
          }
          f.advance(t + 1_000_000);
          const bugs = f.trace.filter((e) => e.kind === 'note' && e.text.startsWith('BUG'));
          expect(bugs).toEqual([]);
          for (const e of f.trace) if (e.kind === 'state') expect(isLegalTransition(e.from, e.to), `${e.from}→${e.to}`).toBe(true);
        },
      ),
      { numRuns: 1000, seed: 20261123 },
    );
  });
});

describe('random lossy networks between two stacks', () => {
  it('delivered data is always a prefix of the sent data, and complete at the end', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.double({ min: 0, max: 0.25, noNaN: true }),
        fc.constantFrom('rfc' as const, 'linux' as const, 'classic' as const),
        fc.array(fc.integer({ min: 1, max: 20_000 }), { minLength: 1, maxLength: 5 }),
        (seed, loss, profile, writes) => {
          const rng = new Prng(seed);
          const h = new Harness({
            a: { profile }, b: { profile }, keepTrace: true,
            route: () => {
              if (rng.chance(loss)) return [];
              const d = 5 + rng.int(0, 40);
              return rng.chance(0.05) ? [d, d + rng.int(1, 50)] : [d];
            },
          });
          h.b.listen(80, 16, 0);
          const ka = h.a.connect(40000, '10.0.0.2:80', 0);
          const kb = '10.0.0.2:80>10.0.0.1:40000';
          const sent: Uint8Array[] = [];
          let total = 0;
          writes.forEach((n, i) => {
            const chunk = pattern(n, i);
            sent.push(chunk);
            total += n;
            h.at(1 + i * 50, () => h.a.send(ka, chunk, 1 + i * 50));
          });
          const all = new Uint8Array(total);
          let off = 0;
          for (const c of sent) {
            all.set(c, off);
            off += c.length;
          }
          for (let t = 1000; t <= 400_000; t += 20_000) {
            h.run(t);
            const got = h.b.received(kb);
            expect(sameBytes(got, all.subarray(0, got.length))).toBe('equal');
            checkTcb(h.a);
            checkTcb(h.b);
          }
          if (h.a.status(ka)?.state === 'ESTABLISHED') expect(h.b.received(kb).length).toBe(total);
          expect(h.bugs()).toEqual([]);
          for (const e of h.events('state')) expect(isLegalTransition(e.from, e.to)).toBe(true);
        },
      ),
      { numRuns: 100, seed: 424242 },
    );
  });
});
