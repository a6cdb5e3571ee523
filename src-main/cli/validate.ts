// `tcplab validate <file>`: checks a scenario or a session file and prints every problem with its JSON
// path. The file's "format" field says which it is; without one it is checked as a scenario.
import type { Lang } from '../contract/commands.js';
import { formatErrors, parseScenarioText, type Scenario, type ScenarioError } from '../lab/scenario.js';
import { renderError } from '../lab/scenario-errors.js';
import { checkScenarioActions } from '../lab/scenario-action-check.js';
import { newSession } from '../lab/session-model.js';
import { checkSession } from '../lab/session-check.js';
import { loadSession } from '../lab/session-file.js';
import { optionHelp, parseArgs, UsageError, type OptTable } from './args.js';
import { CliExit, type CliIo } from './io.js';
import { msg, text } from './messages.js';
import { LANG_OPTION, langOpt } from './outputs.js';
import { formatOf, MAX_INPUT_BYTES, readInput } from './source.js';
import { atScenario, printWarnings, sessionScenarioWarnings } from './warnings.js';

export const VALIDATE_OPTIONS: OptTable = {
  json: {
    kind: 'flag',
    help: text('print the result as JSON: { ok, kind, errors: [{ path, message }] } (also when the file cannot be read)',
      '以 JSON 输出结果：{ ok, kind, errors: [{ path, message }] }（文件无法读取时也是如此）'),
  },
  lang: LANG_OPTION,
  help: { kind: 'flag', help: text('show this help', '显示本帮助') },
};

export function validateUsage(lang: Lang): string {
  const head = text('usage: tcplab validate <file> [options]\n\nChecks a scenario (tcplab.scenario/1) or a session file (tcplab.session/1).\nPrints every error with its JSON path; exit code 2 when the file is invalid.',
    '用法：tcplab validate <文件> [选项]\n\n检查场景文件（tcplab.scenario/1）或会话文件（tcplab.session/1）。\n列出每个错误及其 JSON 路径；文件无效时退出码为 2。')[lang];
  return `${head}\n\n${optionHelp(VALIDATE_OPTIONS, lang)}`;
}

/**
 * What a valid scenario says that will not do what it seems to (scenario-warnings.ts), and its actions that
 * cannot apply when their time comes (scenario-action-check.ts).
 */
function scenarioWarningsOf(result: { scenario: Scenario; warnings: ScenarioError[] }): ScenarioError[] {
  return [...result.warnings, ...checkScenarioActions(newSession(result.scenario, result.scenario.seed, null))];
}

export function cmdValidate(argv: readonly string[], io: CliIo, cliLang: Lang): number {
  const p = parseArgs(argv, VALIDATE_OPTIONS, 1);
  if (p.opts.has('help')) { io.out(validateUsage(cliLang)); return 0; }
  const lang = langOpt(p, cliLang);
  const file = p.positionals[0];
  if (file === undefined) throw new UsageError(msg('validateNeedsFile'));
  let doc: string;
  try {
    doc = readInput(file, MAX_INPUT_BYTES);
  } catch (err) {
    // --json promises JSON on stdout whatever happens: a file that cannot be read is one error at "$".
    if (err instanceof CliExit && p.opts.has('json')) io.out(JSON.stringify({ ok: false, kind: null, errors: [{ path: '$', message: err.text[lang] }], warnings: [] }, null, 2));
    throw err;
  }
  const kind = formatOf(doc).startsWith('tcplab.session/') ? 'session' : 'scenario';
  const result = kind === 'session' ? loadSession(doc) : parseScenarioText(doc);
  // A session valid field by field is replayed up to its last action, as opening it does (SESSION.md); the
  // same run of its current branch finds the scenario actions that cannot apply (each branch runs once).
  const checked = result.ok && 'session' in result ? checkSession(result.session) : null;
  const errors: ScenarioError[] = !result.ok ? result.errors : checked?.errors ?? [];
  const ok = errors.length === 0;
  let warnings: ScenarioError[] = [];
  if (ok && result.ok) {
    warnings = 'session' in result ? [...sessionScenarioWarnings(result.session), ...(checked?.scenarioWarnings ?? []).map(atScenario)] : scenarioWarningsOf(result);
  }
  const listed = (list: ScenarioError[]) => list.map((e) => ({ path: e.path, message: renderError(e.code, e.params, lang) }));
  if (p.opts.has('json')) {
    io.out(JSON.stringify({ ok, kind, errors: listed(errors), warnings: listed(warnings) }, null, 2));
    return ok ? 0 : 2;
  }
  // Warnings go to stderr: the file can run (exit 0), but part of it will not do what it seems to say.
  printWarnings(io, 'validate', lang, warnings);
  if (ok) {
    io.out(msg('valid', file, kind)[lang]);
  } else {
    io.out(msg('errorsIn', file, errors.length, kind)[lang]);
    for (const line of formatErrors(errors, lang)) io.out(`  ${line}`);
  }
  return ok ? 0 : 2;
}
