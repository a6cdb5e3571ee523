// A SYN on a synchronized connection, inside and outside the receive window (RFC 5961 4.2: a challenge ACK
// "irrespective of the sequence number"), and Linux's orphaned FIN-WAIT-2 minisocket. The linux expectations
// were measured on a 6.18 kernel with tools/kernel-oracle/sync-syn/measure.sh (docs/ORACLE.md).
import { describe, expect, it } from 'vitest';
import type { ProfileName } from '../../../src-main/tcp/api.js';
import type { Fixture } from './fixtures.js';
import { KEY, closeWait, closing, established, finWait1, finWait2, lastAck, timeWait } from './fixtures.js';

const L = 10000;
const P = 5000;
const CHALLENGE = 'challenge ACK for a SYN in a synchronized state (RFC 5961 4.2)';
const FIRST_STEP_ACK = 'ACK for an unacceptable segment (RFC 9293 3.10.7.4 first)';
const FAR = 1_000_000_000;

/** The cause of the one segment sent since the last clear(). */
function onlyCause(f: Fixture): string {
  expect(f.out.map((o) => o.meta.cause)).toHaveLength(1);
  return f.out[0]!.meta.cause;
}

describe('SYN outside the window in ESTABLISHED', () => {
  for (const profile of ['linux', 'rfc'] as const) {
    it(`${profile}: above and far below RCV.NXT → challenge ACK <SEQ=SND.NXT><ACK=RCV.NXT>, connection kept`, () => {
      for (const seq of [P + 1 + FAR, P + 1 - FAR]) {
        const f = established({ profile });
        f.recv({ flags: 'S', seq: seq >>> 0 }, 100);
        expect(onlyCause(f)).toBe(CHALLENGE);
        f.expectReply({ flags: 'A', seq: L + 1, ack: P + 1 });
        expect(f.drops()).toEqual(['SYN in ESTABLISHED: challenge ACK sent (RFC 5961 4.2)']);
        expect(f.state()).toBe('ESTABLISHED');
      }
    });
  }

  it('classic (RFC 793): the first step\'s ACK for an unacceptable segment; only an in-window SYN resets', () => {
    const f = established({ profile: 'classic' });
    f.recv({ flags: 'S', seq: P + 1 + FAR }, 100);
    expect(onlyCause(f)).toBe(FIRST_STEP_ACK);
    f.expectReply({ flags: 'A', seq: L + 1, ack: P + 1 });
    expect(f.state()).toBe('ESTABLISHED');
  });

  it('linux: the kernel\'s sequence +1e9 @0, -1e9 @600, +10 @1200, +100 @1300 → ACK, ACK, ACK, nothing (tcp_invalid_ratelimit)', () => {
    const f = established({ profile: 'linux' });
    const sent: string[] = [];
    for (const [offset, atMs] of [[FAR, 100], [-FAR, 700], [10, 1300], [100, 1400]] as const) {
      f.recv({ flags: 'S', seq: (P + 1 + offset) >>> 0 }, atMs);
      sent.push(f.out.map((o) => `${atMs}:${o.meta.cause}`).join() || `${atMs}:none`);
      f.clear();
    }
    expect(sent).toEqual([`100:${CHALLENGE}`, `700:${CHALLENGE}`, `1300:${CHALLENGE}`, '1400:none']);
  });

  it('a SYN with RST outside the window is an RST outside the window: dropped, no ACK', () => {
    const f = established({ profile: 'linux' });
    f.recv({ flags: 'SR', seq: P + 1 + FAR }, 100);
    f.expectNoReply();
    expect(f.state()).toBe('ESTABLISHED');
  });
});

describe('SYN outside the window in the other synchronized states', () => {
  const states: Array<[string, (o: { profile: ProfileName }) => Fixture]> = [
    ['FIN-WAIT-1', finWait1], ['CLOSE-WAIT', closeWait], ['CLOSING', closing], ['LAST-ACK', lastAck],
  ];
  for (const profile of ['linux', 'rfc'] as const) {
    for (const [name, make] of states) {
      it(`${profile}: ${name} → challenge ACK`, () => {
        const f = make({ profile });
        f.recv({ flags: 'S', seq: P + 1 + FAR }, 200);
        expect(onlyCause(f)).toBe(CHALLENGE);
        expect(f.state()).toBe(name);
      });
    }
  }

  it('TIME-WAIT: rfc challenge ACK (RFC 5961 4.2); linux a plain ACK (tcp_timewait_state_process)', () => {
    const rfc = timeWait({ profile: 'rfc' });
    rfc.recv({ flags: 'S', seq: P - FAR }, 200);
    expect(onlyCause(rfc)).toBe(CHALLENGE);
    const linux = timeWait({ profile: 'linux' });
    linux.recv({ flags: 'S', seq: P - FAR }, 200);
    expect(onlyCause(linux)).toBe(FIRST_STEP_ACK);
  });
});

describe('linux: an orphaned FIN-WAIT-2 is a timewait minisocket (tcp_fin_timeout ≤ 60 s)', () => {
  it('SYN outside the window → plain ACK; inside → RST,ACK <SEQ=0><ACK=SEG.SEQ+1> and the connection is gone', () => {
    const f = finWait2({ profile: 'linux' });
    f.recv({ flags: 'S', seq: P + 1 + FAR }, 100);
    expect(onlyCause(f)).toBe(FIRST_STEP_ACK);
    f.expectReply({ flags: 'A', seq: L + 2, ack: P + 1 });
    f.recv({ flags: 'S', seq: P + 11 }, 700);
    f.expectReply({ flags: 'AR', seq: 0, ack: P + 12 });
    expect(f.state()).toBe('CLOSED');
    expect(f.drops()).toEqual([
      'unacceptable segment: sequence number outside the receive window', 'SYN in an orphaned FIN-WAIT-2: RST sent (Linux minisocket)',
    ]);
  });

  it('an in-window RST not at RCV.NXT ends it silently (no RFC 5961 challenge ACK)', () => {
    const f = finWait2({ profile: 'linux' });
    f.recv({ flags: 'R', seq: P + 11 }, 100);
    f.expectNoReply();
    expect(f.state()).toBe('CLOSED');
  });

  it('tcp_fin_timeout above 60 s keeps a full socket: challenge ACKs, in and out of the window', () => {
    const f = finWait2({ profile: 'linux', sysctl: { 'net.ipv4.tcp_fin_timeout': 120 } });
    f.recv({ flags: 'S', seq: P + 1 + FAR }, 100);
    expect(onlyCause(f)).toBe(CHALLENGE);
    f.clear();
    f.recv({ flags: 'S', seq: P + 11 }, 700);
    expect(onlyCause(f)).toBe(CHALLENGE);
    expect(f.state()).toBe('FIN-WAIT-2');
  });

  it('after shutdown() (not orphaned) FIN-WAIT-2 stays a full socket: challenge ACK', () => {
    const f = established({ profile: 'linux' });
    f.advance(20);
    f.stack.shutdown(KEY, 20);
    f.peerAck = L + 2;
    f.recv({ flags: 'A' }, 30);
    f.clear();
    f.recv({ flags: 'S', seq: P + 11 }, 100);
    expect(onlyCause(f)).toBe(CHALLENGE);
    expect(f.state()).toBe('FIN-WAIT-2');
  });
});
