import { describe, expect, it } from 'vitest';
import { Harness, pattern, str, text } from './harness.js';

describe('basic end-to-end', () => {
  it('handshake, data both ways, close, TIME-WAIT (linux)', () => {
    const h = new Harness();
    h.b.listen(80, 128, 0);
    const ka = h.a.connect(40000, '10.0.0.2:80', 0);
    const kb = '10.0.0.2:80>10.0.0.1:40000';
    h.run(100);
    expect(h.a.status(ka)?.state).toBe('ESTABLISHED');
    expect(h.b.status(kb)?.state).toBe('ESTABLISHED');
    expect(h.wire.slice(0, 3).map((w) => `${w.t} ${w.from} ${w.flags}`)).toEqual(['0 A S', '10 B SA', '20 A A']);
    h.at(100, () => h.a.send(ka, text('hello'), 100));
    h.at(200, () => h.b.send(kb, pattern(5000), 200));
    h.run(1000);
    expect(str(h.b.received(kb))).toBe('hello');
    expect(h.a.received(ka)).toEqual(pattern(5000));
    // Nagle, Minshall variant (as Linux): one 5000-byte write leaves at once, small tail included.
    expect(h.sent('B').filter((w) => w.len > 0).map((w) => [w.t, w.len])).toEqual([[200, 1460], [200, 1460], [200, 1460], [200, 620]]);
    h.at(1000, () => h.a.close(ka, 1000));
    h.run(1100);
    expect(h.b.status(kb)?.state).toBe('CLOSE-WAIT');
    expect(h.a.status(ka)?.state).toBe('FIN-WAIT-2');
    h.at(1100, () => h.b.close(kb, 1100));
    h.run(1200);
    expect(h.b.status(kb)).toBeUndefined();
    expect(h.a.status(ka)?.state).toBe('TIME-WAIT');
    h.run(1110 + 60000 - 1);
    expect(h.a.status(ka)?.state).toBe('TIME-WAIT');
    h.run(1110 + 60000);
    expect(h.a.status(ka)).toBeUndefined();
    expect(h.states('A')).toEqual(['SYN-SENT', 'ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2', 'TIME-WAIT', 'CLOSED']);
    expect(h.states('B', kb)).toEqual(['SYN-RECEIVED', 'ESTABLISHED', 'CLOSE-WAIT', 'LAST-ACK', 'CLOSED']);
    expect(h.bugs()).toEqual([]);
  });
});
