// Validation errors for scenario files: a JSON path, a stable code with parameters, and a message.
// Messages are rendered from per-language templates so the CLI and the UI can show them in en or zh-CN.

import { localizeTraceText } from '../contract/trace-text.js';

export type Lang = 'en' | 'zh-CN';

export type ErrorCode =
  | 'json-syntax'
  | 'too-large'
  | 'too-deep'
  | 'too-many-nodes'
  | 'forbidden-key'
  | 'not-object'
  | 'missing-format'
  | 'unknown-format'
  | 'type'
  | 'required'
  | 'unknown-key'
  | 'bad-key'
  | 'too-small'
  | 'too-big'
  | 'not-integer'
  | 'enum'
  | 'format'
  | 'duplicate'
  | 'unknown-host'
  | 'conflict'
  | 'missing-field'
  | 'forbidden-field'
  | 'bad-value'
  | 'knob-order'
  | 'inverted-range'
  | 'self-rule'
  | 'self-flood'
  | 'after-end'
  | 'at-end'
  | 'action-failed'
  | 'host-down'
  | 'internal';

export type ErrorParams = Record<string, string | number>;

export interface ScenarioError {
  /** JSON path, e.g. `$.hosts[1].sysctl["net.ipv4.tcp_synack_retries"]`. */
  path: string;
  /** English message (use formatErrors for zh-CN). */
  message: string;
  code: ErrorCode;
  params: ErrorParams;
}

type Template = (p: ErrorParams) => string;

const EN: Record<ErrorCode, Template> = {
  'json-syntax': (p) => `JSON syntax error at line ${p.line}, column ${p.column}: ${p.detail}`,
  'too-large': (p) => `the file is ${p.size} characters; the limit is ${p.max}`,
  'too-deep': (p) => `nesting is deeper than ${p.max} levels${p.line ? ` (at line ${p.line}, column ${p.column})` : ''}`,
  'too-many-nodes': (p) => `the document has more than ${p.max} values`,
  'forbidden-key': (p) => `the key "${p.key}" is not allowed (it could alter object prototypes)`,
  'not-object': (p) => `expected a JSON object, got ${p.received}`,
  'missing-format': (p) => `missing "format"; supported: ${p.supported}`,
  'unknown-format': (p) => `unknown format "${p.format}"; supported: ${p.supported}`,
  type: (p) => `expected ${p.expected}, got ${p.received}`,
  required: (p) => `required ${p.expected} is missing`,
  'unknown-key': (p) => `unknown key "${p.key}"${p.hint ? ` (did you mean "${p.hint}"?)` : ''}`,
  'bad-key': (p) => `invalid key "${p.key}": ${p.detail}`,
  'too-small': (p) => `${p.what} must be ${p.inclusive === 1 ? 'at least' : 'more than'} ${p.min}${p.unit ? ` ${p.unit}` : ''}`,
  'too-big': (p) => `${p.what} must be ${p.inclusive === 1 ? 'at most' : 'less than'} ${p.max}${p.unit ? ` ${p.unit}` : ''}`,
  'not-integer': () => `must be an integer`,
  enum: (p) => `must be one of ${p.values}; got ${p.received}`,
  format: (p) => `must be ${p.format}; got ${p.received}`,
  duplicate: (p) => `duplicate ${p.what} "${p.value}" (first used at ${p.first})`,
  'unknown-host': (p) => `unknown host "${p.host}"; hosts are ${p.hosts}`,
  conflict: (p) => `"${p.a}" and "${p.b}" cannot be used together`,
  'missing-field': (p) => `"${p.field}" is required ${p.when}`,
  'forbidden-field': (p) => `"${p.field}" is not allowed ${p.when}`,
  'bad-value': (p) => `${p.detail}`,
  'knob-order': (p) => `"${p.low}" (${p.lowValue}) must not be above "${p.high}" (${p.highValue})`,
  'inverted-range': (p) => `"${p.low}" (${p.lowValue}) is above "${p.high}" (${p.highValue}): the rule can never match`,
  'self-rule': (p) => `"from" and "to" are both "${p.host}": the rule matches only packets ${p.host} sends to itself`,
  'self-flood': (p) => `the flood's target ${p.target} is its own sender ${p.host}`,
  'after-end': (p) => `${p.atMs} ms is after the run ends (untilMs ${p.untilMs}): this ${p.what} never happens`,
  'at-end': (p) => `${p.atMs} ms is the run's last instant (untilMs ${p.untilMs}): nothing this ${p.what} causes is in the run`,
  'action-failed': (p) => `the ${p.op} at ${p.atMs} ms cannot apply: ${p.detail}`,
  'host-down': (p) => `host ${p.host} is down at ${p.atMs} ms (${p.crash} crashed it at ${p.crashMs} ms; ${Number(p.upAtMs) < 0 ? 'it stays down' : `it is up again at ${p.upAtMs} ms`}): `
    + (p.call === 'crash' ? 'it cannot crash again before it is up' : `its ${p.call} step cannot run`),
  internal: (p) => `internal validator error: ${p.detail}`,
};

const ZH: Record<ErrorCode, Template> = {
  'json-syntax': (p) => `JSON 语法错误，第 ${p.line} 行第 ${p.column} 列：${p.detail}`,
  'too-large': (p) => `文件有 ${p.size} 个字符，超过上限 ${p.max}`,
  'too-deep': (p) => `嵌套层数超过 ${p.max}${p.line ? `（第 ${p.line} 行第 ${p.column} 列）` : ''}`,
  'too-many-nodes': (p) => `文档中的值超过 ${p.max} 个`,
  'forbidden-key': (p) => `不允许使用键 "${p.key}"（它可能篡改对象原型）`,
  'not-object': (p) => `应为 JSON 对象，实际是 ${p.received}`,
  'missing-format': (p) => `缺少 "format"；支持的版本：${p.supported}`,
  'unknown-format': (p) => `未知的格式 "${p.format}"；支持的版本：${p.supported}`,
  type: (p) => `应为 ${p.expected}，实际是 ${p.received}`,
  required: (p) => `缺少必填项（${p.expected}）`,
  'unknown-key': (p) => `未知的键 "${p.key}"${p.hint ? `（是不是想写 "${p.hint}"？）` : ''}`,
  'bad-key': (p) => `键 "${p.key}" 无效：${p.detail}`,
  'too-small': (p) => `${p.what}必须${p.inclusive === 1 ? '不小于' : '大于'} ${p.min}${p.unit ? ` ${p.unit}` : ''}`,
  'too-big': (p) => `${p.what}必须${p.inclusive === 1 ? '不大于' : '小于'} ${p.max}${p.unit ? ` ${p.unit}` : ''}`,
  'not-integer': () => `必须是整数`,
  enum: (p) => `必须是 ${p.values} 之一；实际是 ${p.received}`,
  format: (p) => `格式应为 ${p.format}；实际是 ${p.received}`,
  duplicate: (p) => `重复的${p.what} "${p.value}"（首次出现在 ${p.first}）`,
  'unknown-host': (p) => `未知主机 "${p.host}"；已定义的主机：${p.hosts}`,
  conflict: (p) => `"${p.a}" 与 "${p.b}" 不能同时使用`,
  'missing-field': (p) => `${p.when}必须提供 "${p.field}"`,
  'forbidden-field': (p) => `${p.when}不允许出现 "${p.field}"`,
  'bad-value': (p) => `${p.detail}`,
  'knob-order': (p) => `"${p.low}"（${p.lowValue}）不能大于 "${p.high}"（${p.highValue}）`,
  'inverted-range': (p) => `"${p.low}"（${p.lowValue}）大于 "${p.high}"（${p.highValue}）：该规则永远不会匹配`,
  'self-rule': (p) => `"from" 与 "to" 都是 "${p.host}"：该规则只匹配 ${p.host} 发给自己的报文`,
  'self-flood': (p) => `洪泛的目标 ${p.target} 就是发送方 ${p.host} 自己`,
  'after-end': (p) => `${p.atMs} ms 晚于运行结束时间（untilMs ${p.untilMs}）：该${p.what}永远不会发生`,
  'at-end': (p) => `${p.atMs} ms 是运行的最后一刻（untilMs ${p.untilMs}）：该${p.what}造成的任何结果都不在本次运行中`,
  'action-failed': (p) => `${p.atMs} ms 的 ${p.op} 动作无法执行：${p.detail}`,
  'host-down': (p) => `主机 ${p.host} 在 ${p.atMs} ms 处于宕机状态（${p.crash} 让它在 ${p.crashMs} ms 崩溃；${Number(p.upAtMs) < 0 ? '它此后一直没有恢复' : `它在 ${p.upAtMs} ms 重新启动`}）：`
    + (p.call === 'crash' ? '它在重新启动之前不能再次崩溃' : `它的 ${p.call} 步骤无法执行`),
  internal: (p) => `校验器内部错误：${p.detail}`,
};

/**
 * Words inside params that the zh-CN templates translate (what/unit/when/expected/format). A Map, since the
 * params also carry the user's own values: on a plain object "constructor" or "__proto__" would find
 * Object.prototype's members and print JavaScript internals.
 */
const ZH_WORDS: ReadonlyMap<string, string> = new Map(Object.entries({
  number: '数值', string: '字符串', array: '数组', object: '对象', boolean: '布尔值', integer: '整数',
  'the value': '该值', 'the text': '文本长度', 'the list': '列表长度', characters: '个字符', items: '项',
  'for a listen step': '对 listen 步骤', 'for a connect step': '对 connect 步骤', 'for a send step': '对 send 步骤', 'for a read step': '对 read 步骤',
  'for an autoread step': '对 autoread 步骤', 'for an autoaccept step': '对 autoaccept 步骤', 'for a step with "on"': '对带 "on" 的步骤',
  'for this call': '对该调用', 'for this action': '对该动作',
  'for a crash step': '对 crash 步骤', 'for every call but a crash': '对除 crash 以外的每个调用',
  'for a crash at "atMs" (it is the whole host\'s)': '对定时（"atMs"）的 crash 步骤（它针对整台主机）',
  'for a crash on an application event (the socket whose event triggers it)': '对由应用事件触发的 crash 步骤（指明哪个套接字的事件触发它）',
  'a dotted-quad IPv4 address': '点分十进制 IPv4 地址', '"ip:port"': '"ip:port" 形式',
  'flag letters from SAFRPUEC, each at most once': 'SAFRPUEC 中的标志字母（每个至多一次）',
  'a host name (letter, then letters, digits, _ or -; at most 32)': '主机名（字母开头，可含字母、数字、_ 或 -，最长 32）',
  'a sysctl name such as net.ipv4.tcp_syn_retries': 'sysctl 名称，如 net.ipv4.tcp_syn_retries',
  step: '步骤', action: '动作', flood: '洪泛',
  'host name': '主机名', 'IP address': 'IP 地址', 'rule id': '规则 id', 'lesson id': '课程 id', 'branch id': '分支 id',
  "ms (the scenario's untilMs)": '毫秒（场景的 untilMs）', ms: '毫秒',
}));

/**
 * Params that carry English written elsewhere (a NetError's or JSON.parse's message, describeValue's "an
 * array"): put into Chinese by the table the app uses for the engine's text, or left as they are.
 */
const FREE_TEXT_PARAMS: ReadonlySet<string> = new Set(['detail', 'received']);

function zhParams(p: ErrorParams): ErrorParams {
  const out: ErrorParams = {};
  for (const [k, v] of Object.entries(p)) {
    if (typeof v !== 'string') out[k] = v;
    else out[k] = ZH_WORDS.get(v) ?? (FREE_TEXT_PARAMS.has(k) ? localizeTraceText(v, 'zh-CN') : v);
  }
  return out;
}

export function renderError(code: ErrorCode, params: ErrorParams, lang: Lang = 'en'): string {
  return lang === 'zh-CN' ? ZH[code](zhParams(params)) : EN[code](params);
}

export function makeError(path: string, code: ErrorCode, params: ErrorParams = {}): ScenarioError {
  return { path, message: renderError(code, params, 'en'), code, params };
}

/** One line per error, `path: message` (in Chinese `path：message`, the full-width colon), in the chosen language. */
export function formatErrors(errors: readonly ScenarioError[], lang: Lang = 'en'): string[] {
  const colon = lang === 'zh-CN' ? '：' : ': ';
  return errors.map((e) => `${e.path}${colon}${renderError(e.code, e.params, lang)}`);
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `["hosts", 1, "sysctl", "net.ipv4.x"]` → `$.hosts[1].sysctl["net.ipv4.x"]`. */
export function jsonPath(parts: ReadonlyArray<string | number | symbol>): string {
  let out = '$';
  for (const part of parts) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'symbol') out += `[${JSON.stringify(String(part))}]`;
    else if (IDENT.test(part)) out += `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/** A short, bounded description of a value for messages: `"abc"`, `42`, `an array`, `null`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return value.length > 40 ? `a string of ${value.length} characters` : JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : String(value);
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}
