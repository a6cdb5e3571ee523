// `tcplab run` and `tcplab replay`: run a scenario (or re-run a saved session), then write the outputs
// asked for, or print a short summary when none is.
import { sessionExportInput, TraceLimitError, type ExportInput, type RunProgress } from '../lab/export/index.js';
import type { ScenarioError } from '../lab/scenario.js';
import { BranchActionError, branchActionError, checkBranchActions } from '../lab/session-check.js';
import { loadSession } from '../lab/session-file.js';
import type { Session } from '../lab/session-model.js';
import type { Lang } from '../contract/commands.js';
import { intOpt, optionHelp, parseArgs, stringOpt, UsageError, type OptTable, type Parsed } from './args.js';
import { CliExit, type CliIo } from './io.js';
import { join, labelled, msg, perLang, text, type Msg } from './messages.js';
import { checkOutputPaths, langOpt, OUTPUT_OPTIONS, requestedOutputs, writeOutputs } from './outputs.js';
import { runFailedText } from './run-errors.js';
import { errorLines, formatOf, MAX_INPUT_BYTES, readInput, sessionFor } from './source.js';
import { summaryLines } from './summary.js';
import { atScenario, printWarnings, sessionScenarioWarnings } from './warnings.js';

const MAX_MS = 86_400_000, MAX_U32 = 4_294_967_295;
/** A session file can hold a long action log; the host accepts up to 32 MiB of text (contract/session.ts). */
/** Runs shorter than this print no progress. */
const PROGRESS_AFTER_MS = 1000;
/**
 * The most trace events a run keeps: the exporters take the whole trace as objects (~300 bytes each), so
 * this bounds the trace near 1.5 GB. The documented 1,000,000-SYN flood (bench/engine-scale.ts) makes 4,003,296.
 */
export const MAX_TRACE_EVENTS = 5_000_000;

const HELP_OPTION = { kind: 'flag', help: text('show this help', '显示本帮助') } as const;

export const RUN_OPTIONS: OptTable = {
  profile: { kind: 'string', value: 'rfc|linux|classic', help: text('TCP profile of every host (overrides the scenario)', '所有主机的 TCP 协议栈配置（覆盖场景中的设置）') },
  seed: { kind: 'string', value: 'N', help: text('seed of the run (0-4294967295)', '这次运行的随机种子（0-4294967295）') },
  until: { kind: 'string', value: 'MS', help: text('stop at this virtual time (ms)', '运行到这个虚拟时间为止（毫秒）') },
  compare: { kind: 'string', value: 'N', help: text("run the lesson's comparison run N (see its text)", '运行课程的第 N 个对比运行（见课程正文）') },
  ...OUTPUT_OPTIONS,
  help: HELP_OPTION,
};

export const REPLAY_OPTIONS: OptTable = {
  branch: { kind: 'string', value: 'ID', help: text("the branch to replay (default: the session's current branch)", '要重放的分支（默认是会话的当前分支）') },
  ...OUTPUT_OPTIONS,
  help: HELP_OPTION,
};

export function runUsage(lang: Lang): string {
  const head = text('usage: tcplab run <scenario.json | lesson-id> [options]\n\nRuns a scenario file or a lesson headlessly to its end.',
    '用法：tcplab run <场景.json | 课程 id> [选项]\n\n在没有界面的情况下把场景文件或课程一直运行到结束。')[lang];
  return `${head}\n\n${optionHelp(RUN_OPTIONS, lang)}`;
}

export function replayUsage(lang: Lang): string {
  const head = text('usage: tcplab replay <session.json> [options]\n\nRe-runs a saved session (scenario + seed + interventions) exactly.',
    '用法：tcplab replay <会话.json> [选项]\n\n按原样重新运行保存的会话（场景 + 随机种子 + 人工干预）。')[lang];
  return `${head}\n\n${optionHelp(REPLAY_OPTIONS, lang)}`;
}

/** A progress line on stderr at most once a second, once the run has taken longer than a second. */
function progressReporter(io: CliIo, lang: Lang): (p: RunProgress) => void {
  const startMs = io.nowMs();
  let lastMs = startMs;
  return (p) => {
    const now = io.nowMs();
    if (now - startMs < PROGRESS_AFTER_MS || now - lastMs < PROGRESS_AFTER_MS) return;
    lastMs = now;
    const pct = p.untilMs === 0 ? 100 : Math.floor((p.nowMs / p.untilMs) * 100);
    io.err(labelled('tcplab', msg('progress', pct, p.nowMs, p.untilMs, p.events, ((now - startMs) / 1000).toFixed(1))[lang], lang));
  };
}

/** What execute needs to know besides the session: how to name it, and how to report what the run refuses. */
interface RunTarget {
  command: 'run' | 'replay';
  origin: Msg;
  inputFile: string | undefined;
  branch?: string;
  /** Where a warning about the scenario is in the input file ($.… for a scenario, $.scenario.… for a session). */
  warningAt: (w: ScenarioError) => ScenarioError;
  /** The bad-input error for a refused user action of the branch (replay); a failed run otherwise. */
  refused?: (err: BranchActionError) => CliExit;
}

function execute(session: Session, p: Parsed, io: CliIo, lang: Lang, target: RunTarget): number {
  const wanted = requestedOutputs(p);
  checkOutputPaths(p, target.inputFile);
  const { origin, branch } = target;
  let input: ExportInput;
  try {
    input = sessionExportInput(session, {
      onProgress: progressReporter(io, lang),
      maxEvents: MAX_TRACE_EVENTS,
      // The scenario actions that cannot apply are found by this run, as it reaches them (not by a second run).
      onActionWarning: (w) => printWarnings(io, target.command, lang, [target.warningAt(w)]),
      ...(branch === undefined ? {} : { branch }),
    });
  } catch (err) {
    if (err instanceof TraceLimitError) {
      const at = (sep: string) => (err.path === null ? '' : `${err.path}${sep}`);
      throw new CliExit(2, perLang((l) => msg('tooBig', origin[l], l === 'en' ? `${at(': ')}${err.message}` : `${at('：')}${err.messageZh}`)[l]));
    }
    if (err instanceof BranchActionError && target.refused !== undefined) throw target.refused(err);
    throw new CliExit(1, runFailedText(err));
  }
  if (wanted.length === 0) for (const line of summaryLines(input, origin[lang], lang)) io.out(line);
  writeOutputs(input, session, wanted, lang, io);
  return 0;
}

export function cmdRun(argv: readonly string[], io: CliIo, lang: Lang): number {
  const p = parseArgs(argv, RUN_OPTIONS, 1);
  if (p.opts.has('help')) { io.out(runUsage(lang)); return 0; }
  langOpt(p, lang);
  const target = p.positionals[0];
  if (target === undefined) throw new UsageError(msg('runNeedsTarget'));
  const profile = stringOpt(p, 'profile');
  if (profile !== undefined && !['rfc', 'linux', 'classic'].includes(profile)) throw new UsageError(msg('badProfile', profile));
  const overrides = {
    ...(profile === undefined ? {} : { profile }),
    ...optional('seed', intOpt(p, 'seed', 0, MAX_U32)),
    ...optional('untilMs', intOpt(p, 'until', 0, MAX_MS)),
    ...optional('compare', intOpt(p, 'compare', 0, 64)),
  };
  const { session, origin, file, warnings } = sessionFor(target, overrides);
  printWarnings(io, 'run', lang, warnings);
  return execute(session, p, io, lang, { command: 'run', origin, inputFile: file, warningAt: (w) => w });
}

function optional<K extends string>(key: K, v: number | undefined): Partial<Record<K, number>> {
  return v === undefined ? {} : ({ [key]: v } as Record<K, number>);
}

export function cmdReplay(argv: readonly string[], io: CliIo, lang: Lang): number {
  const p = parseArgs(argv, REPLAY_OPTIONS, 1);
  if (p.opts.has('help')) { io.out(replayUsage(lang)); return 0; }
  langOpt(p, lang);
  const file = p.positionals[0];
  if (file === undefined) throw new UsageError(msg('replayNeedsFile'));
  const doc = readInput(file, MAX_INPUT_BYTES);
  if (formatOf(doc).startsWith('tcplab.scenario/')) throw new CliExit(2, msg('scenarioNotSession', file));
  const loaded = loadSession(doc);
  const invalid = (errors: readonly ScenarioError[]) => new CliExit(2, join([msg('invalidSession', file), errorLines(errors)], '\n'));
  if (!loaded.ok) throw invalid(loaded.errors);
  const session = loaded.session;
  const branch = stringOpt(p, 'branch');
  const runIndex = session.branches.findIndex((b) => b.id === (branch ?? session.current));
  // An action the run would refuse is bad input too, named by its path (as validate and the app report it).
  // The branch replayed is checked by the replay itself; the others (not run here) are re-run up to their last action.
  const refusals = session.branches.map((_, i) => (i === runIndex ? undefined : checkBranchActions(session, i)));
  if (refusals.some((e) => e !== undefined)) {
    if (runIndex >= 0) refusals[runIndex] = checkBranchActions(session, runIndex);
    throw invalid(refusals.filter((e) => e !== undefined));
  }
  if (runIndex < 0) throw new CliExit(2, msg('unknownBranch', branch ?? '', session.branches.map((b) => b.id).join(', ')));
  printWarnings(io, 'replay', lang, sessionScenarioWarnings(session));
  return execute(session, p, io, lang, {
    command: 'replay', origin: text(file, file), inputFile: file, ...(branch === undefined ? {} : { branch }), warningAt: atScenario,
    refused: (err) => invalid([branchActionError(runIndex, err.actionIndex, err.refusal)]),
  });
}
