// Builds the network's state from a RunSpec: checks it (lab/ validates the JSON with zod first; these
// checks keep net/ safe on its own), creates one TcpStack per host with its own seed, the links and the
// router queues, the rules, the timed steps and the floods.
import type { StackOptions } from '../tcp/api.js';
import { ipToU32 } from '../tcp/codec.js';
import { Prng } from '../tcp/prng.js';
import { NetState, type HostRuntime, type LinkState, type NetLimits, type StackFactory } from './core.js';
import { NetError } from './errors.js';
import { checkFlood, startFlood } from './flood.js';
import { HostSink, makeTransmit } from './hooks.js';
import { RuleBook } from './rules.js';
import type { HostSpec, LinkSpec, RunSpec } from './spec.js';
import { checkStep, scheduleSpecSteps } from './steps.js';
import { ROUTER, type TraceSink } from './trace.js';

/** Link defaults when neither the host nor the network says: a LAN-ish 10 ms, no bandwidth limit. */
export const DEFAULT_LINK = { delayMs: 10, queueCapacity: 1000 } as const;

export type { StackFactory };

function checkLink(l: LinkSpec | undefined, path: string): void {
  if (l === undefined) return;
  const bad = (field: string, msg: string) => new NetError('invalid-spec', msg, `${path}.${field}`);
  if (l.delayMs !== undefined && !(Number.isFinite(l.delayMs) && l.delayMs >= 0)) throw bad('delayMs', `delayMs ${l.delayMs} is not a number >= 0`);
  if (l.bandwidthBps !== undefined && !(Number.isFinite(l.bandwidthBps) && l.bandwidthBps > 0)) throw bad('bandwidthBps', `bandwidthBps ${l.bandwidthBps} is not a number > 0`);
  if (l.queueCapacity !== undefined && !(Number.isInteger(l.queueCapacity) && l.queueCapacity >= 1)) throw bad('queueCapacity', `queueCapacity ${l.queueCapacity} is not an integer >= 1`);
}

function checkHosts(hosts: HostSpec[]): void {
  if (!Array.isArray(hosts) || hosts.length === 0) throw new NetError('invalid-spec', 'a network needs at least one host', 'hosts');
  const names = new Set<string>(), ips = new Set<string>();
  hosts.forEach((h, i) => {
    const path = `hosts[${i}]`;
    if (typeof h.name !== 'string' || h.name === '' || h.name === ROUTER) throw new NetError('invalid-spec', `host name "${h.name}" is empty or reserved`, `${path}.name`);
    if (names.has(h.name)) throw new NetError('invalid-spec', `host name "${h.name}" is used twice`, `${path}.name`);
    try {
      ipToU32(h.ip);
    } catch (e) {
      throw new NetError('invalid-spec', (e as Error).message, `${path}.ip`);
    }
    if (ips.has(h.ip)) throw new NetError('invalid-spec', `address ${h.ip} is used twice`, `${path}.ip`);
    names.add(h.name);
    ips.add(h.ip);
    checkLink(h.link, `${path}.link`);
  });
}

function linkOf(spec: RunSpec, h: HostSpec, prng: Prng): LinkState {
  const l = h.link ?? {}, n = spec.network ?? {};
  return {
    delayMs: l.delayMs ?? n.delayMs ?? DEFAULT_LINK.delayMs,
    bandwidthBps: l.bandwidthBps ?? n.bandwidthBps ?? null,
    queueCapacity: l.queueCapacity ?? n.queueCapacity ?? DEFAULT_LINK.queueCapacity,
    prng: prng.derive(`link:${h.name}`),
  };
}

/**
 * The options of host h's TCP stack at boot n (0: the first; n: after its nth crash, net/crash.ts). Each boot
 * has its own seed, so a rebooted host has new ISN and SYN-cookie secrets and a new ephemeral-port stream, as
 * a real reboot gives it, and boot 0's seed is the one it always had.
 */
export function stackOptions(s: NetState, h: HostSpec, boot: number): StackOptions {
  const label = boot === 0 ? `host:${h.name}` : `host:${h.name}#boot${boot}`;
  const opts: StackOptions = {
    host: h.name, ip: h.ip, profile: h.profile ?? s.spec.profile, seed: s.prng.derive(label).nextU32(),
    sink: new HostSink(s), transmit: makeTransmit(s, h.name),
  };
  if (h.sysctl !== undefined) opts.sysctl = { ...h.sysctl };
  if (h.variants !== undefined) opts.variants = { ...h.variants };
  return opts;
}

export function buildState(spec: RunSpec, sink: TraceSink, limits: NetLimits, createStack: StackFactory): NetState {
  checkHosts(spec.hosts);
  checkLink(spec.network, 'network');
  const names = new Set(spec.hosts.map((h) => h.name));
  const prng = new Prng(spec.seed);
  const rules = new RuleBook(prng, names);
  const s = new NetState(spec, sink, rules, prng, prng.derive('user'), limits, createStack);
  for (const h of spec.hosts) {
    const runtime: HostRuntime = {
      name: h.name, ip: h.ip, stack: createStack(stackOptions(s, h, 0)), link: linkOf(spec, h, prng), timerGen: 0, wakeAtMs: Infinity,
      downSinceMs: -1, upAtMs: Infinity, upGen: 0, crashes: 0,
    };
    s.hosts.set(h.name, runtime);
    s.hostByIp.set(h.ip, runtime);
    s.queues.set(h.name, { toward: h.name, ids: [], busyGen: 0, busyUntilMs: null });
  }
  (spec.rules ?? []).forEach((r, i) => {
    try {
      rules.insert(rules.build(r));
    } catch (e) {
      if (e instanceof NetError) throw new NetError(e.code, `rules[${i}]: ${e.message}`, `rules[${i}].${e.path ?? ''}`);
      throw e;
    }
  });
  (spec.steps ?? []).forEach((st, i) => {
    checkStep(st, names, `steps[${i}]`);
    if ('atMs' in st && !(Number.isFinite(st.atMs) && st.atMs >= 0)) throw new NetError('invalid-spec', `atMs ${st.atMs} is not a time >= 0`, `steps[${i}].atMs`);
  });
  scheduleSpecSteps(s, spec.steps ?? []);
  (spec.floods ?? []).forEach((f, i) => checkFlood(f, names, `floods[${i}]`));
  for (const f of spec.floods ?? []) startFlood(s, f);
  return s;
}
