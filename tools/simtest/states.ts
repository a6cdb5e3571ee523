// One TcpStack per RFC 9293 state, reached by real segments (no private fields poked), for the segment
// fuzzer. The stack under test is 10.0.0.2:80; the peer 10.0.0.1:40000 is scripted. No vitest here:
// the same code runs in `npm run simtest` and in the unit tests.
import type { ProfileName } from '../../src-main/tcp/api.js';
import { lettersToFlags, type Segment } from '../../src-main/tcp/segment.js';
import { TcpStack } from '../../src-main/tcp/stack.js';
import type { TcpTraceEvent } from '../../src-main/tcp/trace.js';

export const LOCAL = '10.0.0.2';
export const PEER = '10.0.0.1';
export const KEY = `${LOCAL}:80>${PEER}:40000`;
const LOCAL_ISN = 10_000;
const PEER_ISN = 5_000;

export class StateRig {
  readonly stack: TcpStack;
  readonly trace: TcpTraceEvent[] = [];
  readonly out: Segment[] = [];
  nowMs = 0;
  peerSeq = PEER_ISN;
  nextId = 1;

  constructor(profile: ProfileName, seed: number) {
    this.stack = new TcpStack({
      host: 'S', ip: LOCAL, profile, seed,
      sysctl: { 'tcplab.isn': LOCAL_ISN, 'tcplab.delack_ms': 0 },
      sink: { emit: (ev) => void this.trace.push(ev) },
      transmit: (seg) => void this.out.push(seg),
    });
  }

  seg(flags: string, seq: number, ack: number, data = 0): Segment {
    return {
      srcIp: PEER, srcPort: 40000, dstIp: LOCAL, dstPort: 80, seq: seq >>> 0, ack: ack >>> 0,
      flags: lettersToFlags(flags)!, window: 65535, urgent: 0, options: flags.includes('S') ? { mss: 1460 } : {},
      payload: new Uint8Array(data).fill(0x61),
    };
  }

  /** Fires due timers up to tMs, then delivers seg at tMs. */
  input(seg: Segment, tMs: number): void {
    this.advance(tMs);
    this.stack.input(seg, tMs, this.nextId++);
  }

  advance(tMs: number): void {
    for (let guard = 0; guard < 100_000; guard++) {
      const due = this.stack.nextDueMs();
      if (due > tMs) break;
      this.nowMs = due;
      this.stack.advance(due);
    }
    this.nowMs = Math.max(this.nowMs, tMs);
  }

  state(): string {
    return this.stack.status(KEY)?.state ?? 'CLOSED';
  }
}

type Build = (r: StateRig) => void;
const L = LOCAL_ISN, P = PEER_ISN;

const listen: Build = (r) => r.stack.listen(80, 16, 0);
const synRcvd: Build = (r) => { listen(r); r.input(r.seg('S', P, 0), 0); r.peerSeq = P + 1; };
const established: Build = (r) => { synRcvd(r); r.input(r.seg('A', P + 1, L + 1), 10); };
const finWait1: Build = (r) => { established(r); r.stack.close(KEY, 20); };
const finWait2: Build = (r) => { finWait1(r); r.input(r.seg('A', P + 1, L + 2), 30); };
const closing: Build = (r) => { finWait1(r); r.input(r.seg('FA', P + 1, L + 1), 30); r.peerSeq = P + 2; };
const timeWait: Build = (r) => { finWait2(r); r.input(r.seg('FA', P + 1, L + 2), 40); r.peerSeq = P + 2; };
const closeWait: Build = (r) => { established(r); r.input(r.seg('FA', P + 1, L + 1), 20); r.peerSeq = P + 2; };
const lastAck: Build = (r) => { closeWait(r); r.stack.close(KEY, 30); };
const synSent: Build = (r) => { r.stack.connect(80, `${PEER}:40000`, 0); };

/** Every state the fuzzer starts from, by its RFC name (CLOSED = a host with nothing on port 80). */
export const STATE_BUILDERS: ReadonlyArray<[string, Build]> = [
  ['CLOSED', () => undefined], ['LISTEN', listen], ['SYN-SENT', synSent], ['SYN-RECEIVED', synRcvd],
  ['ESTABLISHED', established], ['FIN-WAIT-1', finWait1], ['FIN-WAIT-2', finWait2], ['CLOSING', closing],
  ['TIME-WAIT', timeWait], ['CLOSE-WAIT', closeWait], ['LAST-ACK', lastAck],
];

/** A rig in the named state; throws if the scripted segments did not get it there (a fixture bug). */
export function rigIn(stateIndex: number, profile: ProfileName, seed: number): StateRig {
  const [name, build] = STATE_BUILDERS[stateIndex]!;
  const r = new StateRig(profile, seed);
  build(r);
  const got = name === 'LISTEN' ? (r.stack.listening().includes(80) ? 'LISTEN' : 'CLOSED') : r.state();
  if (got !== name) throw new Error(`fixture for ${name} (${profile}) ended in ${got}`);
  r.trace.length = 0;
  r.out.length = 0;
  return r;
}
