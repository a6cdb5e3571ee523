// A host crash and reboot (net/crash.ts, RFC 9293 3.5.2): nothing is sent at the crash, packets reaching a
// down host are dropped with a reason, a rebooted host answers the connections it forgot with RST, and the
// rebooted side's new SYN to its old peer's half-open connection goes challenge ACK → RST → retried SYN
// (Figure 12). Calls on a down host are refused; everything replays byte for byte.
import { describe, expect, it } from 'vitest';
import { NetError } from '../../../src-main/net/errors.js';
import { Network } from '../../../src-main/net/network.js';
import type { RunSpec, StepSpec } from '../../../src-main/net/spec.js';
import { AB, A_IP, BA, B_IP, CONNECT, LISTEN, Recorder, spec, start } from './helpers.js';

const SEND = (atMs: number, data = 'hello'): StepSpec => ({ atMs, host: 'A', call: 'send', port: 40000, data });

/** A and B connected; B crashes at 500 ms for 3000 ms; A sends at 1000 ms; B listens again at 4000 ms. */
function crashSpec(over: Partial<RunSpec> = {}): RunSpec {
  return spec({
    steps: [LISTEN, CONNECT, { atMs: 500, host: 'B', call: 'crash', downMs: 3000 }, SEND(1000), { atMs: 4000, host: 'B', call: 'listen', port: 80 }],
    untilMs: 20_000,
    ...over,
  });
}

describe('a host crash', () => {
  it('sends nothing and tells no application: one host.crash event and each TCB and listener traced to CLOSED', () => {
    const { net, rec } = start(crashSpec());
    net.runUntil(999);
    const at500 = rec.events.filter((e) => e.t === 500);
    expect(at500.map((e) => (e.kind === 'state' ? `${e.kind} ${e.conn} ${e.from}>${e.to} ${e.cause}` : e.kind))).toEqual([
      'host.crash',
      `state ${BA} ESTABLISHED>CLOSED host crashed: its TCB is lost (RFC 9293 3.5.2)`,
      `state ${B_IP}:80>*:* LISTEN>CLOSED host crashed: the listener is lost (RFC 9293 3.5.2)`,
    ]);
    expect(at500[0]).toEqual({ t: 500, kind: 'host.crash', host: 'B', downMs: 3000 });
    expect(rec.events.filter((e) => e.t >= 500 && (e.kind === 'app' || e.kind === 'timer' || e.kind.startsWith('segment.')))).toEqual([]);
    expect(net.stack('B').connections()).toEqual([]);
    expect(net.stack('B').listenerStatuses?.()).toEqual([]);
    expect(net.stack('A').status(AB)?.state).toBe('ESTABLISHED'); // A cannot know: the connection is half-open
  });

  it('loses the timers and the queued data of the host: B, retransmitting into a black hole, falls silent', () => {
    const s = spec({
      steps: [LISTEN, CONNECT, { atMs: 100, host: 'B', call: 'send', port: 80, data: 'lost' }, { atMs: 300, host: 'B', call: 'crash' }],
      rules: [{ match: { from: 'B', len: 4 }, action: 'drop' }],
      untilMs: 60_000,
    });
    const { net, rec } = start(s);
    net.run();
    // B's retransmission timer was due at 340 ms; the crash at 300 ms took it (and the unacknowledged data) away.
    expect(rec.of('timer').filter((e) => e.host === 'B' && e.timer === 'retransmit').map((e) => `${e.t} ${e.op} ${e.dueMs}`)).toEqual(['100 start 340']);
    expect(rec.of('segment.send').filter((e) => e.host === 'B' && e.t >= 100).map((e) => `${e.t} ${e.cause}`)).toEqual(['100 data']);
    expect(net.nextEventMs()).toBe(Infinity); // no stale timer of the old stack wakes anything
  });

  it('drops every packet that reaches the host while it is down, at the host, saying so', () => {
    const { net, rec } = start(crashSpec());
    net.runUntil(3499);
    const drops = rec.of('segment.drop');
    expect(drops.map((e) => `${e.t} ${e.host} ${e.reason}`)).toEqual(
      [1020, 1260, 1740, 2700].map((t) => `${t} B host down (crashed at 500 ms)`),
    );
    expect(rec.of('segment.send').filter((e) => e.host === 'A' && e.t >= 1000).map((e) => e.cause)).toEqual([
      'data', 'RTO retransmission #1', 'RTO retransmission #2', 'RTO retransmission #3',
    ]);
  });

  it('comes back up with no sockets and answers the forgotten connection with RST (seq = the segment\'s ack)', () => {
    const { net, rec } = start(crashSpec());
    net.run();
    expect(rec.of('host.up')).toEqual([{ t: 3500, kind: 'host.up', host: 'B', downMs: 3000 }]);
    const data = rec.of('segment.recv').find((e) => e.host === 'B' && e.t > 3500)!;
    const rst = rec.of('segment.send').find((e) => e.host === 'B' && e.t > 3500)!;
    expect([data.t, data.seg.flags, data.seg.len]).toEqual([4620, 'AP', 5]);
    expect([rst.t, rst.seg.flags, rst.seg.seq]).toEqual([4620, 'R', data.seg.ack]);
    expect(rec.of('app').filter((e) => e.host === 'A' && e.event === 'reset').map((e) => e.t)).toEqual([4640]);
    expect(net.stack('A').status(AB)).toBeUndefined();
  });

  it('with downMs left out the host stays down: the retransmissions end in a timeout', () => {
    const s = crashSpec({ untilMs: 600_000 });
    s.steps = [LISTEN, CONNECT, { atMs: 500, host: 'B', call: 'crash' }, SEND(1000)];
    s.hosts[0]!.sysctl = { 'net.ipv4.tcp_retries2': 3 };
    const { net, rec } = start(s);
    net.run();
    expect(rec.of('host.crash')).toEqual([{ t: 500, kind: 'host.crash', host: 'B', downMs: null }]);
    expect(rec.of('host.up')).toEqual([]);
    expect(rec.of('segment.drop').every((e) => e.host === 'B' && e.reason === 'host down (crashed at 500 ms)')).toBe(true);
    expect(rec.of('app').filter((e) => e.host === 'A').map((e) => `${e.t} ${e.event}`)).toEqual(['40 connected', '4600 timeout', '4600 closed']);
  });

  it('a rebooted client reconnecting from its old port: challenge ACK, RST, then the retried SYN succeeds (RFC 9293 Figure 12)', () => {
    const s = spec({
      steps: [LISTEN, CONNECT, { atMs: 500, host: 'A', call: 'crash', downMs: 1000 }, { atMs: 2000, host: 'A', call: 'connect', port: 40000, to: `${B_IP}:80` }],
      untilMs: 6000,
    });
    const { net, rec } = start(s);
    net.run();
    const log = rec.events.filter((e) => e.t >= 2000 && e.kind === 'segment.send').map((e) => e.kind === 'segment.send' && `${e.t} ${e.host} ${e.seg.flags} ${e.cause}`);
    expect(log).toEqual([
      '2000 A S SYN',
      '2020 B A challenge ACK for a SYN in a synchronized state (RFC 5961 4.2)',
      '2040 A R RST for an unacceptable ACK in SYN-SENT (RFC 9293 3.10.7.3)',
      // linux: the unacceptable ACK re-armed the SYN timer to 2 jiffies (8 ms), as measured on 6.18.
      '2048 A S SYN retransmission #1',
      '2068 B SA SYN-ACK',
      '2088 A A ACK (third segment of the handshake)',
    ]);
    const challenge = rec.of('segment.send').find((e) => e.t === 2020)!;
    const rst = rec.of('segment.send').find((e) => e.t === 2040)!;
    expect(rst.seg.seq).toBe(challenge.seg.ack);
    expect(rec.of('app').filter((e) => e.host === 'B' && e.event === 'reset').map((e) => e.t)).toEqual([2060]);
    expect(net.stack('B').status(BA)?.state).toBe('ESTABLISHED');
  });

  it('a rebooted host draws new ISNs: the first boot\'s numbers are unchanged, the next boot\'s differ', () => {
    const plain = start(spec({ steps: [LISTEN, { ...CONNECT, atMs: 2000 }], untilMs: 3000 }));
    const rebooted = start(spec({ steps: [LISTEN, { atMs: 500, host: 'A', call: 'crash', downMs: 100 }, { ...CONNECT, atMs: 2000 }], untilMs: 3000 }));
    plain.net.run();
    rebooted.net.run();
    const syn = (r: Recorder) => r.of('segment.send').find((e) => e.seg.flags === 'S')!.seg.seq;
    expect(syn(rebooted.rec)).not.toBe(syn(plain.rec));
    // B never crashed: its ISN for the same connect at the same time is the same in both runs.
    const synAck = (r: Recorder) => r.of('segment.send').find((e) => e.seg.flags === 'SA')!.seg.seq;
    expect(synAck(rebooted.rec)).toBe(synAck(plain.rec));
  });

  it('a step at the very instant the host is up again runs on the rebooted host', () => {
    const s = spec({ steps: [LISTEN, { atMs: 500, host: 'B', call: 'crash', downMs: 1500 }, { atMs: 2000, host: 'B', call: 'listen', port: 80 }, { ...CONNECT, atMs: 2000 }], untilMs: 3000 });
    const { net, rec } = start(s);
    net.run();
    expect(rec.of('step.error')).toEqual([]);
    expect(rec.events.filter((e) => e.t === 2000).map((e) => e.kind).slice(0, 3)).toEqual(['host.up', 'step.call', 'state']);
    expect(net.stack('B').connections()).toEqual([BA]);
  });

  it('refuses the steps of a down host with a step.error naming the crash, and a second crash while down', () => {
    const s = spec({
      steps: [LISTEN, CONNECT, { atMs: 500, host: 'B', call: 'crash', downMs: 1000 }, { atMs: 700, host: 'B', call: 'listen', port: 81 },
        { atMs: 800, host: 'B', call: 'crash', downMs: 5 }, { on: 'data', host: 'B', call: 'crash', port: 80 }],
      untilMs: 3000,
    });
    const { net, rec } = start(s);
    net.run();
    expect(rec.of('step.error')).toEqual([
      { t: 700, kind: 'step.error', host: 'B', conn: null, call: 'listen', port: 81, code: 'host-down', message: 'B is down (crashed at 500 ms, up again at 1500 ms): its application cannot listen' },
      { t: 800, kind: 'step.error', host: 'B', conn: null, call: 'crash', code: 'host-down', message: 'B is down (crashed at 500 ms, up again at 1500 ms): it cannot crash again before it is up' },
    ]);
    expect(rec.of('host.crash').length).toBe(1);
  });

  it('a reactive crash: the server dies as soon as its application reads the request', () => {
    const s = spec({ steps: [LISTEN, CONNECT, SEND(100, 'GET /'), { on: 'data', host: 'B', call: 'crash', port: 80 }, SEND(500, 'hello?')], untilMs: 3000 });
    const { net, rec } = start(s);
    net.run();
    // B acknowledges the request at once (Linux quick ACK), then its application's event crashes it.
    expect(rec.events.filter((e) => e.t === 120).map((e) => e.kind)).toEqual(['segment.recv', 'app', 'segment.send', 'host.crash', 'state', 'state']);
    expect(rec.of('host.crash')).toEqual([{ t: 120, kind: 'host.crash', host: 'B', downMs: null }]);
    expect(rec.of('segment.drop').map((e) => e.t)).toEqual([520, 760, 1240, 2200]);
  });

  it('refuses bad crash steps, naming the field', () => {
    const bad = (step: Record<string, unknown>): string => {
      try {
        new Network(spec({ steps: [LISTEN, step as unknown as StepSpec] }), new Recorder());
      } catch (e) {
        return e instanceof NetError ? `${e.code} ${e.path}: ${e.message}` : String(e);
      }
      return 'accepted';
    };
    expect(bad({ atMs: 5, host: 'Q', call: 'crash', downMs: 10 })).toBe('unknown-host steps[1].host: no host "Q"');
    expect(bad({ atMs: 5, host: 'B', call: 'crash', downMs: -1 })).toBe('invalid-command steps[1].downMs: downMs -1 is not a time 0-86400000 ms (leave it out for a host that stays down)');
    expect(bad({ atMs: 5, host: 'B', call: 'crash', downMs: Number.NaN })).toBe('invalid-command steps[1].downMs: downMs NaN is not a time 0-86400000 ms (leave it out for a host that stays down)');
    expect(bad({ on: 'data', host: 'B', call: 'crash' })).toBe('invalid-command steps[1].port: a crash on an application event needs the port whose event triggers it');
    expect(bad({ atMs: 5, host: 'B', call: 'crash', downMs: 0 })).toBe('accepted');
  });
});

describe('a crash as a user action', () => {
  it('is logged, refuses calls on the down host without logging them, and replays byte for byte', () => {
    const { net, rec } = start(spec({ steps: [LISTEN, CONNECT], untilMs: 10_000 }));
    net.runUntil(300);
    expect(net.call({ host: 'B', call: 'crash', downMs: 2000 })).toEqual({ ok: true, conn: null });
    net.runUntil(400);
    const refused = (f: () => unknown): string => {
      try {
        f();
      } catch (e) {
        return e instanceof NetError ? `${e.code} ${e.path}: ${e.message}` : String(e);
      }
      return 'accepted';
    };
    const down = 'B is down (crashed at 300 ms, up again at 2300 ms)';
    expect(refused(() => net.call({ host: 'B', call: 'listen', port: 80 }))).toBe(`host-down step.host: ${down}: its application cannot listen`);
    expect(refused(() => net.call({ host: 'B', call: 'crash' }))).toBe(`host-down step.host: ${down}: it cannot crash again before it is up`);
    expect(refused(() => net.apply({ atMs: 400, op: 'inject', from: 'B', seg: { srcPort: 80, dstIp: A_IP, dstPort: 40000, seq: 1, flags: 'R' } })))
      .toBe(`host-down from: ${down}: its application cannot send`);
    net.runUntil(1000);
    net.call({ host: 'A', call: 'send', port: 40000, data: 'are you there?' });
    net.runUntil(2500);
    net.call({ host: 'B', call: 'listen', port: 80 });
    net.run();
    expect(net.actions().map((a) => (a.op === 'call' ? `${a.atMs} ${a.step.host} ${a.step.call}` : a.op))).toEqual(['300 B crash', '1000 A send', '2500 B listen']);
    // A's retransmission at 2680 ms meets the rebooted B before it listens again: a closed port, RST.
    expect(rec.of('app').filter((e) => e.host === 'A').map((e) => `${e.t} ${e.event}`)).toEqual(['40 connected', '2720 reset', '2720 closed']);
    const again = new Recorder();
    Network.replay(spec({ steps: [LISTEN, CONNECT], untilMs: 10_000 }), again, net.actions()).run();
    expect(again.lines()).toEqual(rec.lines());
  });

  it('a clone taken while the host is down runs on exactly as the original', () => {
    const { net, rec } = start(crashSpec());
    net.runUntil(2000);
    const rest = new Recorder();
    const copy = net.clone(rest);
    const before = rec.events.length;
    net.run();
    copy.run();
    expect(rest.lines()).toEqual(rec.lines().slice(before));
    expect(rest.events.some((e) => e.kind === 'host.up')).toBe(true);
  });

  it('stops a SYN flood whose attacker crashes', () => {
    const s = spec({ steps: [LISTEN, { atMs: 50, host: 'M', call: 'crash' }], floods: [{ from: 'M', target: `${B_IP}:80`, startMs: 0, ratePerSec: 100, count: 100 }], untilMs: 2000 });
    s.hosts.push({ name: 'M', ip: '10.0.0.66' });
    const { net, rec } = start(s);
    net.run();
    expect(rec.of('segment.send').filter((e) => e.host === 'M').length).toBe(5); // 0, 10, … 40 ms
    expect(rec.of('flood.end')).toEqual([{ t: 50, kind: 'flood.end', host: 'M', target: `${B_IP}:80`, sent: 5 }]);
  });
});
