// Conformance against the real Linux kernel: every fixture in tests/oracle (recorded by
// `npm run oracle`, see docs/ORACLE.md) is replayed in the engine and compared packet by packet.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ORACLE_FORMAT, type NormPacket, type OracleFixture } from '../../../tools/kernel-oracle/types.js';
import { compareTraces } from './compare.js';
import { engineSysctl, runEngine } from './engine-run.js';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'oracle');
const FIXTURES: OracleFixture[] = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()
  .map((f) => JSON.parse(readFileSync(path.join(DIR, f), 'utf8')) as OracleFixture);

describe('kernel oracle fixtures', () => {
  it('has the 15 recorded scenarios, each from a real kernel', () => {
    expect(FIXTURES.map((f) => f.name)).toEqual([
      'backlog-overflow', 'close-unread', 'closed-port-rst', 'data-after-close-fin-wait-1', 'data-after-close', 'fin-lost',
      'four-way-close', 'half-close', 'last-ack-lost', 'normal', 'simultaneous-close', 'syn-lost', 'synack-lost',
      'third-ack-lost-then-data', 'third-ack-lost',
    ]);
    for (const f of FIXTURES) {
      expect(f.format).toBe(ORACLE_FORMAT);
      expect(f.kernel).toMatch(/^\d+\.\d+/);
      expect(f.packets[0]).toMatchObject({ dir: 'c>s', flags: 'S', seq: 0, tMs: 0 });
      for (const d of f.drops) expect(d.packets.length).toBe(d.count);
    }
  });

  it('passes the engine every kernel sysctl it has a knob for', () => {
    const { sysctl, kernelOnly } = engineSysctl(FIXTURES[0]!.sysctl.client);
    expect(sysctl['net.ipv4.tcp_synack_retries']).toBe(2);
    expect(sysctl['net.ipv4.tcp_syn_linear_timeouts']).toBe(4);
    expect(kernelOnly).toEqual(['net.ipv4.tcp_ecn', 'net.ipv4.tcp_no_metrics_save', 'net.ipv4.tcp_timestamps']);
  });
});

describe('the comparison itself', () => {
  const p = (over: Partial<NormPacket>): NormPacket => ({ dir: 'c>s', flags: 'S', seq: 0, ack: 0, len: 0, tMs: 0, cport: 40000, ...over });
  const kernel = [p({}), p({ dir: 's>c', flags: 'SA', ack: 1, tMs: 1000 })];

  it('accepts times within max(10 %, 20 ms) and nothing further', () => {
    expect(compareTraces(kernel, [p({}), p({ dir: 's>c', flags: 'SA', ack: 1, tMs: 1099 })], [])).toEqual([]);
    expect(compareTraces(kernel, [p({ tMs: 20 }), p({ dir: 's>c', flags: 'SA', ack: 1, tMs: 900 })], [])).toEqual([]);
    expect(compareTraces(kernel, [p({ tMs: 21 }), p({ dir: 's>c', flags: 'SA', ack: 1, tMs: 1101 })], [])).toEqual([
      'kernel #0 vs engine #0: tMs: expected c>s 40000 [S] seq=0 ack=0 len=0 t=0 got c>s 40000 [S] seq=0 ack=0 len=0 t=21',
      'kernel #1 vs engine #1: tMs: expected s>c 40000 [SA] seq=0 ack=1 len=0 t=1000 got s>c 40000 [SA] seq=0 ack=1 len=0 t=1101',
    ]);
  });

  it('reports a missing packet, a wrong field and a drop mismatch, and ignores exactly the known ones', () => {
    expect(compareTraces(kernel, [p({})], [])).toEqual(['kernel #1 vs engine #-: missing: expected s>c 40000 [SA] seq=0 ack=1 len=0 t=1000 got (none)']);
    expect(compareTraces(kernel, [p({}), p({ dir: 's>c', flags: 'SA', ack: 2, tMs: 1000, dropped: true })], [])).toEqual([
      'kernel #1 vs engine #1: ack,dropped: expected s>c 40000 [SA] seq=0 ack=1 len=0 t=1000 got s>c 40000 [SA] seq=0 ack=2 len=0 t=1000 DROPPED',
    ]);
    expect(compareTraces(kernel, [p({})], [{ kernelPacket: 1, field: 'only-kernel', why: 'test' }])).toEqual([]);
    expect(compareTraces(kernel, [p({}), p({ dir: 's>c', flags: 'SA', ack: 2, tMs: 1000 })], [{ kernelPacket: 1, field: 'ack', why: 'test' }])).toEqual([]);
    expect(compareTraces(kernel, [p({}), p({ dir: 's>c', flags: 'SA', ack: 2, tMs: 1000 })], [{ kernelPacket: 1, field: 'seq', why: 'test' }])).toHaveLength(1);
    expect(compareTraces(kernel, [p({}), p({ flags: 'R' }), kernel[1]!], [{ enginePacket: 1, field: 'only-engine', why: 'test' }])).toEqual([]);
  });
});

describe('engine vs Linux kernel (linux profile, same sysctls, same drops)', () => {
  for (const fx of FIXTURES) {
    it(`${fx.name}: ${fx.description}`, () => {
      const { packets } = runEngine(fx);
      expect(compareTraces(fx.packets, packets, fx.knownDifferences)).toEqual([]);
    });
  }
});
