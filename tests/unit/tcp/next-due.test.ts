// nextDueMs() answers from a memo while no timer changed (tcp/core.ts nextDueMsMemo). It must always equal
// what the timer heap says now: a stale answer would make the network wake a host too late or not at all.
import { describe, expect, it } from 'vitest';
import { Prng } from '../../../src-main/tcp/prng.js';
import type { TcpStack } from '../../../src-main/tcp/stack.js';
import { Harness, pattern } from './harness.js';

/** The earliest due time computed afresh from the timer heap, without the memo. */
function freshDueMs(stack: TcpStack): number {
  stack.nextDueMsMemo = NaN;
  return stack.nextDueMs();
}

describe('nextDueMs memo', () => {
  it('equals a fresh computation at every point of a lossy transfer, a close and TIME_WAIT', () => {
    const rng = new Prng(7).derive('next-due');
    const h = new Harness({ keepTrace: false, route: () => (rng.chance(0.08) ? [] : [10 + rng.int(0, 15)]) });
    h.b.listen(80, 128, 0);
    const ka = h.a.connect(40000, '10.0.0.2:80', 0);
    let checked = 0;
    const seen = new Set<number>();
    for (let t = 0; t <= 130_000; t += 7) {
      if (t === 98) h.at(100, () => h.a.send(ka, pattern(60_000, 3), 100));
      if (t === 2996) h.at(3000, () => h.a.close(ka, 3000));
      h.run(t);
      for (const stack of [h.a, h.b]) {
        const memo = stack.nextDueMs();
        expect(memo).toBe(freshDueMs(stack));
        seen.add(memo);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30_000);
    // The due time moved many times (retransmission, delayed ACK, FIN, TIME_WAIT) and ended with no timer.
    expect(seen.size).toBeGreaterThan(20);
    expect(h.a.nextDueMs()).toBe(Infinity);
    expect(h.b.nextDueMs()).toBe(Infinity);
  });
});
