// RFC 9293 3.10.7.1-3.10.7.4 scenarios for CLOSED, LISTEN, SYN-SENT and SYN-RECEIVED: each state receiving
// SYN, SYN-ACK, ACK, FIN, RST, in- and out-of-window segments and data, with the exact reply asserted.
import { describe, expect, it } from 'vitest';
import { KEY, closedPort, listening, synReceived, synSent } from './fixtures.js';

const L = 10000;
const P = 5000;

describe('CLOSED (no socket on the port) — RFC 9293 3.10.7.1', () => {
  it('SYN → RST,ACK <SEQ=0><ACK=SEG.SEQ+SEG.LEN>', () => {
    const f = closedPort();
    f.recv({ flags: 'S', seq: P }, 5);
    f.expectReply({ flags: 'AR', seq: 0, ack: P + 1 });
    expect(f.drops()).toEqual(['closed port: RST sent']);
  });
  it('SYN-ACK → RST <SEQ=SEG.ACK>', () => {
    const f = closedPort();
    f.recv({ flags: 'SA', seq: P, ack: 777 });
    f.expectReply({ flags: 'R', seq: 777 });
  });
  it('ACK → RST <SEQ=SEG.ACK>', () => {
    const f = closedPort();
    f.recv({ flags: 'A', seq: P, ack: 4242 });
    f.expectReply({ flags: 'R', seq: 4242 });
  });
  it('FIN,ACK → RST <SEQ=SEG.ACK>', () => {
    const f = closedPort();
    f.recv({ flags: 'FA', seq: P, ack: 99 });
    f.expectReply({ flags: 'R', seq: 99 });
  });
  it('data without ACK → RST,ACK acknowledging SEG.SEQ+SEG.LEN', () => {
    const f = closedPort();
    f.recv({ flags: 'P', seq: P, data: 'abcd' });
    f.expectReply({ flags: 'AR', seq: 0, ack: P + 4 });
  });
  it('RST → dropped silently', () => {
    const f = closedPort();
    f.recv({ flags: 'R', seq: P });
    f.expectNoReply();
  });
});

describe('LISTEN — RFC 9293 3.10.7.2', () => {
  it('SYN → SYN-ACK <SEQ=ISS><ACK=RCV.NXT>, child enters SYN-RECEIVED', () => {
    const f = listening();
    f.recv({ flags: 'S', seq: P, options: { mss: 1000 } }, 7);
    const sa = f.expectReply({ flags: 'SA', seq: L, ack: P + 1, win: 65535 });
    expect(sa.options.mss).toBe(1460);
    expect(f.state()).toBe('SYN-RECEIVED');
    const ev = f.trace.find((e) => e.kind === 'state' && e.conn === KEY);
    expect(ev && ev.kind === 'state' ? [ev.from, ev.to, ev.t] : []).toEqual(['LISTEN', 'SYN-RECEIVED', 7]);
  });
  it('ACK → RST <SEQ=SEG.ACK>', () => {
    const f = listening();
    f.recv({ flags: 'A', seq: P, ack: 31337 });
    f.expectReply({ flags: 'R', seq: 31337 });
    expect(f.state()).toBe('CLOSED');
  });
  it('SYN-ACK → RST <SEQ=SEG.ACK>', () => {
    const f = listening();
    f.recv({ flags: 'SA', seq: P, ack: 555 });
    f.expectReply({ flags: 'R', seq: 555 });
  });
  it('FIN,ACK → RST', () => {
    const f = listening();
    f.recv({ flags: 'FA', seq: P, ack: 556 });
    f.expectReply({ flags: 'R', seq: 556 });
  });
  it('RST → ignored', () => {
    const f = listening();
    f.recv({ flags: 'R', seq: P });
    f.expectNoReply();
    expect(f.drops()).toEqual(['RST in LISTEN is ignored (RFC 9293 3.10.7.2)']);
  });
  it('data without SYN/ACK/RST → dropped', () => {
    const f = listening();
    f.recv({ flags: 'P', seq: P, data: 'x' });
    f.expectNoReply();
  });
});

describe('SYN-SENT — RFC 9293 3.10.7.3', () => {
  it('SYN-ACK acknowledging our SYN → ACK, ESTABLISHED, app connected', () => {
    const f = synSent();
    f.recv({ flags: 'SA', seq: P, ack: L + 1 }, 10);
    f.expectReply({ flags: 'A', seq: L + 1, ack: P + 1, win: 65535 });
    expect(f.state()).toBe('ESTABLISHED');
    expect(f.appEvents()).toEqual(['connected']);
  });
  it('SYN (simultaneous open) → SYN-ACK <SEQ=ISS><ACK=RCV.NXT>, SYN-RECEIVED', () => {
    const f = synSent();
    f.recv({ flags: 'S', seq: P }, 10);
    f.expectReply({ flags: 'SA', seq: L, ack: P + 1 });
    expect(f.state()).toBe('SYN-RECEIVED');
  });
  it('SYN-ACK with an unacceptable ACK → RST <SEQ=SEG.ACK>, stays SYN-SENT', () => {
    const f = synSent();
    f.recv({ flags: 'SA', seq: P, ack: L + 5 });
    f.expectReply({ flags: 'R', seq: L + 5 });
    expect(f.state()).toBe('SYN-SENT');
  });
  it('ACK ≤ ISS → RST <SEQ=SEG.ACK>', () => {
    const f = synSent();
    f.recv({ flags: 'A', seq: P, ack: L });
    f.expectReply({ flags: 'R', seq: L });
  });
  it('acceptable ACK without SYN → dropped, no reply', () => {
    const f = synSent();
    f.recv({ flags: 'A', seq: P, ack: L + 1 });
    f.expectNoReply();
    expect(f.state()).toBe('SYN-SENT');
  });
  it('FIN,ACK without SYN → dropped', () => {
    const f = synSent();
    f.recv({ flags: 'FA', seq: P, ack: L + 1 });
    f.expectNoReply();
    expect(f.state()).toBe('SYN-SENT');
  });
  it('RST,ACK acknowledging our SYN → CLOSED, app refused', () => {
    const f = synSent();
    f.recv({ flags: 'AR', seq: 0, ack: L + 1 }, 3);
    f.expectNoReply();
    expect(f.state()).toBe('CLOSED');
    expect(f.appEvents()).toEqual(['refused', 'closed']);
  });
  it('RST without ACK → ignored', () => {
    const f = synSent();
    f.recv({ flags: 'R', seq: P });
    f.expectNoReply();
    expect(f.state()).toBe('SYN-SENT');
  });
  it('RST with an unacceptable ACK → ignored', () => {
    const f = synSent();
    f.recv({ flags: 'AR', seq: 0, ack: L + 9 });
    f.expectNoReply();
    expect(f.state()).toBe('SYN-SENT');
  });
  it('SYN-ACK carrying data → the data is delivered and acknowledged', () => {
    const f = synSent();
    f.recv({ flags: 'SA', seq: P, ack: L + 1, data: 'hi' }, 10);
    f.expectReply({ flags: 'A', seq: L + 1, ack: P + 3 });
    expect(new TextDecoder().decode(f.stack.received(KEY))).toBe('hi');
  });
});

describe('SYN-RECEIVED (passive) — RFC 9293 3.10.7.4', () => {
  it('ACK of our SYN → ESTABLISHED, no reply, app accepted', () => {
    const f = synReceived();
    f.recv({ flags: 'A' }, 10);
    f.expectNoReply();
    expect(f.state()).toBe('ESTABLISHED');
    expect(f.appEvents()).toEqual(['accepted']);
  });
  it('unacceptable ACK → RST <SEQ=SEG.ACK>', () => {
    const f = synReceived();
    f.recv({ flags: 'A', ack: L + 7 }, 10);
    f.expectReply({ flags: 'R', seq: L + 7 });
    expect(f.state()).toBe('SYN-RECEIVED');
  });
  it('retransmitted SYN → SYN-ACK again (Linux tcp_check_req)', () => {
    const f = synReceived();
    f.recv({ flags: 'S', seq: P }, 500);
    f.expectReply({ flags: 'SA', seq: L, ack: P + 1 });
    expect(f.out.length).toBe(0);
  });
  it('a different SYN returns the connection to LISTEN, which answers the new SYN', () => {
    const f = synReceived();
    f.recv({ flags: 'S', seq: P + 100 }, 10);
    f.expectReply({ flags: 'SA', seq: L, ack: P + 101 });
    expect(f.state()).toBe('SYN-RECEIVED');
  });
  it('third ACK carrying data → ESTABLISHED and the data is acknowledged', () => {
    const f = synReceived();
    f.recv({ flags: 'PA', data: 'abc' }, 10);
    f.expectReply({ flags: 'A', seq: L + 1, ack: P + 4 });
    expect(f.state()).toBe('ESTABLISHED');
  });
  it('FIN with the ACK → ESTABLISHED then CLOSE-WAIT, FIN acknowledged', () => {
    const f = synReceived();
    f.recv({ flags: 'FA' }, 10);
    f.expectReply({ flags: 'A', seq: L + 1, ack: P + 2 });
    expect(f.state()).toBe('CLOSE-WAIT');
  });
  it('RST at RCV.NXT → half-open connection removed, listener still listening', () => {
    const f = synReceived();
    f.recv({ flags: 'R' }, 10);
    f.expectNoReply();
    expect(f.state()).toBe('CLOSED');
    f.recv({ flags: 'S', seq: 9000 }, 20);
    f.expectReply({ flags: 'SA', seq: L, ack: 9001 });
  });
  it('RST outside the window → ignored', () => {
    const f = synReceived();
    f.recv({ flags: 'R', seq: P + 200_000 }, 10);
    f.expectNoReply();
    expect(f.state()).toBe('SYN-RECEIVED');
  });
  it('out-of-window segment → ACK <SEQ=SND.NXT><ACK=RCV.NXT>', () => {
    const f = synReceived();
    f.recv({ flags: 'A', seq: P + 100_000, data: 'zz' }, 10);
    f.expectReply({ flags: 'A', seq: L + 1, ack: P + 1 });
    expect(f.state()).toBe('SYN-RECEIVED');
  });
  it('data without ACK bit → dropped', () => {
    const f = synReceived();
    f.recv({ flags: 'P', data: 'q' }, 10);
    f.expectNoReply();
    expect(f.state()).toBe('SYN-RECEIVED');
  });
});
