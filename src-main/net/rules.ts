// Fault rules: an ordered list the router consults for every packet a host sends (DESIGN.md "Scenario").
// The first enabled rule that fires decides: a rule fires when its match fits, then (if given) when this
// is its nth fitting packet, then (if given) when its own seeded stream says so. Rules that fit but do
// not fire pass the packet on to the next rule. Ids are the scenario's `id` or "1", "2" … by creation.
import type { Prng } from '../tcp/prng.js';
import { lettersToFlags, type Segment } from '../tcp/segment.js';
import { NetError } from './errors.js';
import type { RuleAction, RuleMatch, RuleSpec } from './spec.js';

export interface RuleState {
  id: string;
  match: RuleMatch;
  action: RuleAction;
  enabled: boolean;
  /** Packets that fitted the match so far (nth counts these). */
  matches: number;
  /** Times the rule acted. */
  fired: number;
  prng: Prng;
  flagsExact: number | undefined;
  flagsAny: number | undefined;
}

/** What the rule list sees of a packet. seqRel is relative to the sender's ISN when the router saw it. */
export interface RuleSubject {
  from: string;
  to: string | null;
  seg: Segment;
  /** Asked only by rules that match on seqFrom/seqTo. */
  seqRel: () => number;
}

export function ruleLabel(r: Pick<RuleState, 'id' | 'action'>): string {
  return `rule ${r.id} (${r.action.action})`;
}

const U32_MAX = 4294967295;

function isInt(v: unknown, lo: number, hi: number): boolean {
  return typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;
}

function bad(path: string, message: string): NetError {
  return new NetError('invalid-rule', message, path);
}

function checkMatch(m: RuleMatch, hostNames: ReadonlySet<string>): void {
  if (m.from !== undefined && !hostNames.has(m.from)) throw new NetError('unknown-host', `rule matches from unknown host "${m.from}"`, 'match.from');
  if (m.to !== undefined && !hostNames.has(m.to)) throw new NetError('unknown-host', `rule matches to unknown host "${m.to}"`, 'match.to');
  if (m.flags !== undefined && lettersToFlags(m.flags) === undefined) throw bad('match.flags', `flags "${m.flags}": use each of S A F R P U E C at most once`);
  if (m.flagsAny !== undefined && !lettersToFlags(m.flagsAny)) throw bad('match.flagsAny', `flagsAny "${m.flagsAny}": use one or more of S A F R P U E C`);
  if (m.seqFrom !== undefined && !isInt(m.seqFrom, 0, U32_MAX)) throw bad('match.seqFrom', `seqFrom ${m.seqFrom} is not an integer 0-${U32_MAX}`);
  if (m.seqTo !== undefined && !isInt(m.seqTo, 0, U32_MAX)) throw bad('match.seqTo', `seqTo ${m.seqTo} is not an integer 0-${U32_MAX}`);
  if (m.len !== undefined && !isInt(m.len, 0, 65495)) throw bad('match.len', `len ${m.len} is not an integer 0-65495`);
  if (m.nth !== undefined && !isInt(m.nth, 1, Number.MAX_SAFE_INTEGER)) throw bad('match.nth', `nth ${m.nth} is not an integer >= 1`);
  const p = m.probability;
  if (p !== undefined && !(typeof p === 'number' && p >= 0 && p <= 1)) throw bad('match.probability', `probability ${p} is not in 0-1`);
}

function actionOf(spec: RuleSpec): RuleAction {
  switch (spec.action) {
    case 'delay':
      if (!(typeof spec.delayMs === 'number' && Number.isFinite(spec.delayMs) && spec.delayMs >= 0)) throw bad('delayMs', `delayMs ${spec.delayMs} is not a number >= 0`);
      return { action: 'delay', delayMs: spec.delayMs };
    case 'duplicate':
      if (!isInt(spec.count, 1, 100)) throw bad('count', `count ${spec.count} is not an integer 1-100`);
      return { action: 'duplicate', count: spec.count };
    case 'reorder':
      if (!isInt(spec.after, 1, 1000)) throw bad('after', `after ${spec.after} is not an integer 1-1000`);
      return { action: 'reorder', after: spec.after };
    case 'drop': case 'corrupt': case 'hold': case 'cache':
      return { action: spec.action };
    default:
      throw bad('action', `unknown action "${(spec as { action: unknown }).action}"`);
  }
}

export class RuleBook {
  rules: RuleState[] = [];
  private created = 0;
  constructor(private readonly basePrng: Prng, private readonly hostNames: ReadonlySet<string>) {}

  /** Validates and builds a rule without adding it (so a refused add changes nothing). */
  build(spec: RuleSpec): RuleState {
    checkMatch(spec.match ?? {}, this.hostNames);
    const action = actionOf(spec);
    const id = spec.id ?? String(this.created + 1);
    if (typeof id !== 'string' || id === '') throw bad('id', 'rule id must be a non-empty string');
    if (this.rules.some((r) => r.id === id)) throw bad('id', `rule id "${id}" is already used`);
    const m = spec.match ?? {};
    return {
      id, match: { ...m }, action, enabled: spec.enabled ?? true, matches: 0, fired: 0,
      prng: this.basePrng.derive(`rule:${id}`),
      flagsExact: m.flags === undefined ? undefined : lettersToFlags(m.flags),
      flagsAny: m.flagsAny === undefined ? undefined : lettersToFlags(m.flagsAny),
    };
  }

  insert(rule: RuleState, index = this.rules.length): void {
    this.rules.splice(index, 0, rule);
    this.created++;
  }

  find(id: string): RuleState {
    const r = this.rules.find((x) => x.id === id);
    if (r === undefined) throw new NetError('unknown-rule', `no rule "${id}" (rules: ${this.rules.map((x) => x.id).join(', ') || 'none'})`, 'rule');
    return r;
  }

  checkIndex(index: number, extra: number): void {
    if (!isInt(index, 0, this.rules.length - 1 + extra)) {
      throw new NetError('invalid-command', `index ${index} is not an integer 0-${this.rules.length - 1 + extra}`, 'index');
    }
  }

  remove(id: string): void {
    this.rules.splice(this.rules.indexOf(this.find(id)), 1);
  }

  move(id: string, toIndex: number): void {
    const r = this.find(id);
    this.checkIndex(toIndex, 0);
    this.rules.splice(this.rules.indexOf(r), 1);
    this.rules.splice(toIndex, 0, r);
  }

  /** The rule that acts on this packet, if any (counting matches and drawing chances as it goes). */
  decide(p: RuleSubject): RuleState | undefined {
    for (const r of this.rules) {
      if (!r.enabled || !fits(r, p)) continue;
      r.matches++;
      if (r.match.nth !== undefined && r.matches !== r.match.nth) continue;
      if (r.match.probability !== undefined && !r.prng.chance(r.match.probability)) continue;
      r.fired++;
      return r;
    }
    return undefined;
  }
}

function fits(r: RuleState, p: RuleSubject): boolean {
  const m = r.match;
  if (m.from !== undefined && m.from !== p.from) return false;
  if (m.to !== undefined && m.to !== p.to) return false;
  if (r.flagsExact !== undefined && p.seg.flags !== r.flagsExact) return false;
  if (r.flagsAny !== undefined && (p.seg.flags & r.flagsAny) === 0) return false;
  if (m.seqFrom !== undefined || m.seqTo !== undefined) {
    const rel = p.seqRel();
    if (m.seqFrom !== undefined && rel < m.seqFrom) return false;
    if (m.seqTo !== undefined && rel > m.seqTo) return false;
  }
  if (m.len !== undefined && p.seg.payload.length !== m.len) return false;
  return true;
}
