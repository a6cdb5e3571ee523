// From a validated scenario to net's RunSpec, and lesson compare-runs applied as overrides.
// Objects are built with a fixed key order and without undefined fields, so the RunSpec serialises the
// same way every time (determinism: same scenario → byte-identical trace).
import type { HostSpec, RuleSpec, RunSpec, StepCall, StepSpec } from '../net/spec.js';
import type { CompareRun } from './scenario-schema.js';
import type { ScenarioV1 } from './scenario-schema.js';

function defined<T extends object>(obj: T): T {
  const out = {} as T;
  for (const key of Object.keys(obj) as Array<keyof T>) if (obj[key] !== undefined) out[key] = obj[key];
  return out;
}

function hostSpec(h: ScenarioV1['hosts'][number]): HostSpec {
  return defined({
    name: h.name,
    ip: h.ip,
    profile: h.profile,
    sysctl: h.sysctl ? { ...h.sysctl } : undefined,
    variants: h.variants ? { ...h.variants } : undefined,
    link: h.link ? { ...h.link } : undefined,
  });
}

function ruleSpec(r: ScenarioV1['rules'][number]): RuleSpec {
  return defined({ ...r, match: defined({ ...r.match }) });
}

function callOf(s: ScenarioV1['steps'][number]): StepCall {
  if (s.call === 'crash') return defined({ host: s.host, call: s.call, port: s.port, downMs: s.downMs });
  // scenario-refs.ts guarantees a port for every other call.
  return defined({
    host: s.host, call: s.call, port: s.port ?? 0, peer: s.peer, to: s.to,
    backlog: s.backlog, data: s.data, bytes: s.bytes, value: s.value,
  });
}

function stepSpec(s: ScenarioV1['steps'][number]): StepSpec {
  const call = callOf(s);
  // scenario-refs.ts guarantees exactly one of atMs / on.
  if (s.on !== undefined) return defined({ ...call, on: s.on, afterMs: s.afterMs });
  return { ...call, atMs: s.atMs ?? 0 };
}

export function toRunSpec(s: ScenarioV1): RunSpec {
  const run: RunSpec = {
    seed: s.seed,
    profile: s.profile,
    hosts: s.hosts.map(hostSpec),
    network: { ...s.network },
    rules: s.rules.map(ruleSpec),
    steps: s.steps.map(stepSpec),
    untilMs: s.untilMs,
  };
  if (s.floods) run.floods = s.floods.map((f) => ({ ...f }));
  return run;
}

/**
 * The scenario as a compare-run sees it: the run's profile, per-host sysctl/variants merged over the
 * scenario's (key by key), and rules/steps/actions/untilMs replaced when the compare-run gives them.
 */
export function withCompare(s: ScenarioV1, c: CompareRun): ScenarioV1 {
  const hosts = s.hosts.map((h) => {
    const o = c.hosts?.[h.name];
    if (!o) return h;
    return defined({
      ...h,
      sysctl: o.sysctl || h.sysctl ? { ...h.sysctl, ...o.sysctl } : undefined,
      variants: o.variants || h.variants ? { ...h.variants, ...o.variants } : undefined,
    });
  });
  return {
    ...s,
    profile: c.profile ?? s.profile,
    hosts,
    rules: c.rules ?? s.rules,
    steps: c.steps ?? s.steps,
    actions: c.actions ?? s.actions,
    untilMs: c.untilMs ?? s.untilMs,
  };
}
