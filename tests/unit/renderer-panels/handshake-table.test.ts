// "What each side can be sure of": derived from the arrivals of SYN, SYN-ACK and ACK (reference article 003).
import { describe, expect, it } from 'vitest';
import { handshakeKnowledge } from '../../../src-renderer/lib/handshake-table.js';
import { fillTable, readKnowledgeTable } from '../../../src-renderer/lib/lesson-table.js';
import type { SegSummary, TraceEvent } from '../../../src-main/contract/index.js';

const AB = '10.0.0.1:40000>10.0.0.2:80';
const BA = '10.0.0.2:80>10.0.0.1:40000';
const seg = (flags: string, len = 0): SegSummary => ({ flags, seq: 0, ack: 0, len, win: 65535, options: {} });
const recv = (t: number, host: string, conn: string, id: number, flags: string, len = 0): TraceEvent => ({ t, kind: 'segment.recv', host, conn, id, seg: seg(flags, len) });
const send = (t: number, host: string, conn: string, id: number, flags: string): TraceEvent => ({ t, kind: 'segment.send', host, conn, id, seg: seg(flags), lineage: { type: 'original' }, cause: '' });

// Lesson 2 with a 10 ms link each way through the router: arrivals at 20, 40 and 60 ms.
const trace: TraceEvent[] = [
  send(0, 'A', AB, 1, 'S'),
  recv(20, 'B', AB, 1, 'S'),
  send(20, 'B', BA, 2, 'SA'),
  recv(40, 'A', BA, 2, 'SA'),
  send(40, 'A', AB, 3, 'A'),
  recv(60, 'B', AB, 3, 'A'),
];

describe('handshakeKnowledge', () => {
  it('knows nothing before the SYN arrives', () => {
    const k = handshakeKnowledge(trace, 1);
    expect(k.steps.map((s) => s.atMs)).toEqual([null, null, null]);
    expect(k.knows.server).toEqual({ clientSends: false, clientReceives: false, serverSends: false, serverReceives: false });
    expect(k.server).toBeNull();
  });

  it('after step 1 the server knows the client can send and it can receive', () => {
    const k = handshakeKnowledge(trace, 2);
    expect(k.server).toBe('B');
    expect(k.steps.map((s) => s.atMs)).toEqual([20, null, null]);
    expect(k.knows.server).toEqual({ clientSends: true, clientReceives: false, serverSends: false, serverReceives: true });
    expect(k.knows.client).toEqual({ clientSends: false, clientReceives: false, serverSends: false, serverReceives: false });
  });

  it('after step 2 the client knows all four facts, the server still two', () => {
    const k = handshakeKnowledge(trace, 4);
    expect(k.client).toBe('A');
    expect(k.steps.map((s) => s.atMs)).toEqual([20, 40, null]);
    expect(Object.values(k.knows.client)).toEqual([true, true, true, true]);
    expect(Object.values(k.knows.server)).toEqual([true, false, false, true]);
  });

  it('after step 3 both know everything', () => {
    const k = handshakeKnowledge(trace);
    expect(k.steps.map((s) => s.atMs)).toEqual([20, 40, 60]);
    expect(Object.values(k.knows.server)).toEqual([true, true, true, true]);
  });

  it('does not count a lost third ACK, and accepts a third segment that carries data', () => {
    const lost = trace.slice(0, 5);
    expect(handshakeKnowledge(lost).steps[2]?.atMs).toBeNull();
    const withData = [...lost, recv(61, 'B', AB, 4, 'PA', 5)];
    expect(handshakeKnowledge(withData).steps[2]?.atMs).toBe(61);
  });

  it('ignores a SYN-ACK on another connection and an RST as the third segment', () => {
    const other = [trace[0]!, trace[1]!, recv(30, 'A', '10.0.0.3:80>10.0.0.1:40000', 9, 'SA'), recv(35, 'B', AB, 10, 'RA')];
    const k = handshakeKnowledge(other);
    expect(k.steps.map((s) => s.atMs)).toEqual([20, null, null]);
  });
});

describe('the lesson table', () => {
  const raw = {
    caption: { en: 'c', 'zh-CN': 'c' },
    columns: [{ en: 'A can send', 'zh-CN': 'A 能发' }, { en: 'A can receive', 'zh-CN': 'A 能收' }, { en: 'B can send', 'zh-CN': 'B 能发' }, { en: 'B can receive', 'zh-CN': 'B 能收' }],
    rows: [
      { label: { en: 'A is sure', 'zh-CN': 'A 能确认' }, knownAtStep: [2, 2, 2, 2] },
      { label: { en: 'B is sure', 'zh-CN': 'B 能确认' }, knownAtStep: [1, 3, 3, 1] },
    ],
  };

  it('reads the lesson file shape and rejects anything else', () => {
    expect(readKnowledgeTable(raw)?.rows).toHaveLength(2);
    expect(readKnowledgeTable(null)).toBeNull();
    expect(readKnowledgeTable({ ...raw, rows: [{ label: raw.rows[0]!.label, knownAtStep: [1, 2] }] })).toBeNull();
  });

  it('fills cells as the steps pass', () => {
    const table = readKnowledgeTable(raw)!;
    expect(fillTable(table, 0)).toEqual([[null, null, null, null], [null, null, null, null]]);
    expect(fillTable(table, 1)).toEqual([[null, null, null, null], [1, null, null, 1]]);
    expect(fillTable(table, 2)).toEqual([[2, 2, 2, 2], [1, null, null, 1]]);
    expect(fillTable(table, 3)).toEqual([[2, 2, 2, 2], [1, 3, 3, 1]]);
  });
});
