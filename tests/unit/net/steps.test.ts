// Application steps run inside the network (timed or reactive), the UI's call(), and the clock API.
import { describe, expect, it } from 'vitest';
import { NetError } from '../../../src-main/net/errors.js';
import { Network } from '../../../src-main/net/network.js';
import { AB, BA, B_IP, CONNECT, LISTEN, Recorder, spec, start, text } from './helpers.js';

describe('steps', () => {
  it('reactive steps: B greets on accept and closes on eof; A sends 100 ms after connecting', () => {
    const { net, rec } = start(spec({
      steps: [
        LISTEN, CONNECT,
        { on: 'accepted', host: 'B', call: 'send', port: 80, data: 'welcome' },
        { on: 'connected', host: 'A', call: 'send', port: 40000, data: 'hi', afterMs: 100 },
        { on: 'eof', host: 'B', call: 'close', port: 80 },
        { atMs: 500, host: 'A', call: 'close', port: 40000 },
      ],
    }));
    net.runUntil(2000);
    expect(rec.of('step.call').map((e) => `${e.t} ${e.host} ${e.call} ${e.conn}`)).toEqual([
      '0 B listen null', '0 A connect null', '60 B send 10.0.0.2:80>10.0.0.1:40000', '140 A send 10.0.0.1:40000>10.0.0.2:80',
      '500 A close 10.0.0.1:40000>10.0.0.2:80', '520 B close 10.0.0.2:80>10.0.0.1:40000',
    ]);
    expect(text(net.stack('A').received(AB))).toBe('welcome');
    expect(text(net.stack('B').received(BA))).toBe('hi');
    expect(net.stack('A').status(AB)?.state).toBe('TIME-WAIT');
    expect(net.stack('B').status(BA)).toBeUndefined();
  });

  it('a failing call becomes a step.error event, not an exception', () => {
    const { net, rec } = start(spec({ steps: [LISTEN, CONNECT, { atMs: 10, host: 'A', call: 'send', port: 40001, data: 'x' }, { atMs: 20, host: 'B', call: 'listen', port: 80 }] }));
    net.runUntil(100);
    expect(rec.of('step.error').map((e) => [e.t, e.host, e.call, e.code])).toEqual([
      [10, 'A', 'send', 'connection-does-not-exist'], [20, 'B', 'listen', 'port-in-use'],
    ]);
  });

  it('a server step without peer is refused when several clients share its port', () => {
    const s = spec({ steps: [LISTEN, CONNECT, { atMs: 0, host: 'C', call: 'connect', port: 40000, to: `${B_IP}:80` }, { atMs: 200, host: 'B', call: 'send', port: 80, data: 'x' }] });
    s.hosts.push({ name: 'C', ip: '10.0.0.3' });
    const { net, rec } = start(s);
    net.runUntil(300);
    expect(rec.of('step.error').map((e) => e.message)).toEqual(['B has connections on port 80 with 10.0.0.1:40000, 10.0.0.3:40000: name one with "peer"']);
    expect(net.call({ host: 'B', call: 'send', port: 80, peer: '10.0.0.3:40000', data: 'only C' })).toEqual({ ok: true, conn: '10.0.0.2:80>10.0.0.3:40000' });
  });

  it('call() applies now, returns the result and is logged; a bad call is refused with a NetError', () => {
    const { net } = start(spec({ steps: [LISTEN] }));
    net.runUntil(50);
    expect(net.call({ host: 'A', call: 'connect', port: 41000, to: `${B_IP}:80` })).toEqual({ ok: true, conn: '10.0.0.1:41000>10.0.0.2:80' });
    expect(net.call({ host: 'A', call: 'close', port: 42000 })).toEqual({ ok: false, code: 'connection-does-not-exist', message: 'A has no connection on port 42000' });
    expect(() => net.call({ host: 'Q', call: 'close', port: 1 })).toThrow(NetError);
    expect(net.actions()).toEqual([
      { atMs: 50, op: 'call', step: { host: 'A', call: 'connect', port: 41000, to: `${B_IP}:80` } },
      { atMs: 50, op: 'call', step: { host: 'A', call: 'close', port: 42000 } },
    ]);
  });

  it('step(), stepToNextPacket(), nextEventMs() and runFor() move the clock event by event', () => {
    const { net, rec } = start(spec());
    expect(net.nextEventMs()).toBe(0);
    expect(net.stepToNextPacket()).toBe(true); // listen, then connect sends the SYN
    expect(rec.of('segment.send').map((e) => e.id)).toEqual([1]);
    expect(net.nextEventMs()).toBe(10); // the SYN reaches the router
    expect(net.step()).toBe(true);
    expect(net.nowMs).toBe(10);
    net.runFor(15);
    expect(net.nowMs).toBe(25);
    expect(rec.of('segment.recv').map((e) => [e.t, e.id])).toEqual([[20, 1]]);
    expect(() => net.runUntil(5)).toThrow('cannot run until 5 ms: it is already 25 ms');
  });

  it('an impossible spec is refused with the path of the bad value', () => {
    const bad = (over: Parameters<typeof spec>[0]) => {
      try {
        new Network(spec(over), new Recorder());
      } catch (e) {
        return e instanceof NetError ? [e.code, e.path, e.message] : e;
      }
      return 'accepted';
    };
    expect(bad({ steps: [{ atMs: 0, host: 'Z', call: 'listen', port: 80 }] })).toEqual(['unknown-host', 'steps[0].host', 'no host "Z"']);
    expect(bad({ rules: [{ match: { flags: 'Q' }, action: 'drop' }] })).toEqual(['invalid-rule', 'rules[0].match.flags', 'rules[0]: flags "Q": use each of S A F R P U E C at most once']);
    expect(bad({ network: { delayMs: -1 } })).toEqual(['invalid-spec', 'network.delayMs', 'delayMs -1 is not a number >= 0']);
  });

  it('hosts() and the router view describe links and queues', () => {
    const { net } = start(spec({}, { B: { link: { delayMs: 5, bandwidthBps: 1_000_000, queueCapacity: 8 } } }));
    expect(net.hosts()).toEqual([
      { name: 'A', ip: '10.0.0.1', link: { delayMs: 10, bandwidthBps: null, queueCapacity: 1000 } },
      { name: 'B', ip: '10.0.0.2', link: { delayMs: 5, bandwidthBps: 1_000_000, queueCapacity: 8 } },
    ]);
    expect(net.routerView().queues.map((q) => [q.toward, q.capacity, q.bandwidthBps])).toEqual([['A', 1000, null], ['B', 8, 1_000_000]]);
  });
});
