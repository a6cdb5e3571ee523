// A real run (engine + network) with one of each kind of intervention, for the exporters' tests: a held
// and released SYN, a rule drop, a user corruption, a duplicate, a cache + replay, retransmissions.
import { Network } from '../../../src-main/net/network.js';
import type { RunSpec } from '../../../src-main/net/spec.js';
import type { TraceEvent } from '../../../src-main/net/trace.js';
import type { ExportInput } from '../../../src-main/lab/export/types.js';

// The third send waits until 16 s: since Linux's 3 s RTO after a retransmitted SYN (the held SYN), the corrupted
// 'world' is resent at 14 s with the RTO backed off, and a send at 12 s rode along with it instead of travelling
// on its own where the fixture duplicates and caches it.
export const RUN: RunSpec = {
  seed: 7,
  profile: 'linux',
  hosts: [{ name: 'A', ip: '10.0.0.1' }, { name: 'B', ip: '10.0.0.2' }],
  network: { delayMs: 10 },
  rules: [{ match: { from: 'A', flags: 'PA', nth: 1 }, action: 'drop' }],
  steps: [
    { atMs: 0, host: 'B', call: 'listen', port: 80, backlog: 128 },
    { atMs: 0, host: 'A', call: 'connect', port: 40000, to: '10.0.0.2:80' },
    { atMs: 4000, host: 'A', call: 'send', port: 40000, data: 'hello' },
    { atMs: 8000, host: 'A', call: 'send', port: 40000, data: 'world' },
    { atMs: 16000, host: 'A', call: 'send', port: 40000, data: 'again, "quoted", 你好' },
    { atMs: 20000, host: 'A', call: 'close', port: 40000 },
  ],
  untilMs: 40_000,
};

/** The first packet travelling at nowMs (after running to it). */
function firstLive(net: Network, tMs: number): number {
  net.runUntil(tMs);
  const p = net.routerView().packets[0];
  if (p === undefined) throw new Error(`no packet in flight at ${tMs} ms`);
  return p.id;
}

export function interventionRun(): ExportInput {
  const trace: TraceEvent[] = [];
  const net = new Network(RUN, { emit: (e) => trace.push(e) });
  const syn = firstLive(net, 5);
  net.apply({ atMs: 5, op: 'hold', id: syn });
  net.runUntil(3005);
  net.apply({ atMs: 3005, op: 'release', id: syn });
  const world = firstLive(net, 8005);
  net.apply({ atMs: 8005, op: 'corrupt', id: world });
  const again = firstLive(net, 16005);
  net.apply({ atMs: 16005, op: 'duplicate', id: again, count: 2 });
  net.apply({ atMs: 16005, op: 'cache', id: again });
  net.runUntil(17000);
  net.apply({ atMs: 17000, op: 'replay', id: again });
  net.run();
  return {
    title: { en: 'Export <fixture> & "friends"', 'zh-CN': '导出测试：<全部> 干预' },
    hosts: net.hosts().map((h) => ({ name: h.name, ip: h.ip })),
    trace,
    packets: net.packets(),
    actions: net.actions(),
    branches: [{ id: 'main', name: 'main', parent: null, forkAtMs: 0, actionCount: 6 }],
  };
}
