// The router queue list and the packet inspector label a packet alike, with Wireshark's relative numbers
// (the ones the ladder and the exports print), at every cursor: through the host's own commands
// (view.router, view.packet), as the UI fetches them after a seek. The router list used to number packets by
// the latest SYN the router had seen from each side (net/view.ts), which differs from Wireshark after a new
// ISN, for a side that never sent a SYN and for an old packet still travelling when a new SYN is sent.
/* eslint-disable @typescript-eslint/no-explicit-any -- replies are parsed JSON */
import { describe, expect, it } from 'vitest';
import type { HostClock } from '../../../src-main/host/clock.js';
import { LabHost } from '../../../src-main/host/lab-host.js';
import { segLabelParts } from '../../../src-main/lab/export/svg-label.js';
import { lessonById } from '../../../src-main/lab/lessons/index.js';
import { lessonSummaries } from '../../../src-main/lab/lesson-summaries.js';
import { packetNumbers } from '../../../src-main/lab/packet-numbers.js';
import type { TraceEvent } from '../../../src-main/net/trace.js';

const clock: HostClock = { now: () => 0, isoNow: () => '2001-02-03T04:05:06.000Z', setInterval: () => 0, clearInterval: () => undefined };

function setup() {
  const host = new LabHost({ version: '0.0.1', mode: 'browser', listLessons: lessonSummaries, clock, session: { snapshotEvery: 5 } });
  let id = 0;
  return async (cmd: string, args?: unknown): Promise<any> => {
    const reply = await host.handleRaw({ t: 'call', id: ++id, cmd, args });
    if (!reply.ok) throw Object.assign(new Error(`${cmd}: ${reply.error.message}`), reply.error);
    return reply.result;
  };
}

type Call = ReturnType<typeof setup>;

const routerPackets = (v: any): any[] => [...v.queued, ...v.held, ...v.inFlight, ...v.cached];

/** Opens the lesson (and compare run), runs it to the end, and returns its whole trace. */
async function open(call: Call, id: string, compare?: number): Promise<TraceEvent[]> {
  await call('session.openLesson', compare === undefined ? { id } : { id, compare });
  await call('timeline.seek', { tMs: lessonById(id)!.scenario.untilMs });
  return (await call('trace.get', { from: 0, count: 200_000 })).events as TraceEvent[];
}

/**
 * At cursor event `event`: every packet of the router view has the inspector's label, and its flags, Seq,
 * Ack, Win and Len are the ladder's and the exports' (packetNumbers: contract/relative-seq.ts). Returns how
 * many packets it checked.
 */
async function expectAgreeAt(call: Call, event: number, truth: ReturnType<typeof packetNumbers>, where: string): Promise<number> {
  await call('timeline.seek', { event });
  const packets = routerPackets(await call('view.router'));
  for (const p of packets) {
    const at = `${where}, cursor event ${event}, packet #${p.id} (${p.where})`;
    const inspector = (await call('view.packet', { id: p.id })).label as string;
    expect(p.label, at).toBe(inspector);
    const core = segLabelParts(p.seg, truth.get(p.id)).core;
    expect(`${p.label} `.startsWith(`${core} `), `${at}: "${p.label}" should start with "${core}"`).toBe(true);
  }
  return packets.length;
}

describe('the router list and the inspector show the same relative Seq/Ack', () => {
  // 3: an old duplicate SYN; 16: old duplicates replayed from the router's cache into a new connection;
  // 19: RSTs from a closed port and an injected SYN with a new ISN; 22: the old SYN still on its way when the
  // client connects again; 23: the server closes first and the client reconnects.
  const lessons = ['old-duplicate-syn', 'time-wait-old-duplicates', 'reset', 'old-syn-new-attempt', 'server-closes-first'];
  for (const id of lessons) {
    const runs = [undefined, ...(lessonById(id)!.lesson.compare ?? []).map((_, i) => i)];
    for (const compare of runs) {
      it(`${id}${compare === undefined ? '' : ` (compare run ${compare})`}: at every event`, async () => {
        const call = setup();
        const trace = await open(call, id, compare);
        const truth = packetNumbers(trace);
        let checked = 0;
        for (let event = 0; event <= trace.length; event++) checked += await expectAgreeAt(call, event, truth, id);
        expect(checked).toBeGreaterThan(0);
      }, 60_000);
    }
  }

  it('syn-flood: every spoofed SYN is its own conversation (Seq=0), in the list as in the inspector', async () => {
    const call = setup();
    const trace = await open(call, 'syn-flood');
    const truth = packetNumbers(trace);
    let checked = 0;
    for (let k = 1; k <= 12; k++) checked += await expectAgreeAt(call, Math.floor((trace.length * k) / 13), truth, 'syn-flood');
    expect(checked).toBeGreaterThan(10);
  }, 60_000);
});

describe('the cases the router list used to number differently', () => {
  /** The router view's label of packet #id at cursor event `event`. */
  async function routerLabel(call: Call, event: number, id: number): Promise<string> {
    await call('timeline.seek', { event });
    const p = routerPackets(await call('view.router')).find((x) => x.id === id);
    if (p === undefined) throw new Error(`packet #${id} is not at the router at event ${event}`);
    return p.label;
  }

  it('22: the old SYN still on B\'s link when A sends its new SYN reads Seq=0 (was Seq=4294717296, from the new ISN)', async () => {
    const call = setup();
    const trace = await open(call, 'old-syn-new-attempt');
    const newSyn = trace.findIndex((e) => e.kind === 'segment.send' && e.id !== 1 && e.host === 'A' && e.seg.flags === 'S');
    expect(newSyn).toBeGreaterThan(0);
    expect(await routerLabel(call, newSyn + 1, 1)).toMatch(/^\[SYN\] Seq=0 Win=/);
  });

  it('19: B\'s RST from the closed port reads Seq=1 Ack=1, as in Wireshark (was Seq=0: it never sent a SYN)', async () => {
    const call = setup();
    const trace = await open(call, 'reset');
    const rst = trace.findIndex((e) => e.kind === 'segment.send' && e.host === 'B' && e.seg.flags === 'AR');
    expect(rst).toBeGreaterThan(0);
    expect(await routerLabel(call, rst + 1, (trace[rst] as { id: number }).id)).toMatch(/^\[RST, ACK\] Seq=1 Ack=1 /);
  });

  it('19 (compare run 2): an injected SYN with a new ISN starts a new conversation, Seq=0 (was Seq=1001)', async () => {
    const call = setup();
    const trace = await open(call, 'reset', 2);
    const injected = trace.findIndex((e) => e.kind === 'segment.send' && e.lineage.type === 'injected' && e.seg.flags === 'S');
    expect(injected).toBeGreaterThan(0);
    expect(await routerLabel(call, injected + 1, (trace[injected] as { id: number }).id)).toMatch(/^\[SYN\] Seq=0 /);
  });
});
