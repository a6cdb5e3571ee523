// RFC_EDGES: the legal transitions of RFC 9293's state diagram, and every transition the engine makes in a
// busy run lies on one of them.
import { describe, expect, it } from 'vitest';
import { RFC_EDGES, isLegalTransition } from '../../../src-main/tcp/edges.js';
import { TCP_STATES } from '../../../src-main/tcp/trace.js';
import { Prng } from '../../../src-main/tcp/prng.js';
import { Harness, pattern } from './harness.js';

describe('RFC_EDGES', () => {
  it('contains the RFC 9293 figure 5 arrows', () => {
    const rfc = RFC_EDGES.filter((e) => e.kind === 'rfc').map((e) => `${e.from}>${e.to}`);
    for (const edge of [
      'CLOSED>LISTEN', 'CLOSED>SYN-SENT', 'LISTEN>SYN-RECEIVED', 'SYN-SENT>SYN-RECEIVED', 'SYN-SENT>ESTABLISHED',
      'SYN-RECEIVED>ESTABLISHED', 'ESTABLISHED>FIN-WAIT-1', 'ESTABLISHED>CLOSE-WAIT', 'FIN-WAIT-1>FIN-WAIT-2',
      'FIN-WAIT-1>CLOSING', 'FIN-WAIT-2>TIME-WAIT', 'CLOSING>TIME-WAIT', 'CLOSE-WAIT>LAST-ACK', 'LAST-ACK>CLOSED',
      'TIME-WAIT>CLOSED',
    ]) expect(rfc).toContain(edge);
  });
  it('rejects edges the diagram does not have', () => {
    expect(isLegalTransition('CLOSED', 'ESTABLISHED')).toBe(false);
    expect(isLegalTransition('TIME-WAIT', 'ESTABLISHED')).toBe(false);
    expect(isLegalTransition('FIN-WAIT-2', 'CLOSE-WAIT')).toBe(false);
    expect(isLegalTransition('LISTEN', 'ESTABLISHED')).toBe(true); // two-way-handshake variant only
    for (const s of TCP_STATES) if (s !== 'CLOSED') expect(isLegalTransition(s, 'CLOSED')).toBe(true);
  });
  it('every transition in a run with loss, resets and closes is legal', () => {
    const rng = new Prng(5);
    const h = new Harness({ route: () => (rng.chance(0.1) ? [] : [10 + rng.int(0, 20)]) });
    h.b.listen(80, 16, 0);
    const keys = [0, 1, 2, 3, 4, 5].map((i) => h.at(i * 10, () => h.a.connect(40000 + i, '10.0.0.2:80', i * 10)));
    h.at(3000, () => keys.forEach((k, i) => { if (h.a.status(k)?.state === 'ESTABLISHED') h.a.send(k, pattern(3000 * (i + 1)), 3000); }));
    h.at(6000, () => { if (h.a.status(keys[0] as string)) h.a.abort(keys[0] as string, 6000); });
    h.at(7000, () => keys.slice(1).forEach((k) => { if (h.a.status(k)?.state === 'ESTABLISHED') h.a.close(k, 7000); }));
    h.run(200_000);
    const states = h.events('state');
    expect(states.length).toBeGreaterThan(30);
    for (const e of states) expect(isLegalTransition(e.from, e.to), `${e.from} → ${e.to}`).toBe(true);
    expect(h.bugs()).toEqual([]);
  });
});
