// RFC 9293 3.10.7.4 scenarios for the synchronized states (ESTABLISHED … TIME-WAIT): SYN, SYN-ACK, ACK, FIN,
// RST (with RFC 5961 in the linux profile), in- and out-of-window segments and data; exact replies asserted.
import { describe, expect, it } from 'vitest';
import {
  KEY, closeWait, closing, established, finWait1, finWait2, lastAck, timeWait,
} from './fixtures.js';

const L = 10000;
const P = 5000;

describe('ESTABLISHED', () => {
  it('in-window data → ACK of it (delayed ACK off), delivered to the application', () => {
    const f = established();
    f.recv({ flags: 'PA', data: 'hello' }, 100);
    f.expectReply({ flags: 'A', seq: L + 1, ack: P + 6, win: 65535 });
    expect(new TextDecoder().decode(f.stack.received(KEY))).toBe('hello');
  });
  it('out-of-window data → ACK <SEQ=SND.NXT><ACK=RCV.NXT>, dropped', () => {
    const f = established();
    f.recv({ flags: 'PA', seq: P + 1 + 100_000, data: 'x' }, 100);
    f.expectReply({ flags: 'A', seq: L + 1, ack: P + 1 });
    expect(f.drops()).toEqual(['unacceptable segment: sequence number outside the receive window']);
  });
  it('old duplicate data (entirely below RCV.NXT) → ACK, not delivered again', () => {
    const f = established();
    f.recv({ flags: 'PA', data: 'abc' }, 100);
    f.expectReply({ flags: 'A', seq: L + 1, ack: P + 4 });
    f.recv({ flags: 'PA', seq: P + 1, data: 'abc' }, 110);
    f.expectReply({ flags: 'A', seq: L + 1, ack: P + 4 });
    expect(f.stack.received(KEY).length).toBe(3);
  });
  it('out-of-order data → duplicate ACK at once; filling the hole → one cumulative ACK', () => {
    const f = established();
    f.recv({ flags: 'PA', seq: P + 4, data: 'def' }, 100);
    f.expectReply({ flags: 'A', seq: L + 1, ack: P + 1 });
    f.recv({ flags: 'PA', seq: P + 1, data: 'abc' }, 110);
    f.expectReply({ flags: 'A', seq: L + 1, ack: P + 7 });
    expect(new TextDecoder().decode(f.stack.received(KEY))).toBe('abcdef');
  });
  it('SYN → challenge ACK (RFC 5961 4.2), connection kept (rfc profile)', () => {
    const f = established();
    f.recv({ flags: 'S', seq: P + 10 }, 100);
    f.expectReply({ flags: 'A', seq: L + 1, ack: P + 1 });
    expect(f.state()).toBe('ESTABLISHED');
  });
  it('SYN-ACK → challenge ACK', () => {
    const f = established();
    f.recv({ flags: 'SA', seq: P + 10 }, 100);
    f.expectReply({ flags: 'A', seq: L + 1, ack: P + 1 });
    expect(f.state()).toBe('ESTABLISHED');
  });
  it('SYN in window → RST and CLOSED in the classic profile (RFC 793 semantics)', () => {
    const f = established({ profile: 'classic' });
    f.recv({ flags: 'S', seq: P + 10 }, 100);
    f.expectReply({ flags: 'R', seq: L + 1 });
    expect(f.state()).toBe('CLOSED');
    expect(f.appEvents()).toEqual(['reset', 'closed']);
  });
  it('pure ACK with nothing new → no reply', () => {
    const f = established();
    f.recv({ flags: 'A' }, 100);
    f.expectNoReply();
  });
  it('ACK of data never sent → ACK reply, segment dropped', () => {
    const f = established();
    f.recv({ flags: 'A', ack: L + 500 }, 100);
    f.expectReply({ flags: 'A', seq: L + 1, ack: P + 1 });
    expect(f.drops()).toEqual(['ACK acknowledges data not yet sent']);
  });
  it('FIN → ACK, CLOSE-WAIT, app eof', () => {
    const f = established();
    f.recv({ flags: 'FA' }, 100);
    f.expectReply({ flags: 'A', seq: L + 1, ack: P + 2 });
    expect(f.state()).toBe('CLOSE-WAIT');
    expect(f.appEvents()).toEqual(['eof']);
  });
  it('RST at RCV.NXT → CLOSED, app reset', () => {
    const f = established();
    f.recv({ flags: 'R' }, 100);
    f.expectNoReply();
    expect(f.state()).toBe('CLOSED');
    expect(f.appEvents()).toEqual(['reset', 'closed']);
  });
  it('RST in window but not at RCV.NXT → resets in the rfc profile', () => {
    const f = established();
    f.recv({ flags: 'R', seq: P + 100 }, 100);
    f.expectNoReply();
    expect(f.state()).toBe('CLOSED');
  });
  it('RST in window but not at RCV.NXT → challenge ACK in the linux profile (RFC 5961 3.2)', () => {
    const f = established({ profile: 'linux' });
    f.recv({ flags: 'R', seq: P + 100 }, 100);
    f.expectReply({ flags: 'A', seq: L + 1, ack: P + 1 });
    expect(f.state()).toBe('ESTABLISHED');
    f.recv({ flags: 'R', seq: P + 1 }, 110);
    expect(f.state()).toBe('CLOSED');
  });
  it('RST outside the window → ignored', () => {
    const f = established();
    f.recv({ flags: 'R', seq: P + 1 + 70_000 }, 100);
    f.expectNoReply();
    expect(f.state()).toBe('ESTABLISHED');
  });
  it('ACK far below SND.UNA − MAX.SND.WND → challenge ACK in linux (RFC 5961 5.2)', () => {
    const f = established({ profile: 'linux' });
    f.recv({ flags: 'A', ack: L - 100_000 }, 100);
    f.expectReply({ flags: 'A', seq: L + 1, ack: P + 1 });
  });
});

describe('FIN-WAIT-1 (our FIN L+1 outstanding)', () => {
  it('close() sent FIN,ACK <SEQ=L+1>', () => {
    const f = established();
    f.advance(20);
    f.stack.close(KEY, 20);
    f.expectReply({ flags: 'AF', seq: L + 1, ack: P + 1 });
    expect(f.state()).toBe('FIN-WAIT-1');
  });
  it('ACK of our FIN → FIN-WAIT-2, no reply', () => {
    const f = finWait1();
    f.recv({ flags: 'A', ack: L + 2 }, 30);
    f.expectNoReply();
    expect(f.state()).toBe('FIN-WAIT-2');
  });
  it('FIN not acknowledging ours → ACK, CLOSING (simultaneous close)', () => {
    const f = finWait1();
    f.recv({ flags: 'FA', ack: L + 1 }, 30);
    f.expectReply({ flags: 'A', seq: L + 2, ack: P + 2 });
    expect(f.state()).toBe('CLOSING');
  });
  it('FIN acknowledging ours → ACK, TIME-WAIT', () => {
    const f = finWait1();
    f.recv({ flags: 'FA', ack: L + 2 }, 30);
    f.expectReply({ flags: 'A', seq: L + 2, ack: P + 2 });
    expect(f.state()).toBe('TIME-WAIT');
  });
  it('data after close() → RST <SEQ=SEG.ACK>, CLOSED: nobody can read it (RFC 9293 3.6, rfc and linux)', () => {
    for (const profile of ['rfc', 'linux'] as const) {
      const f = finWait1({ profile });
      f.recv({ flags: 'PA', ack: L + 1, data: 'more' }, 30);
      f.expectReply({ flags: 'R', seq: L + 1 });
      f.expectNoReply();
      expect(f.state(), profile).toBe('CLOSED');
      expect(f.drops(), profile).toEqual(['new data after close() in FIN-WAIT-1: RST sent']);
      expect(f.appEvents(), profile).toEqual(['closed']);
    }
  });
  it('data after close() that acknowledges our FIN → FIN-WAIT-2, then RST <SEQ=SEG.ACK> (Linux: step 5 first)', () => {
    const f = finWait1({ profile: 'linux' });
    f.recv({ flags: 'PA', ack: L + 2, data: 'more' }, 30);
    f.expectReply({ flags: 'R', seq: L + 2 });
    expect(f.trace.flatMap((e) => (e.kind === 'state' ? [e.to] : []))).toEqual(['FIN-WAIT-2', 'CLOSED']);
  });
  it('a retransmission of data already received is not new: ACK, no RST', () => {
    const f = established();
    f.recv({ flags: 'PA', data: 'abc' }, 15);
    f.advance(20);
    f.stack.close(KEY, 20);
    f.clear();
    f.recv({ flags: 'PA', seq: P + 1, ack: L + 1, data: 'abc' }, 30);
    f.expectReply({ flags: 'A', seq: L + 2, ack: P + 4 });
    expect(f.state()).toBe('FIN-WAIT-1');
  });
  it('classic: data after close() → ACK (RFC 793 processes text in FIN-WAIT-1)', () => {
    const f = finWait1({ profile: 'classic' });
    f.recv({ flags: 'PA', ack: L + 1, data: 'more' }, 30);
    f.expectReply({ flags: 'A', seq: L + 2, ack: P + 5 });
  });
  it('data after shutdown() → ACK (the receive side is still open)', () => {
    const f = established();
    f.advance(20);
    f.stack.shutdown(KEY, 20);
    f.clear();
    f.recv({ flags: 'PA', ack: L + 1, data: 'more' }, 30);
    f.expectReply({ flags: 'A', seq: L + 2, ack: P + 5 });
    expect(f.state()).toBe('FIN-WAIT-1');
  });
  it('RST → CLOSED', () => {
    const f = finWait1();
    f.recv({ flags: 'R' }, 30);
    expect(f.state()).toBe('CLOSED');
  });
  it('SYN → challenge ACK', () => {
    const f = finWait1();
    f.recv({ flags: 'S', seq: P + 3 }, 30);
    f.expectReply({ flags: 'A', seq: L + 2, ack: P + 1 });
  });
  it('out-of-window → ACK', () => {
    const f = finWait1();
    f.recv({ flags: 'A', seq: P - 70_000, ack: L + 1 }, 30);
    f.expectReply({ flags: 'A', seq: L + 2, ack: P + 1 });
  });
});

describe('FIN-WAIT-2', () => {
  it('FIN → ACK, TIME-WAIT', () => {
    const f = finWait2();
    f.recv({ flags: 'FA' }, 40);
    f.expectReply({ flags: 'A', seq: L + 2, ack: P + 2 });
    expect(f.state()).toBe('TIME-WAIT');
  });
  it('data after close() → RST <SEQ=SEG.ACK>, CLOSED (RFC 9293 3.6; kernel oracle data-after-close)', () => {
    for (const profile of ['rfc', 'linux'] as const) {
      const f = finWait2({ profile });
      f.recv({ flags: 'PA', data: 'tail' }, 40);
      f.expectReply({ flags: 'R', seq: L + 2 });
      expect(f.state(), profile).toBe('CLOSED');
    }
  });
  it('out-of-order data after close() is new data too → RST', () => {
    const f = finWait2({ profile: 'linux' });
    f.recv({ flags: 'PA', seq: P + 100, data: 'tail' }, 40);
    f.expectReply({ flags: 'R', seq: L + 2 });
  });
  it('classic: data → ACK (RFC 793)', () => {
    const f = finWait2({ profile: 'classic' });
    f.recv({ flags: 'PA', data: 'tail' }, 40);
    f.expectReply({ flags: 'A', seq: L + 2, ack: P + 5 });
  });
  it('RST → CLOSED', () => {
    const f = finWait2();
    f.recv({ flags: 'R' }, 40);
    expect(f.state()).toBe('CLOSED');
  });
  it('SYN → challenge ACK', () => {
    const f = finWait2();
    f.recv({ flags: 'S', seq: P + 3 }, 40);
    f.expectReply({ flags: 'A', seq: L + 2, ack: P + 1 });
  });
  it('out-of-window → ACK', () => {
    const f = finWait2();
    f.recv({ flags: 'PA', seq: P + 90_000, data: 'x' }, 40);
    f.expectReply({ flags: 'A', seq: L + 2, ack: P + 1 });
  });
});

describe('CLOSE-WAIT (peer FIN consumed, RCV.NXT = P+2)', () => {
  it('retransmitted FIN → ACK', () => {
    const f = closeWait();
    f.recv({ flags: 'FA', seq: P + 1 }, 40);
    f.expectReply({ flags: 'A', seq: L + 1, ack: P + 2 });
    expect(f.state()).toBe('CLOSE-WAIT');
  });
  it('pure ACK → no reply', () => {
    const f = closeWait();
    f.recv({ flags: 'A' }, 40);
    f.expectNoReply();
  });
  it('data after the FIN → ignored (RFC 9293 seventh step), not delivered', () => {
    const f = closeWait();
    f.recv({ flags: 'PA', data: 'late' }, 40);
    f.expectNoReply();
    expect(f.stack.received(KEY).length).toBe(0);
  });
  it('send() still works: data goes out', () => {
    const f = closeWait();
    f.advance(40);
    f.stack.send(KEY, new TextEncoder().encode('bye'), 40);
    f.expectReply({ flags: 'AP', seq: L + 1, ack: P + 2, len: 3 });
  });
  it('RST → CLOSED, app reset', () => {
    const f = closeWait();
    f.recv({ flags: 'R' }, 40);
    expect(f.state()).toBe('CLOSED');
    expect(f.appEvents()).toContain('reset');
  });
  it('SYN → challenge ACK', () => {
    const f = closeWait();
    f.recv({ flags: 'S' }, 40);
    f.expectReply({ flags: 'A', seq: L + 1, ack: P + 2 });
  });
});

describe('LAST-ACK (our FIN L+1 outstanding after the peer closed)', () => {
  it('close() in CLOSE-WAIT sent FIN', () => {
    const f = closeWait();
    f.advance(30);
    f.stack.close(KEY, 30);
    f.expectReply({ flags: 'AF', seq: L + 1, ack: P + 2 });
    expect(f.state()).toBe('LAST-ACK');
  });
  it('ACK of our FIN → CLOSED', () => {
    const f = lastAck();
    f.recv({ flags: 'A', ack: L + 2 }, 40);
    f.expectNoReply();
    expect(f.state()).toBe('CLOSED');
  });
  it('retransmitted FIN → ACK', () => {
    const f = lastAck();
    f.recv({ flags: 'FA', seq: P + 1, ack: L + 1 }, 40);
    f.expectReply({ flags: 'A', seq: L + 2, ack: P + 2 });
    expect(f.state()).toBe('LAST-ACK');
  });
  it('RST → CLOSED without an application reset', () => {
    const f = lastAck();
    f.recv({ flags: 'R' }, 40);
    expect(f.state()).toBe('CLOSED');
    expect(f.appEvents()).not.toContain('reset');
  });
  it('SYN → challenge ACK', () => {
    const f = lastAck();
    f.recv({ flags: 'S', ack: L + 1 }, 40);
    f.expectReply({ flags: 'A', seq: L + 2, ack: P + 2 });
  });
});

describe('CLOSING', () => {
  it('ACK of our FIN → TIME-WAIT', () => {
    const f = closing();
    f.recv({ flags: 'A' }, 40);
    f.expectNoReply();
    expect(f.state()).toBe('TIME-WAIT');
  });
  it('retransmitted FIN → ACK', () => {
    const f = closing();
    f.recv({ flags: 'FA', seq: P + 1, ack: L + 1 }, 40);
    f.expectReply({ flags: 'A', seq: L + 2, ack: P + 2 });
    expect(f.state()).toBe('CLOSING');
  });
  it('RST → CLOSED', () => {
    const f = closing();
    f.recv({ flags: 'R' }, 40);
    expect(f.state()).toBe('CLOSED');
  });
  it('SYN → challenge ACK', () => {
    const f = closing();
    f.recv({ flags: 'S' }, 40);
    f.expectReply({ flags: 'A', seq: L + 2, ack: P + 2 });
  });
});

describe('TIME-WAIT (rfc: 2MSL = 240 s)', () => {
  it('retransmitted FIN → ACK and the 2MSL timer restarts', () => {
    const f = timeWait();
    f.recv({ flags: 'FA', seq: P + 1 }, 100_000);
    f.expectReply({ flags: 'A', seq: L + 2, ack: P + 2 });
    const restart = f.trace.filter((e) => e.kind === 'timer' && e.timer === 'time-wait' && e.op === 'start');
    expect(restart.map((e) => (e.kind === 'timer' ? e.dueMs : 0))).toEqual([340_000]);
    f.advance(339_999);
    expect(f.state()).toBe('TIME-WAIT');
    f.advance(340_000);
    expect(f.state()).toBe('CLOSED');
  });
  it('expires 2MSL after entry', () => {
    const f = timeWait();
    f.advance(40 + 240_000 - 1);
    expect(f.state()).toBe('TIME-WAIT');
    f.advance(40 + 240_000);
    expect(f.state()).toBe('CLOSED');
  });
  it('RST → CLOSED (RFC 9293; RFC 1337 protection not applied)', () => {
    const f = timeWait();
    f.recv({ flags: 'R' }, 50);
    expect(f.state()).toBe('CLOSED');
  });
  it('old SYN (below RCV.NXT) → ACK', () => {
    const f = timeWait();
    f.recv({ flags: 'S', seq: P }, 50);
    f.expectReply({ flags: 'A', seq: L + 2, ack: P + 2 });
    expect(f.state()).toBe('TIME-WAIT');
  });
  it('new SYN above RCV.NXT with a listener → TIME-WAIT ends, a new connection is answered (RFC 1122 4.2.2.13)', () => {
    const f = timeWait();
    f.recv({ flags: 'S', seq: P + 50_000 }, 50);
    f.expectReply({ flags: 'SA', seq: L, ack: P + 50_001 });
    expect(f.state()).toBe('SYN-RECEIVED');
  });
  it('ACK → nothing', () => {
    const f = timeWait();
    f.recv({ flags: 'A' }, 50);
    f.expectNoReply();
  });
  it('out-of-window data → ACK', () => {
    const f = timeWait();
    f.recv({ flags: 'PA', seq: P + 80_000, data: 'x' }, 50);
    f.expectReply({ flags: 'A', seq: L + 2, ack: P + 2 });
  });
});
