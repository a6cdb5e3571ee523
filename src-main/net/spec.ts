// The runnable part of a scenario (tcplab.scenario/1, see ../shared/DESIGN.md): hosts, network, rules, steps.
// lab/ validates the JSON file (zod) into this shape; net/ runs it. Titles and narratives live in lab/.
import type { ProfileName, TeachingVariants } from '../tcp/api.js';

export interface HostSpec {
  name: string;
  ip: string;
  /** Overrides the scenario's profile for this host. */
  profile?: ProfileName;
  sysctl?: Record<string, number>;
  variants?: TeachingVariants;
  /** Per-host link to the router; defaults come from NetworkSpec. */
  link?: LinkSpec;
}

export interface LinkSpec {
  /** One-way propagation delay host↔router. The path A→router→B costs A's delay + B's delay. */
  delayMs?: number;
  /** Serialization rate; omitted = infinite. */
  bandwidthBps?: number;
  /** Router output-queue capacity toward this host, in packets (drop-tail). */
  queueCapacity?: number;
}

export type NetworkSpec = LinkSpec;

export interface RuleMatch {
  from?: string;
  to?: string;
  /** Exact flag set, letters S A F R P U E C in any order. */
  flags?: string;
  /** Matches when the segment carries any of these letters. */
  flagsAny?: string;
  seqFrom?: number;
  seqTo?: number;
  len?: number;
  /** Counts matches from 1: only the nth match fires. */
  nth?: number;
  /** 0 … 1, drawn from the rule's own seeded stream. */
  probability?: number;
}

export type RuleAction =
  | { action: 'drop' }
  | { action: 'delay'; delayMs: number }
  | { action: 'duplicate'; count: number }
  | { action: 'reorder'; after: number }
  | { action: 'corrupt' }
  | { action: 'hold' }
  | { action: 'cache' };

export type RuleSpec = { match: RuleMatch; enabled?: boolean; id?: string } & RuleAction;

export type AppCallName = 'listen' | 'connect' | 'send' | 'close' | 'shutdown' | 'abort' | 'accept' | 'autoaccept' | 'read' | 'autoread';
/** Every call a step can make: the application's socket calls, and `crash` (the whole host). */
export type CallName = AppCallName | 'crash';
export type AppTrigger = 'connected' | 'accepted' | 'data' | 'eof';

/** An application call on one socket. */
export interface SocketCall {
  host: string;
  call: AppCallName;
  /** Local port of the socket. */
  port: number;
  /** For a server-side connection: "ip:port" of the peer. */
  peer?: string;
  /** connect: "ip:port". */
  to?: string;
  backlog?: number;
  /** send: UTF-8 text … */
  data?: string;
  /** … or a byte count of generated data (deterministic pattern). */
  bytes?: number;
  /** read: max bytes; autoread and autoaccept: 1 on, 0 off. */
  value?: number;
}

/**
 * The host crashes (RFC 9293 3.5.2): it loses every connection, listener, timer and queued byte without
 * sending anything, drops what reaches it while down, and comes back up downMs later with no sockets
 * (downMs omitted: it stays down). net/crash.ts.
 */
export interface CrashCall {
  host: string;
  call: 'crash';
  /** Only for a reactive crash: the local port whose application event (`on`) triggers it. */
  port?: number;
  downMs?: number;
}

export type StepCall = SocketCall | CrashCall;

/** A step runs at atMs, or when the host's application sees `on` (then afterMs later). */
export type StepTiming = { atMs: number } | { on: AppTrigger; afterMs?: number };
export type StepSpec = StepCall & StepTiming;
/** A step that is a socket call (any step but a crash). */
export type SocketStepSpec = SocketCall & StepTiming;

export interface SynFloodSpec {
  /** Attacker host name (must be in hosts). */
  from: string;
  /** Target "ip:port". */
  target: string;
  startMs: number;
  ratePerSec: number;
  count: number;
}

export interface RunSpec {
  seed: number;
  profile: ProfileName;
  hosts: HostSpec[];
  network: NetworkSpec;
  rules: RuleSpec[];
  steps: StepSpec[];
  floods?: SynFloodSpec[];
  untilMs: number;
}
