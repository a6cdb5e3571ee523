// Cache + replay: why TIME-WAIT exists (RFC 9293 3.4.2 "Knowing When to Keep Quiet", RFC 1337).
// Incarnation 1 of A:40000 -> B:80 carries "OLD" (#4, cached by the router). A closes first, so A is
// the side that would wait in TIME-WAIT. Both hosts use a fixed ISN (tcplab.isn) so incarnation 2
// reuses exactly the same sequence space - the worst case RFC 6528's clock-driven ISNs make unlikely.
import { describe, expect, it } from 'vitest';
import type { RunSpec } from '../../../src-main/net/spec.js';
import { BA, B_IP, CONNECT, LISTEN, spec, start } from './helpers.js';

function scenario(timeWaitMs: number | undefined): RunSpec {
  return spec({
    steps: [
      LISTEN, CONNECT,
      { atMs: 100, host: 'A', call: 'send', port: 40000, data: 'OLD' },
      { atMs: 200, host: 'A', call: 'close', port: 40000 },
      { on: 'eof', host: 'B', call: 'close', port: 80 },
      { atMs: 1000, host: 'A', call: 'connect', port: 40000, to: `${B_IP}:80` },
      { atMs: 1200, host: 'A', call: 'send', port: 40000, data: 'NEW' },
    ],
    rules: [{ match: { from: 'A', flagsAny: 'P', nth: 1 }, action: 'cache' }],
  }, {
    A: { sysctl: { 'tcplab.isn': 1000 }, variants: timeWaitMs === undefined ? {} : { timeWaitMs } },
    B: { sysctl: { 'tcplab.isn': 5000 } },
  });
}

function run(timeWaitMs: number | undefined) {
  const { net, rec } = start(scenario(timeWaitMs));
  net.runUntil(1100);
  expect(net.apply({ atMs: 1100, op: 'replay', id: 4 })).toEqual({ status: 'applied', newIds: [net.packetStats().lastId], call: null });
  net.runUntil(3000);
  const bData = rec.of('app').filter((e) => e.host === 'B' && e.event === 'data').map((e) => [e.t, e.bytes]);
  return { net, rec, bData, replayId: rec.of('router.replay')[0]!.id };
}

describe('replaying an old duplicate into a new incarnation', () => {
  it('with TIME-WAIT 0 the new connection accepts the old bytes: B reads "OLD", A\'s "NEW" is discarded', () => {
    const { net, rec, bData, replayId } = run(0);
    expect(rec.of('app').filter((e) => e.host === 'A' && e.event === 'connected').map((e) => e.t)).toEqual([40, 1040]);
    expect(rec.of('router.replay')).toEqual([{
      t: 1100, kind: 'router.replay', host: 'router', conn: '10.0.0.1:40000>10.0.0.2:80', id: replayId, by: 'user', of: 4,
      seg: { flags: 'AP', seq: 1001, ack: 5001, len: 3, win: 32768, options: {} },
    }]);
    // Incarnation 2 starts at the same RCV.NXT (1001), so the replayed #4 is "in window" and delivered.
    expect(bData).toEqual([[120, 3], [1110, 3]]);
    expect(new TextDecoder().decode(net.stack('B').received(BA))).toBe('OLD');
    // A's real "NEW" carries seq 1001 too: B now sees it as a duplicate, drops it, and ACKs 1004 -
    // which also acknowledges "NEW", so A believes it was delivered. The stream is silently corrupted.
    const newSeg = rec.of('segment.send').find((e) => e.t === 1200 && e.host === 'A')!;
    expect(rec.of('tcp.drop').filter((e) => e.id === newSeg.id).map((e) => [e.t, e.host, e.reason]))
      .toEqual([[1220, 'B', 'unacceptable segment: sequence number outside the receive window']]);
    expect(net.stack('A').status('10.0.0.1:40000>10.0.0.2:80')?.tcb.sndUna).toBe(1004);
  });

  it('with the linux TIME-WAIT (60 s) the new incarnation cannot be made, and the replay is refused by B', () => {
    const { net, rec, bData, replayId } = run(undefined);
    expect(rec.of('step.error').map((e) => [e.t, e.call, e.code])).toEqual([[1000, 'connect', 'connection-exists'], [1200, 'send', 'connection-closing']]);
    expect(net.stack('A').status('10.0.0.1:40000>10.0.0.2:80')?.state).toBe('TIME-WAIT');
    // B only has its listener: the old ACK-bearing segment is answered with a RST (RFC 9293 3.10.7.2).
    expect(rec.of('tcp.drop').filter((e) => e.id === replayId).map((e) => [e.t, e.host, e.reason])).toEqual([[1110, 'B', 'ACK to a listening socket: RST sent']]);
    expect(bData).toEqual([[120, 3]]);
  });
});
