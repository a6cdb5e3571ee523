/* eslint-disable @typescript-eslint/no-explicit-any -- tests poke at parsed JSON and replies freely */
import { describe, expect, it } from 'vitest';
import type { HostEvent, SessionInfo } from '../../../src-main/contract/session.js';
import type { HostClock } from '../../../src-main/host/clock.js';
import { LabHost } from '../../../src-main/host/lab-host.js';
import { lessonSummaries } from '../../../src-main/lab/lesson-summaries.js';
import type { TraceEvent } from '../../../src-main/net/trace.js';
import { liveScenario } from '../../../bench/renderer-live.js';

class FakeClock implements HostClock {
  t = 0;
  private next = 0;
  readonly timers = new Map<number, () => void>();
  now(): number {
    return this.t;
  }
  isoNow(): string {
    return '2001-02-03T04:05:06.000Z';
  }
  setInterval(fn: () => void): unknown {
    this.timers.set(++this.next, fn);
    return this.next;
  }
  clearInterval(h: unknown): void {
    this.timers.delete(h as number);
  }
  /** Runs the interval timers every 16 ms for wallMs. */
  run(wallMs: number): void {
    for (let i = 0; i < wallMs / 16; i++) {
      this.t += 16;
      for (const fn of [...this.timers.values()]) fn();
    }
  }
}

function setup() {
  const clock = new FakeClock();
  const host = new LabHost({ version: '0.0.1', mode: 'browser', listLessons: lessonSummaries, clock, session: { snapshotEvery: 5 } });
  const batches: HostEvent[][] = [];
  host.subscribe((b) => batches.push(b as HostEvent[]));
  let id = 0;
  const call = async (cmd: string, args?: unknown): Promise<any> => {
    const reply = await host.handleRaw({ t: 'call', id: ++id, cmd, args });
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), reply.error);
    return reply.result;
  };
  const fail = async (cmd: string, args?: unknown) => {
    const reply = await host.handleRaw({ t: 'call', id: ++id, cmd, args });
    if (reply.ok) throw new Error(`${cmd} should have failed`);
    return reply.error;
  };
  return { clock, host, batches, call, fail };
}

/** What must not change when a command fails: the saved session and the trace. */
async function state(call: (cmd: string, args?: unknown) => Promise<any>) {
  const exported = (await call('session.export', { format: 'session' })).data as string;
  const info = (await call('session.info')) as SessionInfo;
  const trace = (await call('trace.get', { from: 0, count: 200_000 })).events as TraceEvent[];
  return { exported, info, trace: JSON.stringify(trace) };
}

describe('session commands through LabHost.handleRaw', () => {
  it('without a session: info is null, other commands say no-session', async () => {
    const { call, fail } = setup();
    expect(await call('session.info', null)).toBeNull();
    for (const cmd of ['timeline.pause', 'view.router', 'history.undo']) expect((await fail(cmd, null)).code).toBe('no-session');
    expect(await fail('timeline.step', { unit: 'event' })).toMatchObject({ code: 'no-session' });
  });

  it('lessons, knobs and bad arguments', async () => {
    const { call, fail } = setup();
    const lesson = await call('lesson.get', { id: 'third-ack-lost' });
    expect(lesson).toMatchObject({ id: 'third-ack-lost', order: 7 });
    expect(lesson.compare.map((c: { index: number }) => c.index)).toEqual([0, 1]);
    expect(lesson.narrative['zh-CN'].goal.length).toBeGreaterThan(0);
    expect(await fail('lesson.get', { id: 'nope' })).toEqual({ code: 'unknown-lesson', message: 'no lesson "nope"', path: '$.id' });
    expect(await fail('session.openLesson', { id: 'third-ack-lost', compare: 9 })).toMatchObject({ code: 'unknown-compare', path: '$.compare' });
    const knobs = await call('settings.knobs', {});
    expect(knobs[0]).toMatchObject({ name: 'net.ipv4.tcp_syn_retries', unit: 'count', defaults: { rfc: 7, linux: 6, classic: 12 } });
    expect((await fail('timeline.seek', { tMs: -1 })).code).toBe('bad-arguments');
    expect((await fail('intervene', { action: { op: 'drop' } })).message).toContain('$.action.id');
    expect((await fail('trace.get', { from: 0, count: 1, branch: '' })).code).toBe('bad-arguments');
  });

  it('view.packet gives the window in bytes where scaling applies, as the ladder shows it, and the raw field', async () => {
    const { call } = setup();
    await call('session.openLesson', { id: 'time-wait-old-duplicates' });
    await call('timeline.seek', { tMs: 1_000_000 });
    // #1 is A's SYN: never scaled. Both SYNs offered shift 2 (linux), so later windows read 4x their field.
    const syn = await call('view.packet', { id: 1 });
    expect(syn.winScale).toBeNull();
    expect(syn.label).toContain(`Win=${syn.seg.win} `);
    const data = await call('view.packet', { id: 4 });
    expect(data.winScale).toBe(4);
    expect(data.label).toContain(`Win=${data.seg.win * 4} `);
    const router = await call('view.router', null);
    const cached = router.cached.find((c: { id: number }) => c.id === 4);
    expect(cached.label).toBe(data.label); // the router list and the inspector agree
  });

  it('opens a lesson with a compare run, seeks, steps, views, intervenes, branches, undoes and exports', async () => {
    const { call, fail } = setup();
    const info: SessionInfo = await call('session.openLesson', { id: 'third-ack-lost', compare: 1 });
    expect(info).toMatchObject({ lessonId: 'third-ack-lost', compare: 1, branch: 'main', cursorMs: 0, cursorEvent: 0, playing: false, canUndo: false });
    expect((await call('timeline.step', { unit: 'packet' })).cursorEvent).toBeGreaterThan(0);
    const at15 = await call('timeline.seek', { tMs: 15 });
    expect(at15.cursorMs).toBe(15);
    const router = await call('view.router', null);
    expect(router.inFlight.map((p: { id: number; where: string }) => [p.id, p.where])).toEqual([[1, 'link-out']]);
    expect(router.queueCapacity).toEqual({ A: 1000, B: 1000 });
    const conns = await call('view.connections', {});
    expect(conns.map((c: { host: string; state: string }) => `${c.host} ${c.state}`)).toEqual(['A SYN-SENT']);
    const pkt = await call('view.packet', { id: 1 });
    expect(pkt).toMatchObject({ id: 1, from: 'A', to: 'B', sentMs: 0, fate: 'in flight', label: '[SYN] Seq=0 Win=32768 Len=0 MSS=1460' });
    // Compare run 1 is the classic profile: only MSS, so 20 + 20 + 4 = 44 (0x2c) bytes.
    expect(pkt.hex.split('\n')[0]).toMatch(/^0000 {2}45 00 00 2c /);
    expect(await fail('view.packet', { id: 50 })).toMatchObject({ code: 'unknown-packet', path: '$.id' });
    const held = await call('intervene', { action: { op: 'hold', id: 1 } });
    expect(held).toMatchObject({ branch: 'main', canUndo: true, branches: [{ id: 'main', actionCount: 1 }] });
    await call('timeline.seek', { tMs: 2000 });
    await call('timeline.seek', { tMs: 500 });
    const forked = await call('intervene', { action: { op: 'release', id: 1 } });
    expect(forked).toMatchObject({ branch: 'b2', branches: [{ id: 'main' }, { id: 'b2', parent: 'main', forkAtMs: 500, actionCount: 2 }] });
    const mainTrace = await call('trace.get', { from: 0, count: 5, branch: 'main' });
    expect(mainTrace.events).toHaveLength(5);
    expect((await fail('timeline.switch', { branch: 'zz' })).code).toBe('unknown-branch');
    expect((await call('timeline.switch', { branch: 'main' })).branch).toBe('main');
    expect((await call('timeline.branch', { name: 'mine' })).branches[2]).toMatchObject({ name: 'mine', parent: 'main' });
    // "mine" only has what it inherited: nothing to undo there; b2 has its own release.
    expect(await fail('history.undo')).toMatchObject({ code: 'nothing-to-undo' });
    await call('timeline.switch', { branch: 'b2' });
    expect((await call('history.undo')).canRedo).toBe(true);
    expect(await fail('history.undo')).toMatchObject({ code: 'nothing-to-undo' });
    expect((await call('history.redo')).canUndo).toBe(true);
    const file = await call('session.export', { format: 'session' });
    expect(file).toMatchObject({ fileName: 'third-ack-lost.session.json', encoding: 'utf8' });
    expect(JSON.parse(file.data)).toMatchObject({ format: 'tcplab.session/1', createdAt: '2001-02-03T04:05:06.000Z', app: { version: '0.0.1' } });
    const jsonl = await call('session.export', { format: 'jsonl' });
    expect(jsonl.data.split('\n')[0]).toContain('"kind":"step.call"');
  });

  it('exports the pcapng with its comments in the language asked for (the app passes its UI language)', async () => {
    const { call } = setup();
    await call('session.openLesson', { id: 'syn-lost' });
    const text = async (lang: string) => {
      const r = await call('session.export', { format: 'pcapng', lang });
      expect([r.fileName, r.encoding]).toEqual(['syn-lost.pcapng', 'base64']);
      return Buffer.from(r.data as string, 'base64').toString('utf8');
    };
    const zh = await text('zh-CN'), en = await text('en');
    expect(zh).toMatch(/#1 A→B：被规则 \S+ 丢弃（\d+ 毫秒）/);
    expect(zh).not.toContain('delivered at');
    expect(en).toMatch(/#1 A→B: dropped by rule \S+ \(drop\) at \d+ ms/);
  });

  it('failed commands leave the session, branches, cursor and trace exactly as they were', async () => {
    const { call, fail } = setup();
    await call('session.openLesson', { id: 'three-way-handshake' });
    await call('timeline.seek', { tMs: 30 });
    await call('intervene', { action: { op: 'hold', id: 2 } });
    const before = await state(call);
    const failures = [
      await fail('intervene', { action: { op: 'drop', id: 77 } }),
      await fail('intervene', { action: { op: 'move', id: 2, toIndex: 3 } }),
      await fail('intervene', { action: { op: 'call', step: { host: 'Q', call: 'close', port: 1 } } }),
      await fail('session.openText', { text: '{"format":"tcplab.session/1"' }),
      await fail('session.openText', { text: '{"format":"tcplab.scenario/1","hosts":[]}' }),
      await fail('timeline.switch', { branch: 'ghost' }),
      await fail('view.packet', { id: 4000 }),
      await fail('history.redo'),
    ];
    expect(failures.map((f) => f.code)).toEqual([
      'unknown-packet', 'not-interceptable', 'unknown-host', 'invalid-file', 'invalid-file', 'unknown-branch', 'unknown-packet', 'nothing-to-redo',
    ]);
    expect(failures[2]).toMatchObject({ path: 'step.host' });
    expect(await state(call)).toEqual(before);
  });

  it('refuses an intervention at the end of the run (untilMs): nothing after it is simulated, so it would never show', async () => {
    const { call, fail } = setup();
    await call('session.openLesson', { id: 'time-wait-old-duplicates' });
    const end: SessionInfo = await call('timeline.seek', { tMs: 1_000_000 });
    expect([end.cursorMs, end.untilMs]).toEqual([5000, 5000]);
    const before = await state(call);
    const syn = { op: 'inject', from: 'A', seg: { srcIp: '10.0.0.1', srcPort: 40000, dstIp: '10.0.0.2', dstPort: 80, seq: 1, flags: 'S' } };
    const err = await fail('intervene', { action: syn });
    expect(err).toMatchObject({ code: 'after-the-end' });
    expect(err.message).toBe('the run ends at 5000 ms (the scenario\'s untilMs): nothing after it is simulated, so an action at 5000 ms would never show its effect; go back in time to act');
    expect((await fail('intervene', { action: { op: 'call', step: { host: 'A', call: 'close', port: 40000 } } })).code).toBe('after-the-end');
    expect(await state(call)).toEqual(before);
    // One step earlier the packet is sent and shows in the trace as usual.
    await call('timeline.seek', { tMs: 4990 });
    await call('intervene', { action: syn });
    await call('timeline.seek', { tMs: 5000 });
    const trace = (await call('trace.get', { from: 0, count: 200_000 })).events as TraceEvent[];
    expect(trace.filter((e) => e.kind === 'segment.send' && e.lineage.type === 'injected').map((e) => e.t)).toEqual([4990]);
  });

  it('openText: scenarios and sessions; every problem listed with its JSON path', async () => {
    const { call, fail } = setup();
    await call('session.openLesson', { id: 'three-way-handshake' });
    await call('timeline.seek', { tMs: 30 });
    await call('intervene', { action: { op: 'hold', id: 2 } });
    const saved = (await call('session.export', { format: 'session' })).data as string;
    const bad = JSON.parse(saved);
    bad.branches[0].actions[0].id = 'x';
    bad.cursor.event = -3;
    const err = await fail('session.openText', { text: JSON.stringify(bad), fileName: 's.json' });
    expect(err.code).toBe('invalid-file');
    expect(err.path).toBe('$.branches[0].actions[0].id');
    expect(err.message.split('\n')).toEqual([
      's.json is not a valid tcplab scenario or session (2 problems):',
      '$.branches[0].actions[0].id: expected number, got "x"',
      '$.cursor.event: the value must be at least 0',
    ]);
    const tampered = JSON.parse(saved);
    tampered.branches[0].actions[0].id = 999;
    expect(await fail('session.openText', { text: JSON.stringify(tampered) })).toMatchObject({ code: 'invalid-file', path: '$.branches[0].actions[0].id' });
    expect((await fail('session.openText', { text: '{"format":"tcplab.other/1"}' })).message).toContain('supported: "tcplab.scenario/1", "tcplab.session/1"');
    const reopened: SessionInfo = await call('session.openText', { text: saved });
    expect(reopened).toMatchObject({ lessonId: 'three-way-handshake', cursorMs: 30, branches: [{ id: 'main', actionCount: 1 }] });
    const scenario = { format: 'tcplab.scenario/1', title: { en: 'x', 'zh-CN': 'x' }, hosts: [{ name: 'A', ip: '10.0.0.1' }], steps: [], untilMs: 100 };
    expect(await call('session.openText', { text: JSON.stringify(scenario) })).toMatchObject({ lessonId: null, untilMs: 100, seed: 1 });
  });
});

/** A's transfer to B at 8 Mbit/s: a long ESTABLISHED with no state change (so no TCB in the trace). */
const TRANSFER = JSON.stringify(liveScenario(5000));
const A_TO_B = '10.0.0.1:40000>10.0.0.2:80';

describe('view.tcbHistory', () => {
  it('reads the connection at evenly spaced times, each equal to what view.connections shows after a seek there', async () => {
    const { call } = setup();
    await call('session.openText', { text: TRANSFER });
    await call('timeline.seek', { tMs: 1500 });
    const before = await state(call);
    const h = await call('view.tcbHistory', { host: 'A', conn: A_TO_B, fromMs: 0, points: 30 });
    expect(h).toMatchObject({ host: 'A', conn: A_TO_B, fromMs: 0, toMs: 1500 });
    // 30 times 50 ms apart; A's connection exists from its connect at 0 ms.
    expect(h.points.map((p: any) => p.t)).toEqual(Array.from({ length: 30 }, (_, i) => i * 50));
    // The history is a read: the session, cursor and trace are as they were.
    expect(await state(call)).toEqual(before);
    // Slow start is visible: cwnd takes many values, and SND.NXT only grows.
    const cwnds = new Set(h.points.map((p: any) => p.tcb.cwnd));
    expect(cwnds.size).toBeGreaterThan(5);
    for (let i = 1; i < h.points.length; i++) expect(h.points[i].tcb.sndNxt).toBeGreaterThanOrEqual(h.points[i - 1].tcb.sndNxt);
    for (const i of [3, 11, 29]) {
      const p = h.points[i];
      await call('timeline.seek', { tMs: p.t });
      const conns = await call('view.connections');
      expect(conns.find((c: any) => c.host === 'A' && c.conn === A_TO_B).tcb).toEqual(p.tcb);
    }
  });

  it('starts where asked, skips times the connection did not exist, and refuses an unknown host or connection', async () => {
    const { call, fail } = setup();
    await call('session.openText', { text: TRANSFER });
    await call('timeline.seek', { tMs: 1000 });
    const late = await call('view.tcbHistory', { host: 'B', conn: '10.0.0.2:80>10.0.0.1:40000', fromMs: 600, points: 4 });
    expect(late.points.map((p: any) => p.t)).toEqual([600, 700, 800, 900]);
    const before = await state(call);
    const failures = [
      await fail('view.tcbHistory', { host: 'Q', conn: A_TO_B, fromMs: 0 }),
      await fail('view.tcbHistory', { host: 'B', conn: '10.0.0.9:1>10.0.0.2:80', fromMs: 0 }),
      await fail('view.tcbHistory', { host: 'A', conn: 'A to B', fromMs: 0 }),
      await fail('view.tcbHistory', { host: 'A', conn: A_TO_B, fromMs: -1 }),
      await fail('view.tcbHistory', { host: 'A', conn: A_TO_B, fromMs: 0, points: 1 }),
      await fail('view.tcbHistory', { host: 'A', conn: A_TO_B, fromMs: 0, points: 1001 }),
    ];
    expect(failures.slice(0, 2)).toMatchObject([
      { code: 'unknown-host', path: '$.host', message: 'no host "Q" (hosts: A, B)' },
      { code: 'connection-does-not-exist', path: '$.conn', message: 'host B has no connection 10.0.0.9:1>10.0.0.2:80 between 0 ms and the cursor (1000 ms)' },
    ]);
    // Bad shapes are refused by the command's schema, with the field named in the message.
    expect(failures.slice(2).map((f) => f.code)).toEqual(['bad-arguments', 'bad-arguments', 'bad-arguments', 'bad-arguments']);
    expect(failures.slice(2).map((f) => f.message.match(/\$\.\w+/)?.[0])).toEqual(['$.conn', '$.fromMs', '$.points', '$.points']);
    expect(failures[2]!.message).toContain('a connection is "ip:port>ip:port"');
    expect(await state(call)).toEqual(before);
  });
});

describe('view.listeners and view.listenerHistory', () => {
  const B_80 = '10.0.0.2:80>*:*';
  it('read B\'s listener in the SYN flood lesson: its queues at the cursor, and the SYN queue filling over time', async () => {
    const { call } = setup();
    await call('session.openLesson', { id: 'syn-flood' });
    await call('timeline.seek', { tMs: 2500 });
    const [b] = await call('view.listeners');
    // No SYN cookies: linux stops taking unknown peers at 97 of tcp_max_syn_backlog 128 (the hard bound is 129).
    expect(b).toMatchObject({ host: 'B', listener: B_80, port: 80, state: 'LISTEN', backlog: 128, synQueue: 97, synQueueLimit: 129, unprovenLimit: 97, acceptQueue: 0, syncookies: 0 });
    const before = await state(call);
    const h = await call('view.listenerHistory', { host: 'B', listener: B_80, fromMs: 0, points: 25 });
    expect(h).toMatchObject({ host: 'B', listener: B_80, fromMs: 0, toMs: 2500 });
    expect(h.points.map((p: any) => p.t)).toEqual(Array.from({ length: 25 }, (_, i) => i * 100));
    expect(h.points[0].synQueue).toBe(0);
    expect(h.points[24].synQueue).toBe(97);
    expect(await state(call)).toEqual(before); // a read: nothing changed
  });

  it('refuses an unknown host or listener and bad shapes, naming the field', async () => {
    const { call, fail } = setup();
    await call('session.openLesson', { id: 'syn-flood' });
    await call('timeline.seek', { tMs: 500 });
    const failures = [
      await fail('view.listenerHistory', { host: 'Q', listener: B_80, fromMs: 0 }),
      await fail('view.listenerHistory', { host: 'A', listener: '10.0.0.1:80>*:*', fromMs: 0 }),
      await fail('view.listenerHistory', { host: 'B', listener: '10.0.0.2:80>10.0.0.1:5', fromMs: 0 }),
    ];
    expect(failures).toMatchObject([
      { code: 'unknown-host', path: '$.host' },
      { code: 'connection-does-not-exist', path: '$.listener', message: 'host A has no listener 10.0.0.1:80>*:* between 0 ms and the cursor (500 ms)' },
      { code: 'bad-arguments' },
    ]);
    expect(failures[2]!.message).toContain('a listener is "ip:port>*:*"');
  });
});

describe('live playback', () => {
  it('publishes coalesced batches with contiguous from indexes, loses no event and stops at untilMs', async () => {
    const { clock, batches, call } = setup();
    await call('session.openLesson', { id: 'third-ack-lost' });
    const opened = batches.at(-1)!;
    expect(opened.map((e) => e.type)).toEqual(['session']);
    const startAt = (opened[0] as { info: SessionInfo }).info.headEvent;
    batches.length = 0;
    await call('timeline.play', { speed: 2 });
    clock.run(16 * 10);
    const mid: SessionInfo = await call('session.info');
    expect(mid.playing).toBe(true);
    expect(mid.cursorMs).toBe(16 * 10 * 2);
    await call('timeline.play', { speed: 100 });
    clock.run(5000);
    const info: SessionInfo = await call('session.info');
    expect(info).toMatchObject({ playing: false, cursorMs: 5000, headMs: 5000 });
    expect(clock.timers.size).toBe(0);
    const received: TraceEvent[] = [];
    let next = startAt;
    for (const batch of batches) {
      expect(batch.filter((e) => e.type === 'status').length).toBeLessThanOrEqual(1);
      expect(batch.filter((e) => e.type === 'trace').length).toBeLessThanOrEqual(1);
      for (const ev of batch) {
        if (ev.type !== 'trace') continue;
        expect(ev.from).toBe(next);
        next += ev.events.length;
        received.push(...ev.events);
      }
    }
    const all = (await call('trace.get', { from: startAt, count: 200_000 })).events;
    expect(received).toEqual(all);
    expect(next).toBe(info.headEvent);
    expect(received.length).toBeGreaterThan(10);
  });

  it('pause stops the cursor', async () => {
    const { clock, call } = setup();
    await call('session.openLesson', { id: 'three-way-handshake' });
    await call('timeline.play', {});
    clock.run(160);
    const paused: SessionInfo = await call('timeline.pause', null);
    clock.run(160);
    expect(paused.playing).toBe(false);
    expect((await call('session.info')).cursorMs).toBe(paused.cursorMs);
    expect(paused.cursorMs).toBe(160);
  });
});
