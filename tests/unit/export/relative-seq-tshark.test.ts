// Relative Seq/Ack in every place tcplab prints a packet (the exported ladder, the app's ladder, the
// inspector) equal what tshark computes from the exported pcapng: the ground truth for "like Wireshark".
// Covers a restart with a new ISN (lesson 4's SYN-ACKs, 19's injected SYN), RSTs from a port with no
// connection (19) and an old duplicate after TIME-WAIT (16), plus hand-made captures for the edge rules.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportPcapng } from '../../../src-main/lab/export/pcapng-export.js';
import { buildLadder } from '../../../src-main/lab/export/svg-ladder-model.js';
import { LESSONS } from '../../../src-main/lab/lessons/index.js';
import { runScenario } from '../../../src-main/lab/scenario-exec.js';
import { withCompare } from '../../../src-main/lab/scenario.js';
import { PacketNumberIndex } from '../../../src-main/lab/packet-number-index.js';
import { packetDetailOf } from '../../../src-main/lab/session-views.js';
import { TraceStore } from '../../../src-main/lab/trace-store.js';
import type { PacketRecord } from '../../../src-main/net/packets.js';
import { segSummary, type TraceEvent } from '../../../src-main/net/trace.js';
import { FLAG, flagsToLetters, type Segment } from '../../../src-main/tcp/segment.js';
import { buildLadderFresh } from '../../../src-renderer/views/ladder/model.js';
import type { AnyTraceEvent } from '../../../src-renderer/views/model/trace-types.js';

const TSHARK = '/usr/bin/tshark';
const dir = mkdtempSync(join(tmpdir(), 'tcplab-relseq-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Truth { id: number; flags: number; seq: string; ack: string }

/** tshark's relative tcp.seq/tcp.ack per packet id (the id is the start of each packet's comment). */
function tsharkNumbers(packets: readonly PacketRecord[], name: string): Truth[] {
  if (!existsSync(TSHARK)) throw new Error('tshark is missing: apt-get install tshark');
  const file = join(dir, `${name}.pcapng`);
  writeFileSync(file, exportPcapng({ title: { en: name, 'zh-CN': name }, trace: [], packets }));
  const out = execFileSync(TSHARK, ['-r', file, '-o', 'tcp.relative_sequence_numbers:TRUE', '-T', 'fields', '-E', 'separator=\t',
    '-e', 'frame.comment', '-e', 'tcp.flags', '-e', 'tcp.seq', '-e', 'tcp.ack'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return out.trimEnd().split('\n').map((line) => {
    const [comment = '', flags = '', seq = '', ack = ''] = line.split('\t');
    return { id: Number(/^#(\d+)/.exec(comment)?.[1]), flags: Number(flags), seq, ack };
  });
}

/** "[ACK] Seq=1 Ack=1 …" → ['1', '1']; Ack only when the ACK flag is set (as Wireshark's Info column). */
function numbersOf(label: string): [string, string | null] {
  return [/Seq=(\d+)/.exec(label)?.[1] ?? 'none', /Ack=(\d+)/.exec(label)?.[1] ?? null];
}

function expectMatches(truth: readonly Truth[], label: (id: number) => string | undefined, where: string): void {
  for (const t of truth) {
    const l = label(t.id);
    expect(l, `${where}: packet #${t.id}`).toBeDefined();
    const [seq, ack] = numbersOf(l!);
    expect(`#${t.id} Seq=${seq} Ack=${ack}`, where).toBe(`#${t.id} Seq=${t.seq} Ack=${(t.flags & FLAG.ACK) !== 0 ? t.ack : null}`);
  }
}

describe('relative numbers equal tshark\'s on the lessons', () => {
  const ids = ['old-duplicate-syn', 'lost-synack-two-way', 'time-wait-old-duplicates', 'reset'];
  for (const lesson of LESSONS.filter((l) => ids.includes(l.id))) {
    const runs = [{ label: 'main', s: lesson.scenario }, ...(lesson.lesson.compare ?? []).map((c, i) => ({ label: `compare ${i}`, s: withCompare(lesson.scenario, c) }))];
    for (const { label, s } of runs) {
      it(`${lesson.order} ${lesson.id} (${label}): export, app ladder and inspector`, () => {
        const { net, trace } = runScenario(s);
        const truth = tsharkNumbers(net.packets(), `${lesson.id}-${label}`);
        expect(truth.length).toBeGreaterThan(0);
        const hosts = s.hosts.map((h) => ({ name: h.name, ip: h.ip }));
        const exported = new Map(buildLadder(trace, hosts, { maxArrows: 1e9, relative: true }).arrows.map((a) => [a.id, a.label]));
        expectMatches(truth, (id) => exported.get(id), 'export');
        const app = new Map(buildLadderFresh(trace as unknown as AnyTraceEvent[]).map((p) => [p.id, `Seq=${p.relSeq} Ack=${p.seg.flags.includes('A') ? p.relAck : 'none'}`]));
        expectMatches(truth, (id) => app.get(id), 'app ladder');
        const numbers = new PacketNumberIndex(TraceStore.of(trace));
        expectMatches(truth, (id) => packetDetailOf(net, id, numbers).label, 'inspector');
      }, 30_000);
    }
  }
});

describe('relative numbers equal tshark\'s on hand-made captures', () => {
  const A = { srcIp: '10.0.0.1', srcPort: 40000, dstIp: '10.0.0.2', dstPort: 80 };
  const B = { srcIp: '10.0.0.2', srcPort: 80, dstIp: '10.0.0.1', dstPort: 40000 };
  type Spec = [fromA: boolean, flags: number, seq: number, ack: number];
  const S = FLAG.SYN, AK = FLAG.ACK, R = FLAG.RST;
  const cases: Record<string, Spec[]> = {
    'an ACK with neither side known counts both from 1': [[false, AK, 5000, 1000], [true, AK, 1000, 5000]],
    'a SYN-ACK with a new ISN restarts its side only': [[true, S, 100, 0], [false, S | AK, 900, 101], [false, S | AK, 1900, 101], [true, AK, 101, 1901], [true, AK, 101, 901]],
    'a SYN with a new ISN starts a new conversation': [[true, S, 100, 0], [false, S | AK, 900, 101], [true, AK, 101, 901], [true, S, 5000, 0], [false, AK, 901, 101], [true, AK, 101, 901]],
    'RSTs from a side without a SYN count from seq - 1': [[true, S, 100, 0], [false, R | AK, 0, 101], [false, R, 55, 0], [true, S, 100, 0], [false, R | AK, 0, 101]],
  };
  for (const [name, specs] of Object.entries(cases)) {
    it(name, () => {
      const records: PacketRecord[] = [];
      const trace: TraceEvent[] = [];
      specs.forEach(([fromA, flags, seq, ack], i) => {
        const seg: Segment = { ...(fromA ? A : B), seq, ack, flags, window: 100, urgent: 0, options: {}, payload: new Uint8Array(0) };
        const conn = `${seg.srcIp}:${seg.srcPort}>${seg.dstIp}:${seg.dstPort}`;
        records.push({ id: i + 1, lineage: { type: 'original' }, seg, from: fromA ? 'A' : 'B', to: fromA ? 'B' : 'A', conn, sentMs: i, fate: { state: 'delivered', atMs: i + 1 }, notes: [] });
        trace.push({ t: i, kind: 'segment.send', host: fromA ? 'A' : 'B', conn, id: i + 1, cause: flagsToLetters(flags), lineage: { type: 'original' }, seg: segSummary(seg) });
      });
      const truth = tsharkNumbers(records, name.replace(/\W+/g, '-'));
      const hosts = [{ name: 'A', ip: A.srcIp }, { name: 'B', ip: B.srcIp }];
      const exported = new Map(buildLadder(trace, hosts, { maxArrows: 100, relative: true }).arrows.map((a) => [a.id, a.label]));
      expectMatches(truth, (id) => exported.get(id), 'export');
      const app = new Map(buildLadderFresh(trace as unknown as AnyTraceEvent[]).map((p) => [p.id, `Seq=${p.relSeq} Ack=${p.seg.flags.includes('A') ? p.relAck : 'none'}`]));
      expectMatches(truth, (id) => app.get(id), 'app ladder');
    });
  }
});
