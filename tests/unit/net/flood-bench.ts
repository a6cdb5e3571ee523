// Manual benchmark (not part of the unit run): 1,000,000 spoofed SYNs at a listener.
// Run: npx tsx tests/unit/net/flood-bench.ts [count] [syncookies]
import { Network } from '../../../src-main/net/network.js';
import type { RunSpec } from '../../../src-main/net/spec.js';

const count = Number(process.argv[2] ?? 1_000_000);
const cookies = Number(process.argv[3] ?? 1);
const ratePerSec = 100_000;
const spec: RunSpec = {
  seed: 1, profile: 'linux', network: { delayMs: 10 }, rules: [], untilMs: 0,
  hosts: [{ name: 'M', ip: '10.0.0.66' }, { name: 'B', ip: '10.0.0.2', sysctl: { 'net.ipv4.tcp_syncookies': cookies } }],
  steps: [{ atMs: 0, host: 'B', call: 'listen', port: 80, backlog: 128 }],
  floods: [{ from: 'M', target: '10.0.0.2:80', startMs: 0, ratePerSec, count }],
};
let events = 0;
const net = new Network(spec, { emit: () => void events++ });
const endMs = (count / ratePerSec) * 1000 + 100;
const t0 = performance.now();
for (let q = 1; q <= 4; q++) {
  net.runUntil((endMs * q) / 4);
  global.gc?.();
  const mb = process.memoryUsage().heapUsed / 1e6;
  console.log(`${q * 25}%: ${(performance.now() - t0).toFixed(0)} ms wall, ${events} events, heap ${mb.toFixed(0)} MB, packets ${JSON.stringify(net.packetStats())}`);
}
