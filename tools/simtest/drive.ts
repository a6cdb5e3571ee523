// Runs one generated scenario: the spec's listens and connects run inside the network; the application's
// sends and closes and the random interventions are applied through Network.apply at their planned times.
// Refusals (NetError) are expected and counted; any other exception is a finding.
import { Network, NetError, type Intervention, type TraceSink } from '../../src-main/net/index.js';
import type { SocketCall } from '../../src-main/net/spec.js';
import { Prng } from '../../src-main/tcp/prng.js';
import type { ConnPlan, PlanAction, Side, SimScenario } from './gen.js';
import { drawIntervention } from './intervene.js';

export interface DriveResult {
  net: Network;
  /** Bytes each side's application handed to send() successfully, per connection index. */
  sent: Map<number, Record<Side, Uint8Array[]>>;
  /** "index:side" of every side whose abort() succeeded. */
  aborted: Set<string>;
  applied: number;
  refused: number;
  /** Exceptions other than NetError, with the action that raised them. */
  crashes: string[];
}

export function sideCall(c: ConnPlan, side: Side, call: SocketCall['call']): SocketCall {
  return side === 'client'
    ? { host: c.client, call, port: c.clientPort }
    : { host: c.server, call, port: c.serverPort, peer: `${c.clientIp}:${c.clientPort}` };
}

function ascii(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

function tryApply(net: Network, cmd: Intervention, r: DriveResult): ReturnType<Network['apply']> | undefined {
  try {
    const res = net.apply(cmd);
    r.applied++;
    return res;
  } catch (err) {
    if (err instanceof NetError) {
      r.refused++;
      return undefined;
    }
    r.crashes.push(`${JSON.stringify(cmd).slice(0, 300)} threw ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return undefined;
  }
}

function appCall(sc: SimScenario, net: Network, a: Extract<PlanAction, { conn: number }>, r: DriveResult): void {
  const c = sc.conns[a.conn]!;
  const call = a.kind === 'final-close' ? 'close' : a.kind;
  const step = sideCall(c, a.side, call);
  if (a.kind === 'send') step.data = a.text;
  const res = tryApply(net, { atMs: net.nowMs, op: 'call', step }, r);
  const ok = res !== undefined && res.status === 'applied' && res.call !== null && res.call.ok;
  if (!ok) return;
  if (a.kind === 'send') r.sent.get(a.conn)![a.side].push(ascii(a.text));
  if (a.kind === 'abort') r.aborted.add(`${a.conn}:${a.side}`);
}

export function drive(sc: SimScenario, sink: TraceSink): DriveResult {
  const net = new Network(sc.spec, sink);
  const r: DriveResult = {
    net, sent: new Map(sc.conns.map((c) => [c.index, { client: [], server: [] }])), aborted: new Set(), applied: 0, refused: 0, crashes: [],
  };
  const rng = new Prng(sc.seed).derive('driver');
  try {
    for (const a of sc.plan) {
      if (a.atMs > net.nowMs) net.runUntil(a.atMs);
      if (a.kind !== 'intervene') {
        appCall(sc, net, a, r);
        continue;
      }
      // One in five is scheduled for later: it is checked now and applied (or refused) when its time comes.
      const later = rng.chance(0.2) ? rng.int(1, 10_000) : 0;
      tryApply(net, drawIntervention(rng, net, net.nowMs + later, sc.conns), r);
    }
    net.run();
  } catch (err) {
    r.crashes.push(`the network threw at ${net.nowMs} ms: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  }
  return r;
}
