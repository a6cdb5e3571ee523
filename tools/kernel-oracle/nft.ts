// tcplab drop rules → nftables rules at the RECEIVER's ingress (prerouting, raw priority). Dropping there
// keeps the packet on the wire, so the capture on the client's veth sees it — as tcplab's segment.send
// trace does for a packet the router later drops. `nth` uses `numgen inc`, which only advances for packets
// that got that far in the rule, i.e. it counts the rule's own matches, as tcplab's nth does.
import type { RuleSpec } from '../../src-main/net/spec.js';
import { CLIENT_IP, SERVER_IP } from './netns.js';
import { inNs } from './sh.js';

export const NFT_TABLE = 'tlo';

const NFT_FLAG: Record<string, string> = { S: 'syn', A: 'ack', F: 'fin', R: 'rst', P: 'psh', U: 'urg', E: 'ecn', C: 'cwr' };
const ALL_FLAGS = '(fin|syn|rst|psh|ack|urg|ecn|cwr)';
/** IPv4 (20) + TCP (20) headers: pure ACK/FIN/RST segments carry no options once timestamps are off. */
const BARE_HEADERS_BYTES = 40;

const flagSet = (letters: string): string => `(${[...letters].map((l) => NFT_FLAG[l] ?? fail(`unknown flag ${l}`)).join('|')})`;

function fail(msg: string): never {
  throw new Error(msg);
}

export interface NftRule {
  rule: number;
  at: 'client-ingress' | 'server-ingress';
  text: string;
}

/** One nft rule per tcplab rule. Only `drop` with from/flags/flagsAny/len/nth is supported. */
export function nftRules(rules: readonly RuleSpec[]): NftRule[] {
  return rules.map((r, i) => {
    const m = r.match;
    if (r.action !== 'drop') fail(`rule ${i}: only "drop" is recorded (tc netem is not available for delays)`);
    if (m.from !== 'A' && m.from !== 'B') fail(`rule ${i}: needs from "A" or "B"`);
    if (m.probability !== undefined || m.seqFrom !== undefined || m.seqTo !== undefined || m.to !== undefined) {
      fail(`rule ${i}: probability/seqFrom/seqTo/to are not translated to nft`);
    }
    const parts = [`ip saddr ${m.from === 'A' ? CLIENT_IP : SERVER_IP}`];
    if (m.flags !== undefined) parts.push(`tcp flags & ${ALL_FLAGS} == ${flagSet(m.flags)}`);
    if (m.flagsAny !== undefined) parts.push(`tcp flags & ${flagSet(m.flagsAny)} != 0`);
    if (m.flags === undefined && m.flagsAny === undefined) parts.push('meta l4proto tcp');
    if (m.len !== undefined) {
      if ((m.flags ?? '').includes('S')) fail(`rule ${i}: len on a SYN cannot be matched by ip length (options)`);
      parts.push(`ip length ${BARE_HEADERS_BYTES + m.len}`);
    }
    if (m.nth !== undefined) parts.push(`numgen inc mod 1000000 == ${m.nth - 1}`);
    parts.push(`counter drop comment "rule ${i}"`);
    return { rule: i, at: m.from === 'A' ? 'server-ingress' : 'client-ingress', text: parts.join(' ') };
  });
}

/** The ruleset for one namespace: a table whose prerouting chain holds that side's ingress rules. */
export function nftScript(rules: readonly NftRule[], at: NftRule['at']): string {
  const body = rules.filter((r) => r.at === at).map((r) => `    ${r.text}\n`).join('');
  return `table inet ${NFT_TABLE} {\n  chain ingress {\n    type filter hook prerouting priority raw; policy accept;\n${body}  }\n}\n`;
}

export function installNft(ns: string, script: string): void {
  inNs(ns, 'nft', ['-f', '-'], script);
}

/** Packets dropped per rule, from the counters (keyed by the rule's comment). */
export function readCounters(ns: string): Map<number, number> {
  const out = new Map<number, number>();
  const json = JSON.parse(inNs(ns, 'nft', ['-j', 'list', 'table', 'inet', NFT_TABLE])) as { nftables: Array<Record<string, unknown>> };
  for (const item of json.nftables) {
    const rule = item.rule as { comment?: string; expr?: Array<Record<string, unknown>> } | undefined;
    const m = /^rule (\d+)$/.exec(rule?.comment ?? '');
    if (!rule || !m) continue;
    const counter = rule.expr?.find((e) => 'counter' in e)?.counter as { packets?: number } | undefined;
    out.set(Number(m[1]), counter?.packets ?? 0);
  }
  return out;
}
