// The output files shared by `run` and `replay`: each option names one export format, written atomically
// (see writeFileAtomic for links, devices and pipes); `-` writes a text format to stdout.
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ExportFormat } from '../contract/session.js';
import { csvChunks, jsonlChunks, pcapngChunks, renderExport, type ExportInput } from '../lab/export/index.js';
import { writeFileChunks, writtenPath } from '../lab/io/files.js';
import { saveSession } from '../lab/session-file.js';
import type { Session } from '../lab/session-model.js';
import type { Lang } from '../contract/commands.js';
import { UsageError, type OptSpec, type OptTable, type Parsed } from './args.js';
import type { CliIo } from './io.js';
import { isLang } from './lang.js';
import { labelled, msg, text } from './messages.js';

/** --lang, on every command: the language of the messages, of the SVG, PNG and HTML words and of the pcapng comments. */
export const LANG_OPTION: OptSpec = {
  kind: 'string', value: 'en|zh-CN',
  help: text('language of the messages, of the SVG, PNG and HTML text and of the pcapng comments (default: the locale, else en)', '消息、SVG、PNG、HTML 文字以及 pcapng 注释的语言（默认取系统语言环境，否则为 en）'),
};

export const OUTPUT_OPTIONS: OptTable = {
  trace: { kind: 'string', value: 'F.jsonl', help: text('the trace, one JSON event per line', 'trace，每行一个 JSON 事件') },
  pcap: { kind: 'string', value: 'F.pcapng', help: text('every packet with real bytes and a comment on its fate (Wireshark)', '每个报文的真实字节，并注释它的经历（供 Wireshark 打开）') },
  session: { kind: 'string', value: 'F.json', help: text('the session file (tcplab replay / the app can open it)', '会话文件（tcplab replay 和应用都能打开）') },
  svg: { kind: 'string', value: 'F.svg', help: text('the ladder diagram', '时序图（梯形图）') },
  'state-svg': { kind: 'string', value: 'F.svg', help: text('the RFC 9293 state diagram of every endpoint', '每个端点的 RFC 9293 状态图') },
  png: { kind: 'string', value: 'F.png', help: text('the ladder diagram as PNG (first 200 packets)', 'PNG 格式的时序图（前 200 个报文）') },
  csv: { kind: 'string', value: 'F.csv', help: text('one row per event (UTF-8 with BOM, for Excel)', '每个事件一行（带 BOM 的 UTF-8，方便 Excel 打开）') },
  html: { kind: 'string', value: 'F.html', help: text('a self-contained offline report', '自包含的离线报告') },
  lang: LANG_OPTION,
};

const FORMAT_OF: Record<string, ExportFormat> = {
  trace: 'jsonl', pcap: 'pcapng', session: 'session', svg: 'svg-ladder', 'state-svg': 'svg-state', png: 'png-ladder', csv: 'csv', html: 'html',
};

/** The formats that are bytes, not text: they cannot go to stdout (a terminal would show garbage). */
const BINARY: ReadonlySet<ExportFormat> = new Set(['pcapng', 'png-ladder']);

/** The file name that means stdout. */
export const STDOUT = '-';

/** The output files asked for, in option order; UsageError for a `-` that cannot be honoured. */
export function requestedOutputs(p: Parsed): Array<{ format: ExportFormat; file: string }> {
  const out: Array<{ format: ExportFormat; file: string }> = [];
  let toStdout: string | undefined;
  for (const [name, format] of Object.entries(FORMAT_OF)) {
    const file = p.opts.get(name);
    if (typeof file !== 'string') continue;
    if (file === STDOUT) {
      if (BINARY.has(format)) throw new UsageError(msg('binaryToStdout', name, format));
      if (toStdout !== undefined) throw new UsageError(msg('bothToStdout', toStdout, name));
      toStdout = name;
    }
    out.push({ format, file });
  }
  return out;
}

/**
 * What a path names, for comparing two paths: device and inode of an existing file (so links and
 * different spellings agree), the real path of a new one; undefined for a device or pipe (/dev/null may
 * take every output).
 */
function identity(file: string): string | undefined {
  try {
    const st = statSync(file);
    return st.isFile() ? `${st.dev}:${st.ino}` : undefined;
  } catch {
    const abs = path.resolve(writtenPath(file));
    try {
      return `new:${path.join(realpathSync(path.dirname(abs)), path.basename(abs))}`;
    } catch {
      return `new:${abs}`;
    }
  }
}

/**
 * Refuses (UsageError, before anything runs) an output that would overwrite the input file, or two outputs
 * naming the same file (the second would silently replace the first).
 */
export function checkOutputPaths(p: Parsed, inputFile: string | undefined): void {
  const input = inputFile === undefined ? undefined : identity(inputFile);
  const seen = new Map<string, string>();
  for (const name of Object.keys(FORMAT_OF)) {
    const file = p.opts.get(name);
    if (typeof file !== 'string' || file === STDOUT) continue;
    const id = identity(file);
    if (id === undefined) continue;
    if (id === input) throw new UsageError(msg('outputIsInput', name, file, inputFile ?? ''));
    const first = seen.get(id);
    if (first !== undefined) throw new UsageError(msg('sameOutput', first, name, file));
    seen.set(id, name);
  }
}

/** The --lang value, checked; `fallback` (the locale's language) when there is none. */
export function langOpt(p: Parsed, fallback: Lang): Lang {
  const v = p.opts.get('lang');
  if (v === undefined) return fallback;
  if (isLang(v)) return v;
  throw new UsageError(msg('badLang', String(v)));
}

/**
 * The contents of one output, in pieces: the trace formats are written piece by piece, since a long run's
 * trace is longer than the longest string V8 can build.
 */
function contents(input: ExportInput, session: Session, format: ExportFormat, lang: Lang): Iterable<string | Uint8Array> {
  if (format === 'jsonl') return jsonlChunks(input.trace);
  if (format === 'csv') return csvChunks(input.trace);
  // A pcapng of a long run is ~1 KB a packet: written piece by piece through two reused buffers, not built whole.
  if (format === 'pcapng') return pcapngChunks(input, { lang });
  return [format === 'session' ? saveSession(session) : renderExport(input, format, lang)];
}

/** Renders and writes each requested output; a write failure throws FileError (exit 1). */
export function writeOutputs(input: ExportInput, session: Session, wanted: ReadonlyArray<{ format: ExportFormat; file: string }>, lang: Lang, io: CliIo): void {
  for (const { format, file } of wanted) {
    const chunks = contents(input, session, format, lang);
    if (file === STDOUT) {
      let bytes = 0;
      for (const chunk of chunks) {
        const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
        bytes += Buffer.byteLength(text);
        if (io.write !== undefined) io.write(text);
        else io.out(text.endsWith('\n') ? text.slice(0, -1) : text);
      }
      io.err(labelled('tcplab', msg('wroteStdout', format, bytes)[lang], lang));
      continue;
    }
    const bytes = writeFileChunks(file, chunks);
    io.err(labelled('tcplab', msg('wrote', file, format, bytes)[lang], lang));
  }
}
