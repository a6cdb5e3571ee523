// The `tcplab` command line (DESIGN.md "CLI"): dispatch, help, and the exit-code policy:
// 0 ok, 1 a failed run (the simulation threw, an output could not be written), 2 bad input (options,
// files, scenarios). Commands throw UsageError / CliExit; nothing below calls process.exit. Every message
// is printed in the CLI's language (lang.ts: --lang, else the locale).
import type { Lang } from '../contract/commands.js';
import { FileError } from '../lab/io/files.js';
import { UsageError } from './args.js';
import { fileErrorText } from './file-errors.js';
import { CliExit, processIo, type CliIo } from './io.js';
import { cliLang, isLang } from './lang.js';
import { cmdLessons, lessonsUsage } from './lessons.js';
import { labelled, msg, text, type Msg } from './messages.js';
import { cmdReplay, cmdRun, replayUsage, runUsage } from './run.js';
import { cmdValidate, validateUsage } from './validate.js';

export const USAGE: Msg = text(`usage: tcplab <command> [options]

commands:
  run <scenario.json | lesson-id>   run a scenario or a lesson; write the trace, pcapng, diagrams, report
  replay <session.json>             re-run a saved session exactly; same outputs as run
  validate <file>                   check a scenario or session file; print every error with its JSON path
  lessons [--json]                  list the lessons with their ids and titles
  help [command]                    show help

Run 'tcplab <command> --help' for a command's options.
Every command takes --lang en|zh-CN (default: the locale, LC_ALL / LC_MESSAGES / LANG, else en).
Exit codes: 0 success, 1 a failed run, 2 bad input.`, `用法：tcplab <命令> [选项]

命令：
  run <场景.json | 课程 id>         运行一个场景或一节课程；写出 trace、pcapng、图和报告
  replay <会话.json>                按原样重新运行保存的会话；输出与 run 相同
  validate <文件>                   检查场景文件或会话文件；列出每个错误及其 JSON 路径
  lessons [--json]                  列出所有课程的 id 和标题
  help [命令]                       显示帮助

运行 'tcplab <命令> --help' 查看该命令的选项。
每个命令都接受 --lang en|zh-CN（默认取系统语言环境 LC_ALL / LC_MESSAGES / LANG，否则为 en）。
退出码：0 成功，1 运行失败，2 输入有误。`);

type Command = (argv: readonly string[], io: CliIo, lang: Lang) => number;

const COMMANDS: Record<string, { run: Command; usage: (lang: Lang) => string }> = {
  run: { run: cmdRun, usage: runUsage },
  replay: { run: cmdReplay, usage: replayUsage },
  validate: { run: cmdValidate, usage: validateUsage },
  lessons: { run: cmdLessons, usage: lessonsUsage },
};

function commandOf(name: string): (typeof COMMANDS)[string] | undefined {
  return Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
}

function help(topic: string | undefined, io: CliIo, lang: Lang): number {
  if (topic === undefined || topic.startsWith('-')) { io.out(USAGE[lang]); return 0; }
  const cmd = commandOf(topic);
  if (cmd === undefined) { io.err(`${labelled('tcplab', msg('noCommand', topic)[lang], lang)}\n\n${USAGE[lang]}`); return 2; }
  io.out(cmd.usage(lang));
  return 0;
}

export function runCli(argv: readonly string[], io: CliIo = processIo): number {
  const lang = cliLang(argv, io.env ?? {});
  // `tcplab --lang zh-CN run …`: the language may also come before the command (checked here, since the
  // command never sees it: `tcplab --lang fr run …` must be refused as `run … --lang fr` is).
  const leading = argv[0] === '--lang' ? argv[1] : argv[0]?.startsWith('--lang=') === true ? argv[0].slice('--lang='.length) : null;
  if (leading === undefined || leading === '') { io.err(`${labelled('tcplab', msg('needsValue', 'lang', 'en|zh-CN')[lang], lang)}\n\n${USAGE[lang]}`); return 2; }
  if (leading !== null && !isLang(leading)) { io.err(`${labelled('tcplab', msg('badLang', leading)[lang], lang)}\n\n${USAGE[lang]}`); return 2; }
  const args = argv[0] === '--lang' ? argv.slice(2) : leading !== null ? argv.slice(1) : argv;
  const [name, ...rest] = args;
  if (name === undefined) { io.err(USAGE[lang]); return 2; }
  if (name === 'help' || name === '--help' || name === '-h') return help(rest[0], io, lang);
  const cmd = commandOf(name);
  if (cmd === undefined) { io.err(`${labelled('tcplab', msg('unknownCommand', name)[lang], lang)}\n\n${USAGE[lang]}`); return 2; }
  try {
    return cmd.run(rest, io, lang);
  } catch (err) {
    if (err instanceof UsageError) { io.err(`${labelled(`tcplab ${name}`, err.text[lang], lang)}\n${msg('seeHelp', name)[lang]}`); return 2; }
    if (err instanceof CliExit) { io.err(labelled(`tcplab ${name}`, err.text[lang], lang)); return err.code; }
    if (err instanceof FileError) { io.err(labelled(`tcplab ${name}`, fileErrorText(err)[lang], lang)); return 1; }
    io.err(labelled(`tcplab ${name}`, msg('internalError', err instanceof Error ? (err.stack ?? err.message) : String(err))[lang], lang));
    return 1;
  }
}
