// What the operating system (or Node) says when a file or stream operation fails, in Chinese. Node writes
// its descriptions in English only ("ENOSPC: no space left on device, write"); the CLI keeps those in English
// and prints this table's wording, with the code, in Chinese. A code the table does not know still gives a
// Chinese sentence that names it, so a zh-CN run never falls back to an English one.

/** Node's error codes that a file or a stream can meet, in Chinese. */
export const OS_ERRORS_ZH: Readonly<Record<string, string>> = {
  EACCES: '没有权限',
  EPERM: '不允许这个操作',
  EROFS: '文件系统是只读的',
  ENOSPC: '磁盘空间不足',
  EDQUOT: '超出了磁盘配额',
  ENOENT: '没有这个文件或文件夹',
  ENOTDIR: '路径中有一部分不是文件夹',
  EISDIR: '它是一个文件夹',
  ELOOP: '符号链接层数太多（可能链接成了环）',
  ENAMETOOLONG: '文件名太长',
  EBUSY: '文件正被占用',
  EMFILE: '这个程序打开的文件太多',
  ENFILE: '系统打开的文件太多',
  EIO: '输入输出错误',
  EEXIST: '文件已经存在',
  ETXTBSY: '这个文件是正在运行的程序，不能写入',
  EFBIG: '文件太大，超过了文件系统允许的大小',
  EOVERFLOW: '文件太大，无法这样读取',
  EINVAL: '这个文件或设备不支持这个操作（参数无效）',
  EAGAIN: '暂时无法完成，请稍后再试',
  EWOULDBLOCK: '暂时无法完成，请稍后再试',
  EINTR: '操作被中断',
  ENXIO: '没有这个设备或地址（设备或管道的另一端不存在）',
  ENODEV: '没有这个设备',
  EXDEV: '不能跨文件系统操作',
  ESPIPE: '管道或套接字不能定位读写',
  EOPNOTSUPP: '不支持这个操作',
  ENOTSUP: '不支持这个操作',
  ENOSYS: '系统不支持这个功能',
  EPIPE: '管道的另一端已经关闭',
  ECONNRESET: '连接被对方重置',
  ENOTCONN: '套接字没有连接',
  ENOMEM: '内存不足',
  EBADF: '文件描述符无效',
  ENOTEMPTY: '文件夹不是空的',
  ESTALE: '网络文件系统上的文件句柄已失效',
  ETIMEDOUT: '操作超时',
  ECANCELED: '操作被取消',
  EMLINK: '链接数太多',
  ENOTTY: '这个设备不支持这个操作',
  EILSEQ: '文件名中有无效的字符',
  ENODATA: '没有可用的数据',
  ERANGE: '结果超出范围',
};

/** The Chinese for an error code, naming the code: `没有权限（EACCES）`, or a sentence naming an unknown one. */
export function osErrorZh(code: string): string {
  const known = Object.prototype.hasOwnProperty.call(OS_ERRORS_ZH, code) ? OS_ERRORS_ZH[code] : undefined;
  return known === undefined ? `系统报告了错误 ${code}` : `${known}（${code}）`;
}

/**
 * A description with no code at all (Node always gives one for a system call; this is for anything else):
 * kept as it was written, quoted, after Chinese words saying what it is.
 */
export function uncodedErrorZh(description: string): string {
  return `系统报告了错误：“${description}”`;
}

/** A Node error's description in Chinese (a stream's error on stdout: `write EPIPE`, `ENOSPC: …`). */
export function nodeErrorZh(err: { code?: unknown; message?: unknown }): string {
  return typeof err.code === 'string' && err.code !== '' ? osErrorZh(err.code) : uncodedErrorZh(String(err.message ?? err));
}
