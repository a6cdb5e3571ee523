// Random user interventions, drawn at run time from what is really in the router (so most of them apply)
// plus a share of impossible ones (unknown ids, wrong places, future times) that must be refused cleanly.
// Only interventions that keep the byte-stream invariant meaningful are drawn: edits change the window
// (never payload, seq or flags) and injected segments carry no payload. An in-window injected RST is
// allowed: it resets the connection, and the trace then shows the RST that explains it.
import type { Intervention, Network } from '../../src-main/net/index.js';
import type { Prng } from '../../src-main/tcp/prng.js';
import { pick, type ConnPlan } from './gen.js';

type Op = Intervention['op'];
const PACKET_OPS: readonly Op[] = ['drop', 'delay', 'hold', 'release', 'move', 'duplicate', 'corrupt', 'cache', 'edit'];

function packetOp(rng: Prng, atMs: number, id: number): Intervention {
  const op = pick(rng, PACKET_OPS);
  switch (op) {
    case 'delay': return { atMs, op, id, delayMs: rng.int(1, 5000) };
    case 'move': return { atMs, op, id, toIndex: rng.int(0, 3) };
    case 'duplicate': return { atMs, op, id, count: rng.int(1, 3) };
    case 'edit': return { atMs, op, id, fields: { window: rng.int(0, 65535) } };
    default: return { atMs, op: op as 'drop', id };
  }
}

/** A segment from one endpoint of a planned connection: a RST at the exact RCV.NXT, or a bare ACK/SYN. */
function injection(rng: Prng, net: Network, atMs: number, conns: readonly ConnPlan[]): Intervention {
  const c = pick(rng, conns);
  const fromClient = rng.chance(0.5);
  const [from, src, srcPort, dstHost, dst, dstPort] = fromClient
    ? [c.client, c.clientIp, c.clientPort, c.server, c.serverIp, c.serverPort]
    : [c.server, c.serverIp, c.serverPort, c.client, c.clientIp, c.clientPort];
  const receiverKey = `${dst}:${dstPort}>${src}:${srcPort}`;
  const tcb = net.stack(dstHost).status(receiverKey)?.tcb;
  const exact = tcb !== undefined && rng.chance(0.5);
  // Far from every window (a quarter of the sequence space away): such a segment may only be answered or
  // dropped. A random number could land in the window by chance and, e.g., truncate the stream with a FIN.
  const far = (base: number) => (base + 0x80000000 + rng.int(0, 0x20000000)) >>> 0;
  const seq = exact ? tcb.rcvNxt : tcb ? far(tcb.rcvNxt) : rng.nextU32();
  const flags = exact ? 'R' : pick(rng, ['R', 'A', 'S', 'RA', 'SA', 'F', 'FA']);
  // Acknowledging what the real peer has not received would be a successful spoof, not an engine fault:
  // ack either repeats SND.UNA (a duplicate ACK) or lies far outside the send window.
  const ack = tcb === undefined ? rng.nextU32() : rng.chance(0.5) ? tcb.sndUna : far(tcb.sndUna);
  // Spoofing from the other end's host is what an attacker on the path does; the srcIp stays the real one.
  const sender = rng.chance(0.3) ? dstHost : from;
  return { atMs, op: 'inject', from: sender, seg: { srcIp: src, srcPort, dstIp: dst, dstPort, seq, ack, flags, window: rng.int(0, 65535) } };
}

function ruleOp(rng: Prng, net: Network, atMs: number): Intervention {
  const rules = net.rules().list();
  const r = rng.next();
  if (rules.length > 0 && r < 0.4) {
    const id = pick(rng, rules).id;
    return rng.chance(0.5) ? { atMs, op: 'rule.enable', rule: id, enabled: rng.chance(0.5) } : { atMs, op: 'rule.remove', rule: id };
  }
  if (rules.length > 1 && r < 0.5) return { atMs, op: 'rule.move', rule: pick(rng, rules).id, toIndex: rng.int(0, rules.length - 1) };
  const probability = Math.round(rng.next() * 300) / 1000;
  const action = pick(rng, ['drop', 'duplicate', 'corrupt'] as const);
  const rule = action === 'duplicate' ? { match: { probability }, action, count: 1 } : { match: { probability }, action };
  return { atMs, op: 'rule.add', rule };
}

/** One random intervention for time atMs (= net.nowMs, or later for a scheduled one). */
export function drawIntervention(rng: Prng, net: Network, atMs: number, conns: readonly ConnPlan[]): Intervention {
  const view = net.routerView();
  const r = rng.next();
  if (r < 0.55 && view.packets.length > 0) return packetOp(rng, atMs, pick(rng, view.packets).id);
  if (r < 0.62 && view.cached.length > 0) return { atMs, op: 'replay', id: pick(rng, view.cached).id };
  if (r < 0.72) return injection(rng, net, atMs, conns);
  if (r < 0.82) return ruleOp(rng, net, atMs);
  // Impossible on purpose: a packet id that is gone or never existed, or a bad value. Must be refused.
  const lastId = net.packetStats().lastId;
  return packetOp(rng, atMs, rng.int(1, lastId + 10));
}
