// Network.clone for seek snapshots: final packet records and byte arrays are shared (copy-on-write record
// chunks, net/record-columns.ts), in-flight records are copied, and neither side can see the other's changes.
import { describe, expect, it } from 'vitest';
import { AB, B_IP, CONNECT, LISTEN, Recorder, spec, start } from './helpers.js';

function bulk(): ReturnType<typeof spec> {
  return spec({
    steps: [LISTEN, CONNECT, { atMs: 100, host: 'A', call: 'send', port: 40000, bytes: 3_000_000 }],
    rules: [{ match: { probability: 0.02 }, action: 'drop' }],
    untilMs: 60_000,
  });
}

describe('snapshot clone', () => {
  it('keeps its packet records when the original overwrites the shared record chunks', () => {
    // 1,500 records in chunks of 1,024: cloned at packet 1,200, the snapshot shares the first chunk (no
    // packet of it is still travelling); the original's ring then wraps and rewrites that chunk.
    const { net } = start(bulk(), { limits: { packetRecords: 1500 } });
    while (net.packetStats().lastId < 1200) net.step();
    expect(net.routerView().packets.every((p) => p.id > 1024)).toBe(true);
    const copy = net.clone(new Recorder());
    const before = JSON.stringify(copy.packets());
    const lastIdBefore = copy.packetStats().lastId;
    net.runUntil(60_000);
    expect(net.packetStats().lastId).toBeGreaterThan(lastIdBefore + 1500);
    expect(JSON.stringify(copy.packets())).toBe(before);
    expect(copy.packetStats().lastId).toBe(lastIdBefore);
    // …and the copy, run on, ends like the original did (its own chunks were copied before writing).
    copy.runUntil(60_000);
    expect(JSON.stringify(copy.packets())).toBe(JSON.stringify(net.packets()));
  });

  it('copies in-flight records: releasing a held packet in the copy leaves the original held', () => {
    const { net } = start(bulk());
    net.runUntil(200);
    const id = net.routerView().packets[0]!.id;
    net.apply({ atMs: 200, op: 'hold', id });
    const copy = net.clone(new Recorder());
    copy.apply({ atMs: 200, op: 'release', id });
    expect(copy.packet(id)!.notes).toEqual(['held by user at 200 ms', 'released by user after 0 ms']);
    expect(net.packet(id)!.notes).toEqual(['held by user at 200 ms']);
    expect(net.packet(id)!.fate).toEqual({ state: 'in-flight' });
    expect(net.routerView().packets.find((p) => p.id === id)!.where).toBe('held');
    copy.runUntil(1000);
    expect(copy.packet(id)!.fate.state).toBe('delivered');
    expect(net.packet(id)!.fate).toEqual({ state: 'in-flight' });
  });

  it('a step naming a port finds the connection on it, and says when there is none (connection index)', () => {
    const { net, rec } = start(spec({
      steps: [
        LISTEN, CONNECT,
        { atMs: 0, host: 'A', call: 'connect', port: 40001, to: `${B_IP}:80` },
        { atMs: 100, host: 'A', call: 'send', port: 40001, data: 'second' },
        { atMs: 100, host: 'A', call: 'send', port: 40000, data: 'first' },
        { atMs: 200, host: 'A', call: 'abort', port: 40000 },
        { atMs: 300, host: 'A', call: 'send', port: 40000, data: 'late' },
      ],
    }));
    net.runUntil(1000);
    expect(new TextDecoder().decode(net.stack('B').received(`${B_IP}:80>10.0.0.1:40001`))).toBe('second');
    expect(new TextDecoder().decode(net.stack('B').received(`${B_IP}:80>10.0.0.1:40000`))).toBe('first');
    const calls = rec.of('step.call').filter((e) => e.call === 'send' || e.call === 'abort');
    expect(calls.map((e) => `${e.t} ${e.call} ${e.conn}`)).toEqual([
      `100 send 10.0.0.1:40001>${B_IP}:80`, `100 send ${AB}`, `200 abort ${AB}`,
    ]);
    expect(rec.of('step.error').map((e) => `${e.t} ${e.code} ${e.message}`)).toEqual([
      '300 connection-does-not-exist A has no connection on port 40000',
    ]);
  });
});
