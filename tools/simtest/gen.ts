// VOPR-style scenario generator: one seed → one random but fully determined lab run. The seed's Prng is
// split into named streams (TigerBeetle's "one seed drives everything, each subsystem its own stream"), so
// changing how faults are drawn never shifts the topology or the data of the same seed.
import type { HostSpec, RuleSpec, RunSpec, StepSpec } from '../../src-main/net/spec.js';
import type { ProfileName } from '../../src-main/tcp/api.js';
import { Prng } from '../../src-main/tcp/prng.js';

export type CloseKind = 'close' | 'shutdown' | 'abort';
export type Side = 'client' | 'server';

export interface ConnPlan {
  index: number;
  client: string;
  clientIp: string;
  clientPort: number;
  server: string;
  serverIp: string;
  serverPort: number;
  connectAtMs: number;
}

/** One application call the driver makes through Network.apply at atMs (or a random intervention). */
export type PlanAction =
  | { atMs: number; kind: 'send'; conn: number; side: Side; text: string }
  | { atMs: number; kind: CloseKind; conn: number; side: Side }
  /** The application's last word: close whatever is left, so every connection can end (see settleMs). */
  | { atMs: number; kind: 'final-close'; conn: number; side: Side }
  | { atMs: number; kind: 'intervene' };

export interface SimScenario {
  seed: number;
  spec: RunSpec;
  conns: ConnPlan[];
  /** Sorted by atMs (stable: plan order breaks ties). */
  plan: PlanAction[];
  /** Time of the last planned action. */
  lastActionMs: number;
}

/**
 * How long after the last action every connection must be CLOSED or TIME-WAIT. The slowest legal tail is
 * a FIN retransmitted until tcp_retries2 runs out (Linux: 15 retries capped at rto_max 120 s ≈ 924 s),
 * then FIN-WAIT-2 (classic: tcp_fin_timeout 600 s): about 1,530 s. One virtual hour leaves room for a
 * late retransmission that restarted the count; it costs nothing but the events that happen in it.
 */
export const SETTLE_MS = 3_600_000;

const PROFILES: readonly ProfileName[] = ['rfc', 'linux', 'classic'];
const MAX_CONNS = 20;

export function pick<T>(rng: Prng, items: readonly T[]): T {
  return items[rng.int(0, items.length - 1)]!;
}

/** Printable text, so a byte out of place shows in a diff; letters from the seed, not a fixed pattern. */
function text(rng: Prng, bytes: number): string {
  let out = '';
  for (let i = 0; i < bytes; i++) out += String.fromCharCode(0x21 + rng.int(0, 93));
  return out;
}

function dataSize(rng: Prng): number {
  const r = rng.next();
  if (r < 0.15) return 0;
  if (r < 0.65) return rng.int(1, 2000);
  if (r < 0.92) return rng.int(2001, 20_000);
  return rng.int(20_001, 80_000);
}

function hostSysctl(rng: Prng): Record<string, number> {
  // The rfc profile has no FIN-WAIT-2 timer (tcp_fin_timeout 0, as RFC 9293): a FIN-WAIT-2 whose peer
  // vanished (its RST lost, or reset by an injected RST) then waits forever, correctly. Every host gets a
  // finite one, so "every connection ends within a bound" is a property a correct engine has.
  const out: Record<string, number> = { 'net.ipv4.tcp_fin_timeout': rng.int(1, 600) };
  if (rng.chance(0.4)) return out;
  if (rng.chance(0.5)) out['net.ipv4.tcp_sack'] = rng.int(0, 1);
  if (rng.chance(0.5)) out['net.ipv4.tcp_window_scaling'] = rng.int(0, 1);
  if (rng.chance(0.4)) out['net.ipv4.tcp_retries2'] = rng.int(3, 15);
  if (rng.chance(0.3)) out['tcplab.delack_ms'] = rng.int(0, 200);
  // Not below 536 (RFC 9293 3.7.1's default): with tiny segments, held packets and 30 % loss an 80 KB
  // transfer can legitimately outlast the settle bound.
  if (rng.chance(0.3)) out['tcplab.mss'] = rng.int(536, 1460);
  if (rng.chance(0.3)) out['tcplab.rcvbuf_bytes'] = rng.int(2000, 262_144);
  if (rng.chance(0.3)) out['tcplab.nagle'] = rng.int(0, 1);
  if (rng.chance(0.3)) out['tcplab.msl_ms'] = rng.int(0, 60_000);
  return out;
}

function hosts(rng: Prng): { clients: HostSpec[]; servers: HostSpec[] } {
  const link = () => (rng.chance(0.3) ? {
    delayMs: rng.int(0, 80),
    ...(rng.chance(0.3) ? { bandwidthBps: rng.int(100_000, 100_000_000) } : {}),
    ...(rng.chance(0.3) ? { queueCapacity: rng.int(2, 64) } : {}),
  } : undefined);
  const make = (name: string, ip: string): HostSpec => {
    const h: HostSpec = { name, ip };
    if (rng.chance(0.3)) h.profile = pick(rng, PROFILES);
    h.sysctl = hostSysctl(rng);
    const l = link();
    if (l) h.link = l;
    return h;
  };
  const clients = Array.from({ length: rng.int(1, 3) }, (_, i) => make(`C${i + 1}`, `10.0.1.${i + 1}`));
  const servers = Array.from({ length: rng.int(1, 2) }, (_, i) => make(`S${i + 1}`, `10.0.2.${i + 1}`));
  return { clients, servers };
}

/** Router faults: drop ≤ 30 %, duplicates, reorders, delays, corruption, holds and caches. */
function faultRules(rng: Prng, names: readonly string[]): RuleSpec[] {
  const rules: RuleSpec[] = [];
  const n = rng.int(0, 5);
  for (let i = 0; i < n; i++) {
    const match: RuleSpec['match'] = {};
    if (rng.chance(0.3)) match.from = pick(rng, names);
    if (rng.chance(0.2)) match.flagsAny = pick(rng, ['S', 'F', 'R', 'A', 'P', 'SF']);
    const kind = pick(rng, ['drop', 'drop', 'delay', 'duplicate', 'reorder', 'corrupt', 'hold', 'cache'] as const);
    // A held packet never comes back by itself: as lossy as a drop, so it shares the loss budget.
    const maxPermille = kind === 'hold' ? 100 : 300;
    if (rng.chance(0.1)) match.nth = rng.int(1, 20);
    else match.probability = Math.round(rng.next() * maxPermille) / 1000;
    switch (kind) {
      case 'delay': rules.push({ match, action: 'delay', delayMs: rng.int(1, 3000) }); break;
      case 'duplicate': rules.push({ match, action: 'duplicate', count: rng.int(1, 3) }); break;
      case 'reorder': rules.push({ match, action: 'reorder', after: rng.int(1, 4) }); break;
      default: rules.push({ match, action: kind });
    }
  }
  return rules;
}

function connPlans(rng: Prng, clients: HostSpec[], servers: HostSpec[], ports: Map<string, number[]>): ConnPlan[] {
  const count = rng.int(1, MAX_CONNS);
  return Array.from({ length: count }, (_, index) => {
    const c = pick(rng, clients), s = pick(rng, servers);
    return {
      index, client: c.name, clientIp: c.ip, clientPort: 40000 + index, server: s.name, serverIp: s.ip,
      serverPort: pick(rng, ports.get(s.name)!), connectAtMs: rng.int(0, 5000),
    };
  });
}

/** Sends, then the side's close (close / shutdown then close on EOF / abort), then a final close. */
function sidePlan(rng: Prng, conn: ConnPlan, side: Side, horizonMs: number): PlanAction[] {
  const out: PlanAction[] = [];
  let t = conn.connectAtMs + rng.int(0, 3000);
  for (let k = rng.int(0, 3); k > 0; k--) {
    out.push({ atMs: t, kind: 'send', conn: conn.index, side, text: text(rng, dataSize(rng)) });
    t += rng.int(0, 4000);
  }
  const r = rng.next();
  const kind: CloseKind = r < 0.6 ? 'close' : r < 0.85 ? 'shutdown' : 'abort';
  t += rng.int(0, 20_000);
  out.push({ atMs: t, kind, conn: conn.index, side });
  out.push({ atMs: Math.max(t, horizonMs) + rng.int(0, 5000), kind: 'final-close', conn: conn.index, side });
  return out;
}

export function generate(seed: number): SimScenario {
  const root = new Prng(seed);
  const topo = root.derive('topology'), data = root.derive('data'), faults = root.derive('faults'), when = root.derive('interventions');
  const { clients, servers } = hosts(topo);
  const ports = new Map(servers.map((s) => [s.name, topo.chance(0.3) ? [80, 443] : [80]]));
  const conns = connPlans(topo, clients, servers, ports);
  const steps: StepSpec[] = [];
  for (const s of servers) for (const port of ports.get(s.name)!) steps.push({ atMs: 0, host: s.name, call: 'listen', port, backlog: 128 });
  for (const c of conns) steps.push({ atMs: c.connectAtMs, host: c.client, call: 'connect', port: c.clientPort, to: `${c.serverIp}:${c.serverPort}` });
  const horizonMs = 60_000;
  const plan: PlanAction[] = [];
  for (const c of conns) plan.push(...sidePlan(data, c, 'client', horizonMs), ...sidePlan(data, c, 'server', horizonMs));
  for (let k = when.int(0, 30); k > 0; k--) plan.push({ atMs: when.int(0, horizonMs), kind: 'intervene' });
  const order = plan.map((a, i) => ({ a, i })).sort((x, y) => x.a.atMs - y.a.atMs || x.i - y.i).map((x) => x.a);
  const lastActionMs = order.reduce((m, a) => Math.max(m, a.atMs), 0);
  const names = [...clients, ...servers].map((h) => h.name);
  const spec: RunSpec = {
    seed: root.derive('engine').seed,
    profile: pick(topo, PROFILES),
    hosts: [...clients, ...servers],
    network: { delayMs: topo.int(0, 60) },
    rules: faultRules(faults, names),
    steps,
    untilMs: lastActionMs + SETTLE_MS,
  };
  return { seed, spec, conns, plan: order, lastActionMs };
}
