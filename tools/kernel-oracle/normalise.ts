// Normalisation shared by the recorder and the comparison test, so both traces go through the same code:
// seq/ack relative to each side's ISN, time relative to the first SYN, flags in canonical order.
// Pure: no Node imports.
import type { RuleMatch, RuleSpec } from '../../src-main/net/spec.js';
import type { Dir, NormPacket, RawPacket } from './types.js';

/** tcplab's canonical flag order (src-main/tcp/segment.ts flagsToLetters). */
export const FLAG_ORDER = 'SAFRPUEC';

/** TCP header flag bits (RFC 9293 3.1, RFC 3168 for E and C) → letters in canonical order. */
export function flagsFromBits(bits: number): string {
  const bitOf: Record<string, number> = { F: 0x01, S: 0x02, R: 0x04, P: 0x08, A: 0x10, U: 0x20, E: 0x40, C: 0x80 };
  return [...FLAG_ORDER].filter((l) => (bits & (bitOf[l] ?? 0)) !== 0).join('');
}

export function canonicalFlags(letters: string): string {
  return [...FLAG_ORDER].filter((l) => letters.includes(l)).join('');
}

const rel = (v: number, base: number | undefined): number => (base === undefined ? v : (v - base) >>> 0);

/** Per connection (client port): the ISN of each side = the seq of its first SYN. */
function isns(raw: readonly RawPacket[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of raw) {
    const key = `${p.clientPort}/${p.fromClient ? 'c' : 's'}`;
    if (p.flags.includes('S') && !out.has(key)) out.set(key, p.seq);
  }
  return out;
}

/** Sorts by time (stable), then makes everything relative. Packets before the first SYN keep negative times. */
export function normalise(raw: readonly RawPacket[]): NormPacket[] {
  const sorted = raw.map((p, i) => ({ p, i })).sort((x, y) => x.p.tMs - y.p.tMs || x.i - y.i).map((x) => x.p);
  const firstSyn = sorted.find((p) => p.flags.includes('S'));
  const t0 = firstSyn?.tMs ?? sorted[0]?.tMs ?? 0;
  const isn = isns(sorted);
  return sorted.map((p) => {
    const own = isn.get(`${p.clientPort}/${p.fromClient ? 'c' : 's'}`);
    const peer = isn.get(`${p.clientPort}/${p.fromClient ? 's' : 'c'}`);
    const dir: Dir = p.fromClient ? 'c>s' : 's>c';
    return {
      dir,
      flags: canonicalFlags(p.flags),
      seq: rel(p.seq, own),
      ack: p.flags.includes('A') ? rel(p.ack, peer) : 0,
      len: p.len,
      tMs: Math.round((p.tMs - t0) * 10) / 10,
      cport: p.clientPort,
    };
  });
}

const sameLetters = (a: string, b: string): boolean => canonicalFlags(a) === canonicalFlags(b) && a.length === b.length;

/** Does a normalised packet fit a tcplab rule match? (Host A = client, B = server; probability unsupported.) */
export function fits(p: NormPacket, m: RuleMatch): boolean {
  if (m.from !== undefined && (m.from === 'A') !== (p.dir === 'c>s')) return false;
  if (m.to !== undefined && (m.to === 'B') !== (p.dir === 'c>s')) return false;
  if (m.flags !== undefined && !sameLetters(p.flags, m.flags)) return false;
  if (m.flagsAny !== undefined && ![...m.flagsAny].some((l) => p.flags.includes(l))) return false;
  if (m.len !== undefined && p.len !== m.len) return false;
  return true;
}

/**
 * Which packets each rule dropped, re-applying tcplab's rule semantics (first matching rule acts; `nth`
 * counts that rule's matches from 1) to the trace. Returns, per rule, the packet indices.
 */
export function dropsByRule(packets: readonly NormPacket[], rules: readonly RuleSpec[]): number[][] {
  const matches = rules.map(() => 0);
  const out: number[][] = rules.map(() => []);
  packets.forEach((p, i) => {
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r]!;
      if (rule.action !== 'drop' || !fits(p, rule.match)) continue;
      matches[r]! += 1;
      if (rule.match.nth === undefined || rule.match.nth === matches[r]) {
        out[r]!.push(i);
        break;
      }
    }
  });
  return out;
}
