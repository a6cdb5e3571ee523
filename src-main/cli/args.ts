// Option parsing for `tcplab`: `--name value` or `--name=value`, flags without a value, positionals.
// Anything not declared is an error (exit 2), so a typo never silently does nothing. Messages are Msgs (both
// languages); runCli prints the one in the CLI's language.
import type { Lang } from '../contract/commands.js';
import { msg, type Msg } from './messages.js';

export type OptKind = 'string' | 'flag';

export interface OptSpec {
  kind: OptKind;
  /** Shown in --help: e.g. "F.jsonl". */
  value?: string;
  help: Msg;
}

export type OptTable = Record<string, OptSpec>;

export interface Parsed {
  positionals: string[];
  opts: Map<string, string | true>;
}

export class UsageError extends Error {
  constructor(readonly text: Msg) {
    super(text.en);
    this.name = 'UsageError';
  }
}

export function parseArgs(argv: readonly string[], table: OptTable, maxPositionals: number): Parsed {
  const positionals: string[] = [];
  const opts = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') { positionals.push(...argv.slice(i + 1)); break; }
    if (!arg.startsWith('-') || arg === '-') { positionals.push(arg); continue; }
    const eq = arg.indexOf('=');
    const written = eq < 0 ? arg : arg.slice(0, eq);
    const has = (k: string): boolean => Object.prototype.hasOwnProperty.call(table, k);
    // -h is --help on every command that has --help (as on `tcplab -h`). Any other single-dash word is
    // refused: `-seed 5` must not quietly act as --seed (and `-s` could one day be a short option).
    if (!arg.startsWith('--') && !(arg === '-h' && has('help'))) throw new UsageError(singleDash(written, table));
    const name = arg === '-h' ? 'help' : written.slice(2);
    const spec = has(name) ? table[name] : undefined;
    if (spec === undefined) throw new UsageError(msg('unknownOption', written, optionList(table)));
    if (opts.has(name)) throw new UsageError(msg('givenTwice', name));
    if (spec.kind === 'flag') {
      if (eq >= 0) throw new UsageError(msg('takesNoValue', name));
      opts.set(name, true);
      continue;
    }
    // `--trace --html r.html`: the next word is another option, so --trace has no value (it would
    // otherwise write a file named "--html"). A value may start with a single dash ("-" is stdout).
    const next = eq >= 0 ? undefined : argv[i + 1];
    if (eq < 0 && next !== undefined && next.startsWith('--')) throw new UsageError(missing(name, spec));
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') throw new UsageError(missing(name, spec));
    opts.set(name, value);
  }
  if (positionals.length > maxPositionals) throw new UsageError(msg('unexpectedArgument', positionals[maxPositionals]!));
  return { positionals, opts };
}

function optionList(table: OptTable): string {
  return Object.keys(table).map((k) => `--${k}`).join(', ');
}

/** `-seed`: long options take two dashes; name the one meant when there is one. */
function singleDash(written: string, table: OptTable): Msg {
  const name = written.replace(/^-+/, '');
  const meant = Object.prototype.hasOwnProperty.call(table, name) ? name : null;
  return msg('singleDash', written, meant, optionList(table));
}

function missing(name: string, spec: OptSpec): Msg {
  return spec.value?.startsWith('F.') === true ? msg('needsFile', name) : msg('needsValue', name, spec.value ?? 'value');
}

export function stringOpt(p: Parsed, name: string): string | undefined {
  const v = p.opts.get(name);
  return typeof v === 'string' ? v : undefined;
}

/** An integer option in [min, max]; UsageError otherwise. */
export function intOpt(p: Parsed, name: string, min: number, max: number): number | undefined {
  const v = stringOpt(p, name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) throw new UsageError(msg('intRange', name, min, max, v));
  return Number(v);
}

export function optionHelp(table: OptTable, lang: Lang): string {
  const rows = Object.entries(table).map(([k, s]) => [`--${k}${s.value === undefined ? '' : ` ${s.value}`}`, s.help[lang]] as const);
  const width = Math.max(...rows.map(([a]) => a.length));
  return rows.map(([a, b]) => `  ${a.padEnd(width)}  ${b}`).join('\n');
}
