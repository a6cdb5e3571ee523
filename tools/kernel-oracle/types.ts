// The kernel-oracle fixture format (tcplab.oracle/1): a scenario, how it was recorded on a real Linux
// kernel, and the normalised packet trace the capture saw. Shared by the recorder (tools/kernel-oracle)
// and the comparison test (tests/unit/oracle). Pure types: no Node imports.
import type { RuleSpec, SocketStepSpec } from '../../src-main/net/spec.js';

export const ORACLE_FORMAT = 'tcplab.oracle/1';

/** "c>s": client (host A, 10.77.0.1) to server (host B, 10.77.0.2). */
export type Dir = 'c>s' | 's>c';

/** One packet as the capture point saw it, before normalisation (kernel capture or engine trace). */
export interface RawPacket {
  /** Absolute time in ms (capture clock or virtual time). */
  tMs: number;
  fromClient: boolean;
  clientPort: number;
  /** Letters in tcplab's canonical order S A F R P U E C. */
  flags: string;
  /** Absolute 32-bit sequence and acknowledgment numbers. */
  seq: number;
  ack: number;
  len: number;
}

/** A normalised packet: seq/ack relative to each side's ISN, time relative to the first SYN. */
export interface NormPacket {
  dir: Dir;
  flags: string;
  /** Relative to the sender's ISN (its first SYN on this connection); absolute if it never sent one. */
  seq: number;
  /** Relative to the receiver's ISN; 0 when the ACK flag is off; absolute if the receiver never sent a SYN. */
  ack: number;
  len: number;
  /** Milliseconds since the first SYN of the trace, rounded to 0.1 ms. */
  tMs: number;
  /** The client's port: tells connections apart in multi-connection scenarios. */
  cport: number;
  /** Present when a drop rule discarded this packet at the receiver (it was still on the wire). */
  dropped?: true;
}

export type DiffField = 'tMs' | 'flags' | 'seq' | 'ack' | 'len' | 'dropped';

/**
 * A deliberate engine/kernel difference the comparison ignores — exactly this one and nothing else.
 * `only-kernel` / `only-engine` remove one packet from that side before the traces are paired.
 */
export type KnownDifference =
  | { kernelPacket: number; field: DiffField; why: string }
  | { kernelPacket: number; field: 'only-kernel'; why: string }
  | { enginePacket: number; field: 'only-engine'; why: string };

/** One scenario, written once and used both to drive the kernel and to build the engine's RunSpec. */
export interface OracleScenario {
  name: string;
  description: string;
  /** Applied to both namespaces (and both engine hosts where the engine has the knob). */
  sysctl: Record<string, number>;
  /** tcplab steps: host A is the client, host B the server. */
  steps: SocketStepSpec[];
  /** tcplab drop rules; the recorder turns each into an nft rule at the receiver's ingress. */
  rules: RuleSpec[];
  /** The server application does not accept() until this time (listen backlog demos). */
  acceptPausedUntilMs?: number;
  /** How long the capture runs after t0 (the connect call). */
  durationMs: number;
  knownDifferences: KnownDifference[];
}

export interface DropRecord {
  /** Index of the rule in scenario.rules. */
  rule: number;
  /** The nft rule that implemented it, and the namespace side whose ingress ran it. */
  nft: string;
  at: 'client-ingress' | 'server-ingress';
  /** Packets the nft counter says it dropped. */
  count: number;
  /** Indices in `packets` of the packets it dropped (found by re-applying the match to the trace). */
  packets: number[];
}

export interface AppEvent {
  /** ms since t0 (wall clock of the agent). */
  tMs: number;
  role: 'client' | 'server';
  ev: string;
  port: number;
  detail?: string;
}

export interface OracleFixture {
  format: typeof ORACLE_FORMAT;
  name: string;
  description: string;
  kernel: string;
  recordedAt: string;
  /** Where the trace was captured and what that means for the comparison. */
  vantage: string;
  link: { oneWayDelayMs: number; note: string };
  /** Values read back from each namespace after setting them. */
  sysctl: { client: Record<string, number>; server: Record<string, number> };
  scenario: Omit<OracleScenario, 'knownDifferences' | 'name' | 'description'>;
  drops: DropRecord[];
  app: AppEvent[];
  packets: NormPacket[];
  knownDifferences: KnownDifference[];
}
