// Shows the engine's and the network's English trace text (state causes, drop reasons, app details, send
// causes, packet history and fate) in the UI language, in the app and in the exported diagrams (so it lives
// in contract/, the one layer both may import). The trace itself stays English: it is data, a public
// contract (DESIGN.md "Trace"). In zh-CN an "RFC 9293 3.10.7.3: " prefix and a trailing "(RFC 9293 3.10.7.1)"
// are kept (only RFC 9293 3.10.7.4's step words are translated); the description goes through the exact
// table, then the patterns (trace-text.zh-CN.ts, shared by the app and the exports). Text no rule knows is shown in English, never blank.
import type { Lang } from './commands.js';
import { RFC_STEPS_ZH, RULE_ACTIONS_ZH, TRACE_EXACT_ZH, TRACE_PATTERNS_ZH } from './trace-text.zh-CN.js';

/** RFC 9293 state names as the RFC prints them (they stay in English in every language). */
const STATE = 'CLOSED|LISTEN|SYN-SENT|SYN-RECEIVED|ESTABLISHED|FIN-WAIT-1|FIN-WAIT-2|CLOSE-WAIT|CLOSING|LAST-ACK|TIME-WAIT';

/** What each placeholder of the table's English side matches: one capture group each, none nested. */
const TOKENS: Record<string, string> = {
  S: `(${STATE})`,
  N: '(-?\\d+(?:\\.\\d+)?(?:e[-+]?\\d+)?)',
  W: '(\\S+)',
  A: '(user|the user|rule \\S+ \\(\\w+\\))',
  '*': '(.+)',
};

interface Pattern {
  re: RegExp;
  zh: string;
}

/** "connection gone (was {S})" → /^connection gone \(was (CLOSED|…)\)$/: literal text, tokens as groups. */
export function compilePattern(en: string): RegExp {
  // split() with a capture group puts each token's letter at the odd indices.
  const parts = en.split(/\{([SNWA*])\}/);
  const src = parts.map((p, i) => (i % 2 === 1 ? (TOKENS[p] ?? '') : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${src}$`);
}

const PATTERNS: readonly Pattern[] = TRACE_PATTERNS_ZH.map(([en, zh]) => ({ re: compilePattern(en), zh }));

/** "RFC 9293 3.10.7.4 eighth: …" (also "RFC 5961 3.2: …", "RFC 9293 3.8.3 R2: …"). */
const RFC_PREFIX = /^(RFC \d+ \d+(?:\.\d+)*)(?: ([A-Za-z0-9]+))?: (.+)$/;
/** "… (RFC 9293 3.10.7.4 first)" at the very end. */
const RFC_SUFFIX = /^(.+) \((RFC \d+(?: \d+(?:\.\d+)*)?)(?: ([A-Za-z0-9]+))?\)$/;

const CACHE_MAX = 4096;
const cache = new Map<string, string>();

/** Nesting bound: a pattern's translated capture is translated again, at most this deep. */
const MAX_DEPTH = 6;

function rfcRef(ref: string, step: string | undefined): string {
  if (step === undefined) return ref;
  return `${ref} ${RFC_STEPS_ZH[step] ?? step}`;
}

/** Who did something to a packet, in a sentence: "用户", or "规则 lose-syn " (the verb follows). */
function actorZh(by: string): string {
  if (by === 'user' || by === 'the user') return '用户';
  const rule = /^rule (\S+) \(\w+\)$/.exec(by);
  return rule ? `规则 ${rule[1]} ` : by;
}

/** Fills {1} (as is), {t1} (translated), {a1} (actor), {r1} (rule action); null if a {tN} has no Chinese. */
function fillZh(zh: string, groups: readonly string[], depth: number): string | null {
  let failed = false;
  const out = zh.replace(/\{([tar]?)(\d)\}/g, (_whole, kind: string, n: string) => {
    const value = groups[Number(n) - 1] ?? '';
    if (kind === 'a') return actorZh(value);
    if (kind === 'r') return RULE_ACTIONS_ZH[value] ?? value;
    if (kind === '') return value;
    const inner = toZh(value, depth + 1);
    if (inner === null) failed = true;
    return inner ?? value;
  });
  // A rule actor ends in a space for the verb after it; no space before full-width punctuation.
  return failed ? null : out.replace(/ +(?=[，。：；、）])/g, '');
}

/** The Chinese for one English trace text, or null when no rule knows it. */
function toZh(text: string, depth: number): string | null {
  if (depth > MAX_DEPTH) return null;
  const exact = TRACE_EXACT_ZH[text];
  if (exact !== undefined) return exact;
  // The prefix first, so that a pattern's {*} never swallows it.
  const prefix = RFC_PREFIX.exec(text);
  if (prefix) {
    const body = toZh(prefix[3] as string, depth + 1);
    if (body !== null) return `${rfcRef(prefix[1] as string, prefix[2])}: ${body}`;
  }
  // lab/export/fate.ts joins a packet's story with "; ": its parts first, so that a pattern's {*} does not
  // swallow the parts after it ("duplicated by {A} as {*}" would keep "; cached by the user" in English).
  // A text whose parts are not all known may be one sentence with "; " in it: the patterns below try it whole.
  if (text.includes('; ')) {
    const parts = text.split('; ').map((part) => toZh(part, depth + 1));
    if (parts.every((p) => p !== null)) return parts.join('；');
  }
  for (const p of PATTERNS) {
    const m = p.re.exec(text);
    if (!m) continue;
    const filled = fillZh(p.zh, m.slice(1), depth);
    if (filled !== null) return filled;
  }
  const suffix = RFC_SUFFIX.exec(text);
  if (suffix) {
    const body = toZh(suffix[1] as string, depth + 1);
    return body === null ? null : `${body}（${rfcRef(suffix[2] as string, suffix[3])}）`;
  }
  return null;
}

/**
 * A trace text as the UI shows it: unchanged in English; in zh-CN the Chinese, or the English when no
 * translation is known (so a new engine text is still readable, and the unit test names it).
 */
export function localizeTraceText(text: string, lang: Lang): string {
  if (lang === 'en' || text === '') return text;
  const known = cache.get(text);
  if (known !== undefined) return known;
  // The ladder asks again for every visible label on every frame; a SYN flood brings thousands of
  // distinct addresses, so the memo is bounded and simply starts over when full.
  if (cache.size >= CACHE_MAX) cache.clear();
  const shown = toZh(text, 0) ?? text;
  cache.set(text, shown);
  return shown;
}

/** True when localizeTraceText has a Chinese rendering of `text` (not the English fallback). */
export function hasChineseTraceText(text: string): boolean {
  return toZh(text, 0) !== null;
}
