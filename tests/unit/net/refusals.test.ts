// Refused interventions throw a typed NetError naming what was wrong, and change nothing: the trace,
// the router, the action log and everything that follows are exactly as without the command.
import { describe, expect, it } from 'vitest';
import { NetError } from '../../../src-main/net/errors.js';
import type { Intervention } from '../../../src-main/net/interventions.js';
import type { Network } from '../../../src-main/net/network.js';
import { B_IP, CONNECT, LISTEN, spec, start } from './helpers.js';

function refusal(net: Network, cmd: Intervention): NetError {
  try {
    net.apply(cmd);
  } catch (e) {
    if (e instanceof NetError) return e;
    throw e;
  }
  throw new Error(`command was accepted: ${JSON.stringify(cmd)}`);
}

const s = () => spec({ steps: [LISTEN, CONNECT, { atMs: 100, host: 'A', call: 'send', port: 40000, data: 'hello' }] });

describe('refused interventions', () => {
  const at = 105; // "hello" (#4) is on A's link; #1-#3 (the handshake) are delivered
  const cases: Array<[string, Intervention, NetError['code'], string | RegExp, string?]> = [
    ['unknown id', { atMs: at, op: 'drop', id: 99 }, 'unknown-packet', 'no packet #99 (packets so far: #1-#4)', 'id'],
    ['delivered packet', { atMs: at, op: 'hold', id: 1 }, 'already-delivered', 'packet #1 was already delivered at 20 ms', 'id'],
    ['non-integer id', { atMs: at, op: 'drop', id: 1.5 }, 'unknown-packet', 'packet id 1.5 is not an integer >= 1', 'id'],
    ['seq below 0', { atMs: at, op: 'edit', id: 4, fields: { seq: -1 } }, 'invalid-edit', 'fields.seq: -1 is not an integer 0-4294967295', 'fields.seq'],
    ['seq of 2^32', { atMs: at, op: 'edit', id: 4, fields: { seq: 4294967296 } }, 'invalid-edit', 'fields.seq: 4294967296 is not an integer 0-4294967295', 'fields.seq'],
    ['fractional ack', { atMs: at, op: 'edit', id: 4, fields: { ack: 2.5 } }, 'invalid-edit', 'fields.ack: 2.5 is not an integer 0-4294967295', 'fields.ack'],
    ['window 65536', { atMs: at, op: 'edit', id: 4, fields: { window: 65536 } }, 'invalid-edit', 'fields.window: 65536 is not an integer 0-65535', 'fields.window'],
    ['unknown flag', { atMs: at, op: 'edit', id: 4, fields: { flags: 'SX' } }, 'invalid-edit', 'fields.flags: unknown flag letter "X" in "SX" (use S A F R P U E C)', 'fields.flags'],
    ['payload too large', { atMs: at, op: 'edit', id: 4, fields: { payloadText: 'x'.repeat(65496) } }, 'invalid-edit', 'fields.payload: 65496 bytes is larger than the 65495 an IPv4 packet can carry', 'fields.payload'],
    ['unknown field', { atMs: at, op: 'edit', id: 4, fields: { ttl: 3 } as never }, 'invalid-edit', 'fields.ttl: unknown field (editable: flags, seq, ack, window, payloadText, payloadHex)', 'fields.ttl'],
    ['release of a packet that is not parked', { atMs: at, op: 'release', id: 4 }, 'not-interceptable', 'packet #4 cannot be released: it is on its sender\'s link'],
    ['move outside the queue', { atMs: at, op: 'move', id: 4, toIndex: 0 }, 'not-interceptable', 'packet #4 cannot be moved within the queue: it is on its sender\'s link'],
    ['replay of an uncached packet', { atMs: at, op: 'replay', id: 4 }, 'not-cached', 'packet #4 is not in the router cache (cached: none)'],
    ['inject from an unknown host', { atMs: at, op: 'inject', from: 'Z', seg: { srcPort: 1, dstIp: B_IP, dstPort: 80, seq: 0, flags: 'S' } }, 'unknown-host', 'no host "Z"'],
    ['inject with a bad address', { atMs: at, op: 'inject', from: 'A', seg: { srcPort: 1, dstIp: '10.0.0.300', dstPort: 80, seq: 0, flags: 'S' } }, 'invalid-edit', /^seg\.dstIp: invalid IPv4 address "10\.0\.0\.300"/ /* rest of the text is the codec's */],
    ['unknown rule', { atMs: at, op: 'rule.remove', rule: 'nope' }, 'unknown-rule', 'no rule "nope" (rules: none)'],
    ['command in the past', { atMs: 50, op: 'drop', id: 4 }, 'in-the-past', 'command at 50 ms is in the past (now 105 ms)'],
    ['zero delay', { atMs: at, op: 'delay', id: 4, delayMs: 0 }, 'invalid-command', 'delayMs 0 is not in (0, 86400000]'],
  ];

  for (const [name, cmd, code, message, path] of cases) {
    it(`${name}: ${code}`, () => {
      const { net, rec } = start(s());
      net.runUntil(at);
      const linesBefore = rec.lines();
      const viewBefore = net.routerView();
      const rulesBefore = net.rules().list();
      const err = refusal(net, cmd);
      expect(err.code).toBe(code);
      if (typeof message === 'string') expect(err.message).toBe(message);
      else expect(err.message).toMatch(message);
      if (path !== undefined) expect(err.path).toBe(path);
      expect(rec.lines()).toEqual(linesBefore);
      expect(net.routerView()).toEqual(viewBefore);
      expect(net.rules().list()).toEqual(rulesBefore);
      expect(net.actions()).toEqual([]);
      // …and the future is the same as a run that never saw the command.
      net.runUntil(3000);
      const clean = start(s());
      clean.net.runUntil(3000);
      expect(rec.lines()).toEqual(clean.rec.lines());
    });
  }

  it('a dropped packet cannot be touched again', () => {
    const { net } = start(s());
    net.runUntil(at);
    net.apply({ atMs: at, op: 'drop', id: 4 });
    expect(() => net.apply({ atMs: at, op: 'delay', id: 4, delayMs: 5 })).toThrow('packet #4 was already dropped at 105 ms (dropped by user)');
  });

  it('an evicted record is reported as no longer on record', () => {
    const { net } = start(s(), { limits: { packetRecords: 2 } });
    net.runUntil(at);
    expect(net.packet(1)).toBeUndefined();
    expect(net.packetStats()).toEqual({ lastId: 4, evicted: 2, live: 1 });
    expect(() => net.apply({ atMs: at, op: 'drop', id: 1 })).toThrow('packet #1 is no longer on record (only the last 2 are kept)');
  });
});
