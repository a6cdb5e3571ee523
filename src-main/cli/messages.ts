// Every sentence the `tcplab` command line prints, in English and Simplified Chinese. A message is built in
// both languages at once (a `Msg`), so an error can be thrown deep in a command and printed in the language
// runCli chose (--lang, else the locale; lang.ts). ZH is typed as EN: a key missing in one language does not
// compile, and tests/unit/cli/messages.test.ts checks that every Chinese message reads as Chinese.
// Technical tokens stay untranslated: options, file names, JSON paths, format names, ids, numbers.
import type { Lang } from '../contract/commands.js';
import { offRecordText } from '../lab/export/fate.js';

export type Msg = Readonly<Record<Lang, string>>;

/**
 * "tcplab run: the run failed: …" / "tcplab run：运行失败：…": a line labelled with the program or command. Chinese
 * text takes the full-width colon, after a Latin label too, as the catalog's own sentences do.
 */
export function labelled(label: string, line: string, lang: Lang): string {
  return `${label}${lang === 'zh-CN' ? '：' : ': '}${line}`;
}

/** A message written in place (option help): both languages side by side. */
export const text = (en: string, zh: string): Msg => ({ en, 'zh-CN': zh });

const EN = {
  seeHelp: (cmd: string) => `Run 'tcplab ${cmd} --help' for its options.`,
  noCommand: (topic: string) => `no command "${topic}"`,
  unknownCommand: (name: string) => `unknown command "${name}"`,
  internalError: (detail: string) => `internal error: ${detail}`,
  unknownOption: (arg: string, known: string) => `unknown option "${arg}" (options: ${known})`,
  singleDash: (arg: string, meant: string | null, known: string) => `unknown option "${arg}": options start with two dashes`
    + (meant === null ? ` (options: ${known})` : ` (did you mean "--${meant}"?)`),
  givenTwice: (name: string) => `option --${name} is given twice`,
  takesNoValue: (name: string) => `option --${name} takes no value`,
  needsFile: (name: string) => `--${name} needs a file name`,
  needsValue: (name: string, value: string) => `--${name} needs a value (${value})`,
  unexpectedArgument: (arg: string) => `unexpected argument "${arg}"`,
  intRange: (name: string, min: number, max: number, v: string) => `--${name} must be an integer from ${min} to ${max}, not "${v}"`,
  badLang: (v: string) => `--lang must be en or zh-CN, not "${v}"`,
  badProfile: (v: string) => `--profile must be rfc, linux or classic, not "${v}"`,
  binaryToStdout: (name: string, format: string) => `--${name} -: ${format} is binary and cannot be written to stdout; give a file name`,
  bothToStdout: (a: string, b: string) => `--${a} and --${b} both write to stdout (-); only one output can`,
  outputIsInput: (name: string, file: string, input: string) => `--${name} ${file} is the input file ${input}: writing it would destroy the input; choose another name`,
  sameOutput: (a: string, b: string, file: string) => `--${a} and --${b} both name ${file}: give each output its own file`,
  wrote: (file: string, format: string, bytes: number) => `wrote ${file} (${format}, ${bytes} bytes)`,
  wroteStdout: (format: string, bytes: number) => `wrote stdout (${format}, ${bytes} bytes)`,
  progress: (pct: number, nowMs: number, untilMs: number, events: number, seconds: string) => `${pct}% (virtual ${nowMs} of ${untilMs} ms, ${events} events, ${seconds} s)`,
  tooBig: (origin: string, detail: string) => `${origin} is too big to run here: ${detail}`,
  runFailed: (detail: string) => `the run failed: ${detail}`,
  runNeedsTarget: () => 'run needs a scenario file or a lesson id',
  replayNeedsFile: () => 'replay needs a session file',
  validateNeedsFile: () => 'validate needs a file',
  scenarioNotSession: (file: string) => `${file} is a scenario, not a session: use "tcplab run ${file}"`,
  sessionNotScenario: (file: string) => `${file} is a session file: use "tcplab replay ${file}"`,
  invalidSession: (file: string) => `${file} is not a valid session file:`,
  invalidScenario: (file: string) => `${file} is not a valid scenario:`,
  invalidWithOptions: (origin: string) => `${origin} with the given options is not valid:`,
  unknownBranch: (branch: string, list: string) => `--branch ${branch}: the session has branches ${list}`,
  unknownLesson: (arg: string, ids: string) => `"${arg}" is neither a .json file nor a lesson id (see tcplab lessons; ids: ${ids})`,
  compareRange: (n: number, count: number) => `--compare ${n}: this scenario has ${count} comparison run(s)${count > 0 ? ` (0-${count - 1})` : ''}`,
  originLesson: (id: string) => `lesson ${id}`,
  summaryRun: (seed: string, profile: string, untilMs: string, compare: number | null) =>
    `seed ${seed}, profile ${profile}, ran to ${untilMs} ms${compare === null ? '' : `, comparison run ${compare}`}`,
  summaryCounts: (events: number, packets: number, offRecord: boolean, delivered: number, dropped: number, travelling: number) =>
    `${events} events, ${packets} packets${offRecord ? ' on record' : ''} (${delivered} delivered, ${dropped} dropped${travelling > 0 ? `, ${travelling} still travelling` : ''})`,
  // The pcapng section comment's words (lab/export/strings.ts), so that the two never drift apart.
  offRecord: (missing: number, sent: number) => offRecordText(missing, sent, 'en'),
  noStateChange: () => 'no connection changed state',
  finalStates: () => 'final states:',
  moreConnections: (n: number, state: string, host: string) => `… and ${n} more ${state} on ${host}`,
  hostCrash: (host: string, atMs: number, upMs: number | null) => `${host} crashed at ${atMs} ms, ${upMs === null ? 'and stays down' : `up again at ${upMs} ms`}`,
  valid: (file: string, kind: 'scenario' | 'session') => `${file}: a valid ${kind}`,
  errorsIn: (file: string, n: number, kind: 'scenario' | 'session') => `${file}: ${n} error(s) in this ${kind}:`,
  cannotRead: (file: string, detail: string) => `cannot read ${file}: ${detail}`,
  cannotWrite: (file: string, detail: string) => `cannot write ${file}: ${detail}`,
  noSuchFile: () => 'no such file or folder',
  emptyInput: (file: string) => `${file} is empty: expected a tcplab scenario or session (JSON)`,
  warning: (cmd: string, line: string) => `tcplab ${cmd}: warning: ${line}`,
  isFolder: () => 'it is a folder',
  fileTooLarge: (file: string, size: string, max: string) => `${file} is ${size} bytes; the limit is ${max}`,
  fileGrew: (file: string, max: string) => `${file} grew past the limit of ${max} bytes while being read`,
  fileChanged: (file: string) => `${file} changed while being read`,
  cannotWriteStdout: (detail: string) => `cannot write to stdout: ${detail}`,
};

type Catalog = typeof EN;

const ZH: Catalog = {
  seeHelp: (cmd) => `运行 'tcplab ${cmd} --help' 查看它的选项。`,
  noCommand: (topic) => `没有命令 "${topic}"`,
  unknownCommand: (name) => `未知命令 "${name}"`,
  internalError: (detail) => `内部错误：${detail}`,
  unknownOption: (arg, known) => `未知选项 "${arg}"（可用选项：${known}）`,
  singleDash: (arg, meant, known) => `未知选项 "${arg}"：选项以两个短横线开头`
    + (meant === null ? `（可用选项：${known}）` : `（是不是想用 "--${meant}"？）`),
  givenTwice: (name) => `选项 --${name} 给了两次`,
  takesNoValue: (name) => `选项 --${name} 不接受取值`,
  needsFile: (name) => `--${name} 需要一个文件名`,
  needsValue: (name, value) => `--${name} 需要一个取值（${value}）`,
  unexpectedArgument: (arg) => `多余的参数 "${arg}"`,
  intRange: (name, min, max, v) => `--${name} 必须是 ${min} 到 ${max} 之间的整数，而不是 "${v}"`,
  badLang: (v) => `--lang 只能是 en 或 zh-CN，而不是 "${v}"`,
  badProfile: (v) => `--profile 只能是 rfc、linux 或 classic，而不是 "${v}"`,
  binaryToStdout: (name, format) => `--${name} -：${format} 是二进制格式，不能写到标准输出；请给一个文件名`,
  bothToStdout: (a, b) => `--${a} 和 --${b} 都要写到标准输出（-）；只能有一个输出写到那里`,
  outputIsInput: (name, file, input) => `--${name} ${file} 就是输入文件 ${input}：写入会毁掉输入；请换一个文件名`,
  sameOutput: (a, b, file) => `--${a} 和 --${b} 都指向 ${file}：每个输出请用各自的文件`,
  wrote: (file, format, bytes) => `已写入 ${file}（${format}，${bytes} 字节）`,
  wroteStdout: (format, bytes) => `已写到标准输出（${format}，${bytes} 字节）`,
  progress: (pct, nowMs, untilMs, events, seconds) => `${pct}%（虚拟时间 ${nowMs} / ${untilMs} 毫秒，${events} 个事件，${seconds} 秒）`,
  tooBig: (origin, detail) => `${origin} 太大，无法在这里运行：${detail}`,
  runFailed: (detail) => `运行失败：${detail}`,
  runNeedsTarget: () => 'run 需要一个场景文件或课程 id',
  replayNeedsFile: () => 'replay 需要一个会话文件',
  validateNeedsFile: () => 'validate 需要一个文件',
  scenarioNotSession: (file) => `${file} 是场景文件，不是会话文件：请用 "tcplab run ${file}"`,
  sessionNotScenario: (file) => `${file} 是会话文件：请用 "tcplab replay ${file}"`,
  invalidSession: (file) => `${file} 不是有效的会话文件：`,
  invalidScenario: (file) => `${file} 不是有效的场景文件：`,
  invalidWithOptions: (origin) => `${origin} 加上给定的选项后无效：`,
  unknownBranch: (branch, list) => `--branch ${branch}：这个会话的分支有 ${list}`,
  unknownLesson: (arg, ids) => `"${arg}" 既不是 .json 文件，也不是课程 id（见 tcplab lessons；课程 id：${ids}）`,
  compareRange: (n, count) => `--compare ${n}：这个场景有 ${count} 个对比运行${count > 0 ? `（0-${count - 1}）` : ''}`,
  originLesson: (id) => `课程 ${id}`,
  summaryRun: (seed, profile, untilMs, compare) =>
    `随机种子 ${seed}，协议栈配置 ${profile}，运行到 ${untilMs} 毫秒${compare === null ? '' : `，对比运行 ${compare}`}`,
  summaryCounts: (events, packets, offRecord, delivered, dropped, travelling) =>
    `${events} 个事件，${offRecord ? '记录中有 ' : ''}${packets} 个报文（${delivered} 个送达，${dropped} 个被丢弃${travelling > 0 ? `，${travelling} 个仍在传输中` : ''}）`,
  offRecord: (missing, sent) => offRecordText(missing, sent, 'zh-CN'),
  noStateChange: () => '没有连接改变状态',
  finalStates: () => '最终状态：',
  moreConnections: (n, state, host) => `…… 另有 ${n} 个 ${host} 上处于 ${state} 的连接`,
  hostCrash: (host, atMs, upMs) => `${host} 于 ${atMs} ms 崩溃，${upMs === null ? '此后一直宕机' : `${upMs} ms 重新启动`}`,
  valid: (file, kind) => `${file}：有效的${kind === 'session' ? '会话文件' : '场景文件'}`,
  errorsIn: (file, n, kind) => `${file}：这个${kind === 'session' ? '会话文件' : '场景文件'}有 ${n} 个错误：`,
  cannotRead: (file, detail) => `无法读取 ${file}：${detail}`,
  cannotWrite: (file, detail) => `无法写入 ${file}：${detail}`,
  noSuchFile: () => '没有这个文件或文件夹',
  isFolder: () => '它是一个文件夹',
  fileTooLarge: (file, size, max) => `${file} 有 ${size} 字节，超过上限 ${max}`,
  fileGrew: (file, max) => `${file} 在读取时变大，超过了 ${max} 字节的上限`,
  fileChanged: (file) => `${file} 在读取时被改动了`,
  emptyInput: (file) => `${file} 是空的：应为 tcplab 场景或会话文件（JSON）`,
  warning: (cmd, line) => `tcplab ${cmd}：警告：${line}`,
  cannotWriteStdout: (detail) => `无法写到标准输出：${detail}`,
};

export const MESSAGES: Readonly<Record<Lang, Catalog>> = { en: EN, 'zh-CN': ZH };

type Args<K extends keyof Catalog> = Parameters<Catalog[K]>;

/** The message `key` with its arguments, in both languages. */
export function msg<K extends keyof Catalog>(key: K, ...args: Args<K>): Msg {
  const render = (c: Catalog) => (c[key] as (...a: Args<K>) => string)(...args);
  return { en: render(EN), 'zh-CN': render(ZH) };
}

/** A message built per language (when one of its parts is itself a Msg). */
export function perLang(build: (lang: Lang) => string): Msg {
  return { en: build('en'), 'zh-CN': build('zh-CN') };
}

/** Joins messages (and plain text, the same in both languages) line by line or with a separator. */
export function join(parts: ReadonlyArray<Msg | string>, sep = ''): Msg {
  const pick = (lang: Lang) => parts.map((p) => (typeof p === 'string' ? p : p[lang])).join(sep);
  return { en: pick('en'), 'zh-CN': pick('zh-CN') };
}
