// lab/io's FileError messages in both languages. lab/io writes English with the user's path in it; the
// sentences it can write are few and fixed, so they are recognised here and rebuilt from their parts. An
// operating-system error is put into Chinese by its code (os-errors.ts), whether the table knows it or not;
// anything else is quoted after Chinese words, so a zh-CN run never prints a bare English sentence.
import type { FileError } from '../lab/io/files.js';
import { msg, perLang, type Msg } from './messages.js';
import { osErrorZh, uncodedErrorZh } from './os-errors.js';

/** The reasons lab/io gives for a file it will not read as text (text-decode.ts), in Chinese; null if unknown. */
function detailZh(rest: string): string | null {
  const save = '请另存为 UTF-8';
  if (rest === 'it is a socket, not a file') return '它是套接字，不是文件';
  if (rest === 'the file is UTF-32 text; save it as UTF-8') return `文件是 UTF-32 文本；${save}`;
  if (rest === 'the file starts as UTF-16 text but is not valid UTF-16; save it as UTF-8') return `文件以 UTF-16 文本开头，但不是有效的 UTF-16；${save}`;
  if (rest === 'the file is UTF-16 text without a byte-order mark; save it as UTF-8') return `文件是没有字节顺序标记（BOM）的 UTF-16 文本；${save}`;
  const bin = /^the file is binary, not text \(a zero byte at line (\d+), byte offset (\d+)\); is it the right file\?$/.exec(rest);
  if (bin !== null) return `文件是二进制文件，不是文本（第 ${bin[1]} 行、字节偏移 ${bin[2]} 处有一个零字节）；是不是选错了文件？`;
  const enc = /^the file is not UTF-8 text \(byte (0x[0-9a-f]+) at line (\d+), byte offset (\d+)\): a binary file, or text in another encoding; save it as UTF-8$/.exec(rest);
  if (enc !== null) return `文件不是 UTF-8 文本（第 ${enc[2]} 行、字节偏移 ${enc[3]} 处的字节 ${enc[1]}）：可能是二进制文件，或其他编码的文本；${save}`;
  return null;
}

export function fileErrorText(err: FileError): Msg {
  const m = err.message;
  // The path is the error's own (a reason may hold ": " too, so it is not found by splitting the sentence).
  const verb = ['cannot read', 'cannot write'].find((v) => m.startsWith(`${v} ${err.file}: `));
  if (verb !== undefined) {
    const file = err.file;
    const rest = m.slice(`${verb} ${file}: `.length);
    // ioError appends Node's code in parentheses: EACCES, or one of Node's own (ERR_STRING_TOO_LONG).
    const code = /\(([A-Z][A-Z0-9_]*)\)$/.exec(rest)?.[1];
    const detail = rest === 'no such file or folder' ? msg('noSuchFile') : rest === 'it is a folder' ? msg('isFolder')
      : { en: rest, 'zh-CN': detailZh(rest) ?? (code !== undefined ? osErrorZh(code) : uncodedErrorZh(rest)) };
    const key = verb === 'cannot read' ? 'cannotRead' : 'cannotWrite';
    return perLang((lang) => msg(key, file, detail[lang])[lang]);
  }
  const big = /^([\s\S]+) is (\d+) bytes; the limit is (\d+)$/.exec(m);
  if (big !== null) return msg('fileTooLarge', big[1]!, big[2]!, big[3]!);
  const grew = /^([\s\S]+) grew past the limit of (\d+) bytes while being read$/.exec(m);
  if (grew !== null) return msg('fileGrew', grew[1]!, grew[2]!);
  const over = /^([\s\S]+) is more than the limit of (\d+) bytes$/.exec(m);
  if (over !== null) return { en: m, 'zh-CN': `${over[1]!} 超过了 ${over[2]!} 字节的上限` };
  const idle = /^([\s\S]+) is a pipe and nothing was written to it for (\d+(?:\.\d+)?) s$/.exec(m);
  if (idle !== null) return { en: m, 'zh-CN': `${idle[1]!} 是一个管道，${idle[2]!} 秒内没有写入任何数据` };
  const changed = /^([\s\S]+) changed while being read$/.exec(m);
  if (changed !== null) return msg('fileChanged', changed[1]!);
  return { en: m, 'zh-CN': `${err.file}：${uncodedErrorZh(m)}` };
}
