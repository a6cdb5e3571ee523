// Determinism: the same spec, seed and actions give a byte-identical trace (JSON lines); an action log
// replays exactly; a clone runs on independently of its original (seek snapshots).
import { describe, expect, it } from 'vitest';
import { Network } from '../../../src-main/net/network.js';
import type { RunSpec } from '../../../src-main/net/spec.js';
import { BA, B_IP, CONNECT, LISTEN, Recorder, spec, start } from './helpers.js';

/** A busy exchange: 200 kB with 10 % random loss both ways, reactive close, a small SYN flood. */
function busy(seed = 11): RunSpec {
  const s = spec({
    seed,
    steps: [
      LISTEN, CONNECT,
      { atMs: 100, host: 'A', call: 'send', port: 40000, bytes: 200_000 },
      { atMs: 3000, host: 'A', call: 'close', port: 40000 },
      { on: 'eof', host: 'B', call: 'close', port: 80, afterMs: 5 },
    ],
    rules: [{ match: { probability: 0.1 }, action: 'drop' }, { match: { from: 'B', flags: 'A', nth: 3 }, action: 'duplicate', count: 2 }],
    floods: [{ from: 'M', target: `${B_IP}:81`, startMs: 50, ratePerSec: 500, count: 100 }],
  });
  s.hosts.push({ name: 'M', ip: '10.0.0.66', link: { delayMs: 3 } });
  return s;
}

describe('determinism', () => {
  it('the same spec and seed give the same trace, byte for byte; another seed does not', () => {
    const a = start(busy()), b = start(busy()), c = start(busy(12));
    for (const x of [a, b, c]) x.net.runUntil(20_000);
    expect(a.rec.events.length).toBeGreaterThan(1000);
    expect(b.rec.lines()).toEqual(a.rec.lines());
    expect(c.rec.lines()).not.toEqual(a.rec.lines());
    expect(a.net.stack('B').received(BA).length).toBe(200_000);
  });

  it('re-running the spec with the action log reproduces the trace byte for byte', () => {
    const { net, rec } = start(busy());
    net.runUntil(60);
    net.step(); // pause in the middle of an instant…
    const t = net.nowMs;
    net.apply({ atMs: t, op: 'hold', id: Math.max(...net.routerView().packets.map((p) => p.id)) }); // …and act there
    net.apply({ atMs: 900, op: 'rule.add', rule: { match: { from: 'A', len: 1460 }, action: 'corrupt' }, index: 0 });
    net.runUntil(400);
    const held = net.routerView().packets.find((p) => p.where === 'held')!;
    net.apply({ atMs: 400, op: 'release', id: held.id });
    net.call({ host: 'B', call: 'send', port: 80, data: 'from B' });
    net.apply({ atMs: 1500, op: 'rule.enable', rule: '3', enabled: false });
    net.stepToNextPacket();
    net.apply({ atMs: net.nowMs, op: 'inject', from: 'M', seg: { srcPort: 9, dstIp: B_IP, dstPort: 80, seq: 1, flags: 'S' } });
    net.runUntil(20_000);
    const actions = net.actions();
    expect(actions.map((a) => a.op)).toEqual(['hold', 'rule.add', 'release', 'call', 'rule.enable', 'inject']);
    const again = new Recorder();
    const replayed = Network.replay(busy(), again, actions);
    replayed.runUntil(20_000);
    expect(again.lines()).toEqual(rec.lines());
    expect(rec.of('router.corrupt').length).toBeGreaterThan(0);
  });

  it('a clone at 2 s runs to 10 s exactly like the original, and changing one leaves the other alone', () => {
    const { net, rec } = start(busy());
    net.runUntil(2000);
    const mark = rec.events.length;
    const cloneRec = new Recorder();
    const copy = net.clone(cloneRec);
    copy.runUntil(10_000);
    net.runUntil(10_000);
    expect(cloneRec.lines()).toEqual(rec.lines().slice(mark));
    expect(copy.nowMs).toBe(10_000);

    // Mutate the clone: the original must behave like a run that was never cloned.
    const reference = start(busy());
    reference.net.runUntil(20_000);
    copy.apply({ atMs: 10_000, op: 'rule.add', rule: { match: {}, action: 'drop' } });
    copy.runUntil(20_000);
    net.runUntil(20_000);
    expect(rec.lines()).toEqual(reference.rec.lines());
    expect(cloneRec.lines()).not.toEqual(reference.rec.lines().slice(mark));
    expect(net.rules().list()).toHaveLength(2);
    expect(copy.rules().list()).toHaveLength(3);
  });

  it('a clone made with packets in flight delivers them to its own hosts, and the original to its own', () => {
    const reference = start(busy());
    reference.net.runUntil(10_000);
    const { net, rec } = start(busy());
    net.runUntil(150);
    expect(net.packetStats().live).toBeGreaterThan(10); // data, ACKs and flood SYNs on the links and in the router
    const mark = rec.events.length;
    const cloneRec = new Recorder();
    const copy = net.clone(cloneRec);
    copy.runUntil(10_000);
    expect(rec.events.length).toBe(mark); // running the copy emitted nothing through the original
    net.runUntil(10_000);
    expect(cloneRec.lines()).toEqual(reference.rec.lines().slice(mark));
    expect(rec.lines()).toEqual(reference.rec.lines());
  });
});
