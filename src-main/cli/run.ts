// `tcplab run` and `tcplab replay`: run a scenario (or re-run a saved session), then write the outputs
// asked for, or print a short summary when none is.
import { sessionExportInput, TraceLimitError, type ExportInput, type RunProgress } from '../lab/export/index.js';
import { formatErrors } from '../lab/scenario.js';
import { checkSessionActions } from '../lab/session-check.js';
import { loadSession } from '../lab/session-file.js';
import type { Session } from '../lab/session-model.js';
import { intOpt, optionHelp, parseArgs, stringOpt, UsageError, type OptTable, type Parsed } from './args.js';
import { CliExit, type CliIo } from './io.js';
import { checkOutputPaths, langOpt, OUTPUT_OPTIONS, requestedOutputs, writeOutputs } from './outputs.js';
import { formatOf, MAX_INPUT_BYTES, readInput, sessionFor } from './source.js';
import { summaryLines } from './summary.js';

const MAX_MS = 86_400_000, MAX_U32 = 4_294_967_295;
/** A session file can hold a long action log; the host accepts up to 32 MiB of text (contract/session.ts). */
/** Runs shorter than this print no progress. */
const PROGRESS_AFTER_MS = 1000;
/**
 * The most trace events a run keeps: the exporters take the whole trace as objects (~300 bytes each), so
 * this bounds the trace near 1.5 GB. The documented 1,000,000-SYN flood (bench/engine-scale.ts) makes 4,003,296.
 */
export const MAX_TRACE_EVENTS = 5_000_000;

export const RUN_OPTIONS: OptTable = {
  profile: { kind: 'string', value: 'rfc|linux|classic', help: 'TCP profile of every host (overrides the scenario)' },
  seed: { kind: 'string', value: 'N', help: 'seed of the run (0-4294967295)' },
  until: { kind: 'string', value: 'MS', help: 'stop at this virtual time (ms)' },
  compare: { kind: 'string', value: 'N', help: "run the lesson's comparison run N (see its text)" },
  ...OUTPUT_OPTIONS,
  help: { kind: 'flag', help: 'show this help' },
};

export const REPLAY_OPTIONS: OptTable = {
  branch: { kind: 'string', value: 'ID', help: "the branch to replay (default: the session's current branch)" },
  ...OUTPUT_OPTIONS,
  help: { kind: 'flag', help: 'show this help' },
};

export const RUN_USAGE = `usage: tcplab run <scenario.json | lesson-id> [options]\n\nRuns a scenario file or a lesson headlessly to its end.\n\n${optionHelp(RUN_OPTIONS)}`;
export const REPLAY_USAGE = `usage: tcplab replay <session.json> [options]\n\nRe-runs a saved session (scenario + seed + interventions) exactly.\n\n${optionHelp(REPLAY_OPTIONS)}`;

/** A progress line on stderr at most once a second, once the run has taken longer than a second. */
function progressReporter(io: CliIo): (p: RunProgress) => void {
  const startMs = io.nowMs();
  let lastMs = startMs;
  return (p) => {
    const now = io.nowMs();
    if (now - startMs < PROGRESS_AFTER_MS || now - lastMs < PROGRESS_AFTER_MS) return;
    lastMs = now;
    const pct = p.untilMs === 0 ? 100 : Math.floor((p.nowMs / p.untilMs) * 100);
    io.err(`tcplab: ${pct}% (virtual ${p.nowMs} of ${p.untilMs} ms, ${p.events} events, ${((now - startMs) / 1000).toFixed(1)} s)`);
  };
}

function execute(session: Session, p: Parsed, io: CliIo, origin: string, inputFile: string | undefined, branch?: string): number {
  const wanted = requestedOutputs(p);
  checkOutputPaths(p, inputFile);
  const lang = langOpt(p);
  let input: ExportInput;
  try {
    input = sessionExportInput(session, { onProgress: progressReporter(io), maxEvents: MAX_TRACE_EVENTS, ...(branch === undefined ? {} : { branch }) });
  } catch (err) {
    if (err instanceof TraceLimitError) throw new CliExit(2, `${origin} is too big to run here: ${err.path === null ? '' : `${err.path}: `}${err.message}`);
    throw new CliExit(1, `the run failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (wanted.length === 0) for (const line of summaryLines(input, origin)) io.out(line);
  writeOutputs(input, session, wanted, lang, io);
  return 0;
}

export function cmdRun(argv: readonly string[], io: CliIo): number {
  const p = parseArgs(argv, RUN_OPTIONS, 1);
  if (p.opts.has('help')) { io.out(RUN_USAGE); return 0; }
  const target = p.positionals[0];
  if (target === undefined) throw new UsageError('run needs a scenario file or a lesson id');
  const profile = stringOpt(p, 'profile');
  if (profile !== undefined && !['rfc', 'linux', 'classic'].includes(profile)) throw new UsageError(`--profile must be rfc, linux or classic, not "${profile}"`);
  const overrides = {
    ...(profile === undefined ? {} : { profile }),
    ...optional('seed', intOpt(p, 'seed', 0, MAX_U32)),
    ...optional('untilMs', intOpt(p, 'until', 0, MAX_MS)),
    ...optional('compare', intOpt(p, 'compare', 0, 64)),
  };
  const { session, origin, warnings } = sessionFor(target, overrides);
  for (const line of formatErrors(warnings)) io.err(`tcplab run: warning: ${line}`);
  return execute(session, p, io, origin, origin === target ? target : undefined);
}

function optional<K extends string>(key: K, v: number | undefined): Partial<Record<K, number>> {
  return v === undefined ? {} : ({ [key]: v } as Record<K, number>);
}

export function cmdReplay(argv: readonly string[], io: CliIo): number {
  const p = parseArgs(argv, REPLAY_OPTIONS, 1);
  if (p.opts.has('help')) { io.out(REPLAY_USAGE); return 0; }
  const file = p.positionals[0];
  if (file === undefined) throw new UsageError('replay needs a session file');
  const text = readInput(file, MAX_INPUT_BYTES);
  if (formatOf(text).startsWith('tcplab.scenario/')) throw new CliExit(2, `${file} is a scenario, not a session: use "tcplab run ${file}"`);
  const loaded = loadSession(text);
  // An action the run would refuse is bad input too, named by its path (as validate and the app report it).
  const errors = loaded.ok ? checkSessionActions(loaded.session) : loaded.errors;
  if (!loaded.ok || errors.length > 0) throw new CliExit(2, `${file} is not a valid session file:\n${formatErrors(errors).map((l) => `  ${l}`).join('\n')}`);
  const branch = stringOpt(p, 'branch');
  if (branch !== undefined && !loaded.session.branches.some((b) => b.id === branch)) {
    throw new CliExit(2, `--branch ${branch}: the session has branches ${loaded.session.branches.map((b) => b.id).join(', ')}`);
  }
  return execute(loaded.session, p, io, file, file, branch);
}
