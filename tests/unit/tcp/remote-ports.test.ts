// StackCore.remotePorts counts the connections per remote port so input() can skip hashing a key no
// connection can have (tcp/core.ts). If the count ever missed a connection, that connection's segments
// would go to the listener or draw an RST instead: so it must equal what `conns` holds at every point.
import { describe, expect, it } from 'vitest';
import { Network } from '../../../src-main/net/network.js';
import type { RunSpec, StepSpec } from '../../../src-main/net/spec.js';
import type { StackCore } from '../../../src-main/tcp/core.js';
import { LESSONS } from '../../../src-main/lab/lessons/index.js';

function countsFromConns(st: StackCore): Map<number, number> {
  const out = new Map<number, number>();
  for (const c of st.conns.values()) out.set(c.remotePort, (out.get(c.remotePort) ?? 0) + 1);
  return out;
}

function expectConsistent(net: Network, hosts: string[], where: string): void {
  for (const h of hosts) {
    const st = net.stack(h) as unknown as StackCore;
    expect([...st.remotePorts].sort((a, b) => a[0] - b[0]), `${where}, host ${h}`).toEqual([...countsFromConns(st)].sort((a, b) => a[0] - b[0]));
  }
}

function runChecked(spec: RunSpec, stepMs: number, name: string): void {
  const net = new Network(spec, { emit() {} });
  const hosts = spec.hosts.map((h) => h.name);
  for (let t = 0; t < spec.untilMs; t += stepMs) {
    net.runUntil(t);
    expectConsistent(net, hosts, `${name} at ${t} ms`);
  }
  net.runUntil(spec.untilMs);
  expectConsistent(net, hosts, `${name} at the end`);
}

describe('StackCore.remotePorts', () => {
  it('matches the connections at every step of every lesson (opens, closes, resets, TIME_WAIT, re-use of a 4-tuple)', () => {
    for (const lesson of LESSONS) runChecked(lesson.run, 50, lesson.id);
  });

  it('matches while many clients on shared ports connect, transfer and close, and one port is reused', () => {
    const steps: StepSpec[] = [{ atMs: 0, host: 'S', call: 'listen', port: 80, backlog: 8 }, { on: 'eof', host: 'S', call: 'close', port: 80 }];
    const hosts = [{ name: 'S', ip: '10.0.0.2' }, { name: 'C', ip: '10.0.0.1' }, { name: 'D', ip: '10.0.0.3' }];
    for (let i = 0; i < 30; i++) {
      // C and D use the same local ports: the server sees each remote port twice at once.
      for (const host of ['C', 'D']) {
        steps.push({ atMs: 10 + i, host, call: 'connect', port: 5000 + (i % 10), to: '10.0.0.2:80' });
        steps.push({ atMs: 300 + i, host, call: 'send', port: 5000 + (i % 10), bytes: 2000 });
        steps.push({ atMs: 600 + i, host, call: 'close', port: 5000 + (i % 10) });
      }
    }
    const spec: RunSpec = { seed: 9, profile: 'linux', hosts, network: { delayMs: 3 }, rules: [{ match: { probability: 0.05 }, action: 'drop' }], steps, untilMs: 130_000 };
    runChecked(spec, 37, 'clients');
  });
});
