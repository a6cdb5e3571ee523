// Records one scenario on the real kernel: namespaces + sysctls + nft drops + capture + the two agents,
// then normalises the capture into a fixture. Everything it creates is torn down in `finally`.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startAgent, type Agent } from './agents.js';
import { startCapture, readCapture, type Capture } from './capture.js';
import { applySysctls, CLIENT_IP, createPair, destroyPair, SERVER_IP, type Pair } from './netns.js';
import { installNft, nftRules, nftScript, readCounters } from './nft.js';
import { dropsByRule, normalise } from './normalise.js';
import { sh, sleep } from './sh.js';
import { ORACLE_FORMAT, type DropRecord, type OracleFixture, type OracleScenario } from './types.js';

/** Time between "both agents ready" and t0, so the go message reaches both before anything is due. */
const LEAD_MS = 300;
/** Hard bound on a scenario beyond its own duration (start-up of dumpcap, node, tsx, clean-up). */
const OVERHEAD_BOUND_MS = 45_000;

export const VANTAGE = 'dumpcap on the client\'s veth end: every packet either side sent, including the ones an nft rule then dropped at the receiver\'s ingress (prerouting, raw priority). The engine side uses segment.send events, i.e. also every packet sent, dropped or not.';
export const LINK = { oneWayDelayMs: 0, note: 'veth with no delay (this kernel has no sch_netem, CONFIG_NET_SCH_NETEM unset): RTT is tens of microseconds; delay scenarios are not recorded.' };

interface Live {
  pair: Pair;
  capture?: Capture;
  agents: Agent[];
  dir: string;
}

/** Clean-up of everything a live recording holds; safe to call twice. */
export function teardown(live: Live): void {
  for (const a of live.agents) a.kill();
  live.capture?.proc.kill('SIGKILL');
  destroyPair(live.pair);
  rmSync(live.dir, { recursive: true, force: true });
}

function withBound<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} exceeded ${ms} ms`)), ms);
  });
  return Promise.race([p, bound]).finally(() => clearTimeout(timer));
}

export async function recordScenario(sc: OracleScenario, pair: Pair, onLive: (live: Live | null) => void): Promise<OracleFixture> {
  const live: Live = { pair, agents: [], dir: mkdtempSync(path.join(os.tmpdir(), 'tlo-')) };
  onLive(live);
  try {
    return await withBound(run(sc, live), sc.durationMs + OVERHEAD_BOUND_MS, `scenario ${sc.name}`);
  } finally {
    teardown(live);
    onLive(null);
  }
}

async function run(sc: OracleScenario, live: Live): Promise<OracleFixture> {
  const { pair } = live;
  createPair(pair);
  const sysctl = { client: applySysctls(pair.client, sc.sysctl), server: applySysctls(pair.server, sc.sysctl) };
  const rules = nftRules(sc.rules);
  installNft(pair.client, nftScript(rules, 'client-ingress'));
  installNft(pair.server, nftScript(rules, 'server-ingress'));
  const pcap = path.join(live.dir, 'trace.pcap');
  live.capture = await startCapture(pair.client, pair.clientDev, pcap);
  const steps = (host: string) => sc.steps.filter((s) => s.host === host);
  const serverPlan = { role: 'server' as const, ip: SERVER_IP, steps: steps('B'), ...(sc.acceptPausedUntilMs !== undefined ? { acceptPausedUntilMs: sc.acceptPausedUntilMs } : {}) };
  live.agents.push(await startAgent(pair.server, serverPlan));
  live.agents.push(await startAgent(pair.client, { role: 'client', ip: CLIENT_IP, steps: steps('A') }));
  const t0 = Date.now() + LEAD_MS;
  for (const a of live.agents) a.go(t0);
  await sleep(t0 + sc.durationMs - Date.now());
  await live.capture.stop();
  const counters = new Map([...readCounters(pair.client), ...readCounters(pair.server)]);
  const packets = normalise(readCapture(pcap));
  const found = dropsByRule(packets, sc.rules);
  const drops: DropRecord[] = rules.map((r) => ({ rule: r.rule, nft: r.text, at: r.at, count: counters.get(r.rule) ?? 0, packets: found[r.rule] ?? [] }));
  for (const d of drops) {
    if (d.count !== d.packets.length) throw new Error(`${sc.name}: nft rule ${d.rule} dropped ${d.count} packets but the trace shows ${d.packets.length} fitting ones`);
    for (const i of d.packets) packets[i]!.dropped = true;
  }
  const app = live.agents.flatMap((a) => a.events).sort((x, y) => x.tMs - y.tMs);
  return {
    format: ORACLE_FORMAT,
    name: sc.name,
    description: sc.description,
    kernel: sh('uname', ['-r']).trim(),
    recordedAt: new Date().toISOString(),
    vantage: VANTAGE,
    link: LINK,
    sysctl,
    scenario: { sysctl: sc.sysctl, steps: sc.steps, rules: sc.rules, ...(sc.acceptPausedUntilMs !== undefined ? { acceptPausedUntilMs: sc.acceptPausedUntilMs } : {}), durationMs: sc.durationMs },
    drops,
    app,
    packets,
    knownDifferences: sc.knownDifferences,
  };
}
