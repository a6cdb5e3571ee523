// Segment fuzzer: random and mutated segments, seeded, into a TcpStack in every RFC 9293 state and every
// profile, plus random and mutated bytes through the codec (decodeIpv4Tcp) whose successes are fed to the
// stack too. Invariants per run: input()/advance() never throw and never emit a "BUG" note, every state
// change is an RFC_EDGES edge that starts where the connection was, and SND.UNA ≤ SND.NXT.
import type { ProfileName } from '../../src-main/tcp/api.js';
import { decodeIpv4Tcp, encodeIpv4Tcp } from '../../src-main/tcp/codec.js';
import { isLegalTransition } from '../../src-main/tcp/edges.js';
import { Prng } from '../../src-main/tcp/prng.js';
import type { Segment, TcpOptions } from '../../src-main/tcp/segment.js';
import { seqLe } from '../../src-main/tcp/seq.js';
import { pick } from './gen.js';
import { KEY, LOCAL, PEER, rigIn, STATE_BUILDERS, type StateRig } from './states.js';

export interface SegmentFuzzResult {
  /** Segments given to TcpStack.input (generated, mutated, or decoded from fuzzed bytes). */
  segments: number;
  runs: number;
  states: number;
  /** Byte arrays given to decodeIpv4Tcp. */
  codecCases: number;
  failures: string[];
}

const PROFILES: readonly ProfileName[] = ['rfc', 'linux', 'classic'];
const FLAG_BITS = 0xff;

function options(rng: Prng): TcpOptions {
  const o: TcpOptions = {};
  if (rng.chance(0.3)) o.mss = pick(rng, [0, 1, 536, 1460, 65535, rng.int(0, 65535)]);
  if (rng.chance(0.2)) o.wscale = pick(rng, [0, 7, 14, 15, 255]);
  if (rng.chance(0.2)) o.sackPermitted = true;
  if (rng.chance(0.2)) o.sack = Array.from({ length: rng.int(1, 4) }, () => [rng.nextU32(), rng.nextU32()] as [number, number]);
  if (rng.chance(0.1)) o.timestamp = { val: rng.nextU32(), ecr: rng.nextU32() };
  return o;
}

/** Offsets that hit the edges of the windows: 0, ±1, a window away, half the space away. */
function offset(rng: Prng): number {
  return pick(rng, [0, 0, 1, -1, rng.int(-3000, 3000), rng.int(-70_000, 70_000), 0x7fffffff, 0x80000000, rng.nextU32()]);
}

function generated(rng: Prng, r: StateRig): Segment {
  const tcb = r.stack.status(KEY)?.tcb;
  const rcvNxt = tcb?.rcvNxt ?? r.peerSeq, sndNxt = tcb?.sndNxt ?? 10_001, sndUna = tcb?.sndUna ?? 10_001;
  const other = rng.chance(0.05);
  return {
    srcIp: other ? pick(rng, ['10.0.0.9', PEER, '0.0.0.0']) : PEER, srcPort: other ? rng.int(0, 65535) : 40000,
    dstIp: LOCAL, dstPort: rng.chance(0.05) ? rng.int(0, 65535) : 80,
    seq: (rcvNxt + offset(rng)) >>> 0, ack: ((rng.chance(0.5) ? sndNxt : sndUna) + offset(rng)) >>> 0,
    flags: rng.chance(0.7) ? pick(rng, [0x10, 0x18, 0x11, 0x19, 0x02, 0x12, 0x04, 0x14, 0x01, 0x00]) : rng.int(0, FLAG_BITS),
    window: pick(rng, [0, 1, 65535, rng.int(0, 65535)]), urgent: rng.chance(0.1) ? rng.int(0, 65535) : 0,
    options: rng.chance(0.3) ? options(rng) : {},
    payload: new Uint8Array(pick(rng, [0, 0, 1, rng.int(1, 1460), rng.int(1461, 9000)])).fill(0x62),
  };
}

/** The stack's own last segment, turned around as the peer's reply, with one field spoiled. */
function mutated(rng: Prng, r: StateRig): Segment {
  const last = r.out[r.out.length - 1];
  if (last === undefined) return generated(rng, r);
  const seg: Segment = {
    srcIp: last.dstIp, srcPort: last.dstPort, dstIp: last.srcIp, dstPort: last.srcPort, seq: last.ack,
    ack: (last.seq + last.payload.length + ((last.flags & 0x03) !== 0 ? 1 : 0)) >>> 0, flags: last.flags,
    window: last.window, urgent: 0, options: { ...last.options }, payload: new Uint8Array(0),
  };
  switch (rng.int(0, 5)) {
    case 0: seg.flags ^= 1 << rng.int(0, 7); break;
    case 1: seg.seq = (seg.seq + offset(rng)) >>> 0; break;
    case 2: seg.ack = (seg.ack + offset(rng)) >>> 0; break;
    case 3: seg.window = rng.int(0, 65535); break;
    case 4: seg.payload = new Uint8Array(rng.int(1, 3000)).fill(0x63); break;
    default: seg.options = options(rng);
  }
  return seg;
}

/** Random bytes, or a real encoding with bits flipped / cut / extended. Decoded ones go to the stack. */
function codecCase(rng: Prng, seg: Segment): Uint8Array {
  if (rng.chance(0.3)) {
    const n = rng.int(0, 120);
    const b = new Uint8Array(n);
    for (let i = 0; i < n; i++) b[i] = rng.int(0, 255);
    if (n > 0 && rng.chance(0.5)) b[0] = 0x45;
    return b;
  }
  let bytes: Uint8Array;
  try {
    bytes = encodeIpv4Tcp(seg);
  } catch {
    return new Uint8Array(0); // an option set that does not fit in 40 bytes: the encoder refuses, rightly
  }
  const m = rng.int(0, 3);
  if (m === 0) return bytes.slice(0, rng.int(0, bytes.length));
  if (m === 1) return new Uint8Array([...bytes, ...Array.from({ length: rng.int(1, 8) }, () => rng.int(0, 255))]);
  for (let k = rng.int(1, 4); k > 0; k--) bytes[rng.int(0, bytes.length - 1)]! ^= 1 << rng.int(0, 7);
  return bytes;
}

function checkRun(r: StateRig, where: string, failures: string[]): void {
  const last = new Map<string, string>();
  for (const ev of r.trace) {
    if (ev.kind === 'note' && ev.text.startsWith('BUG')) failures.push(`${where}: ${ev.text}`);
    if (ev.kind !== 'state') continue;
    if (!isLegalTransition(ev.from, ev.to)) failures.push(`${where}: illegal ${ev.from} → ${ev.to} (${ev.cause})`);
    const prev = last.get(ev.conn);
    if (prev !== undefined && prev !== ev.from && !(ev.from === 'LISTEN' && prev === 'CLOSED')) failures.push(`${where}: ${ev.from} → ${ev.to} but ${ev.conn} was ${prev}`);
    last.set(ev.conn, ev.to);
  }
  for (const key of r.stack.connections()) {
    const tcb = r.stack.status(key)?.tcb;
    if (tcb && !seqLe(tcb.sndUna, tcb.sndNxt)) failures.push(`${where}: ${key} SND.UNA ${tcb.sndUna} > SND.NXT ${tcb.sndNxt}`);
  }
}

/** Runs about `total` engine segments; failures name the seed and run that reproduce them. */
export function fuzzSegments(total: number, seed: number): SegmentFuzzResult {
  const res: SegmentFuzzResult = { segments: 0, runs: 0, states: STATE_BUILDERS.length, codecCases: 0, failures: [] };
  const root = new Prng(seed);
  for (let run = 0; res.segments < total; run++) {
    const rng = root.derive(`run ${run}`);
    const stateIndex = run % STATE_BUILDERS.length, profile = PROFILES[Math.floor(run / STATE_BUILDERS.length) % 3]!;
    const where = `fuzz-segments seed ${seed} run ${run} (${STATE_BUILDERS[stateIndex]![0]}, ${profile})`;
    const r = rigIn(stateIndex, profile, seed + run);
    let t = r.nowMs;
    try {
      for (let k = rng.int(1, 40); k > 0 && res.segments < total; k--) {
        t += pick(rng, [0, 0, 1, rng.int(1, 500), rng.int(500, 200_000)]);
        const seg = rng.chance(0.5) ? generated(rng, r) : mutated(rng, r);
        if (rng.chance(0.25)) {
          res.codecCases++;
          const decoded = decodeIpv4Tcp(codecCase(rng, seg));
          if (!decoded.ok && decoded.error.length < 10) res.failures.push(`${where}: uninformative codec error "${decoded.error}"`);
          if (!decoded.ok) continue;
          r.input(decoded.seg, t);
        } else {
          r.input(seg, t);
        }
        res.segments++;
      }
      r.advance(t + 3_600_000);
    } catch (err) {
      res.failures.push(`${where}: threw ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
    checkRun(r, where, res.failures);
    res.runs++;
    if (res.failures.length > 100) break;
  }
  return res;
}
