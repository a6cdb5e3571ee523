// lab/io's FileError messages in both languages. lab/io writes English with the user's path in it; the
// sentences it can write are few and fixed, so they are recognised here and rebuilt from their parts. An
// operating-system description the table does not know stays as Node wrote it, after the Chinese words.
import type { FileError } from '../lab/io/files.js';
import { msg, perLang, type Msg } from './messages.js';

/** Node's error codes (ioError appends them in parentheses) that a student can meet, in Chinese. */
const OS_ZH: Readonly<Record<string, string>> = {
  EACCES: '没有权限', EPERM: '不允许这个操作', EROFS: '文件系统是只读的', ENOSPC: '磁盘空间不足', ENOTDIR: '路径中有一部分不是文件夹',
  ELOOP: '符号链接层数太多', ENAMETOOLONG: '文件名太长', EBUSY: '文件正被占用', EMFILE: '打开的文件太多', EIO: '输入输出错误',
};

export function fileErrorText(err: FileError): Msg {
  const m = err.message;
  const io = /^(cannot read|cannot write) ([\s\S]+): ([\s\S]+)$/.exec(m);
  if (io !== null) {
    const [, verb, file, rest] = io as unknown as [string, string, string, string];
    const code = /\((E[A-Z]+)\)$/.exec(rest)?.[1];
    const detail = rest === 'no such file or folder' ? msg('noSuchFile') : rest === 'it is a folder' ? msg('isFolder')
      : { en: rest, 'zh-CN': code !== undefined && OS_ZH[code] !== undefined ? `${OS_ZH[code]}（${code}）` : rest };
    const key = verb === 'cannot read' ? 'cannotRead' : 'cannotWrite';
    return perLang((lang) => msg(key, file, detail[lang])[lang]);
  }
  const big = /^([\s\S]+) is (\d+) bytes; the limit is (\d+)$/.exec(m);
  if (big !== null) return msg('fileTooLarge', big[1]!, big[2]!, big[3]!);
  const grew = /^([\s\S]+) grew past the limit of (\d+) bytes while being read$/.exec(m);
  if (grew !== null) return msg('fileGrew', grew[1]!, grew[2]!);
  const changed = /^([\s\S]+) changed while being read$/.exec(m);
  if (changed !== null) return msg('fileChanged', changed[1]!);
  return { en: m, 'zh-CN': m };
}
