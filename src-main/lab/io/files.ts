// The lab's only file I/O (DESIGN.md: autosave and exports use atomic writes). A write goes to a temp
// file in the same folder, is fsynced, then renamed over the target: a crash or a full disk leaves
// either the old file or the new one, never half of each. Reads refuse files over a size limit before
// reading them, so a wrong path (a 4 GB video) cannot exhaust memory.
import { closeSync, fsyncSync, openSync, readSync, renameSync, statSync, unlinkSync, writeSync, fstatSync } from 'node:fs';
import path from 'node:path';

export class FileError extends Error {
  constructor(
    readonly code: 'not-found' | 'too-large' | 'not-a-file' | 'io',
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = 'FileError';
  }
}

let tempCounter = 0;

function ioError(err: unknown, file: string, what: string): FileError {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'ENOENT') return new FileError('not-found', `${what} ${file}: no such file or folder`, file);
  if (e.code === 'EISDIR') return new FileError('not-a-file', `${what} ${file}: it is a folder`, file);
  return new FileError('io', `${what} ${file}: ${e.message ?? String(err)}`, file);
}

/** Writes data to file atomically (temp file in the same folder + fsync + rename). Throws FileError. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const dir = path.dirname(path.resolve(file));
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${++tempCounter}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o644);
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, file);
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    try { unlinkSync(temp); } catch { /* it may not exist */ }
    throw ioError(err, file, 'cannot write');
  }
  syncFolder(dir);
}

/** Makes the rename itself durable; some systems (Windows) cannot open a folder, which is fine there. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch { /* best effort */ } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Reads a whole file, refusing one over maxBytes (checked before and while reading). Throws FileError. */
export function readFileLimited(file: string, maxBytes: number): Uint8Array {
  let fd: number | undefined;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new FileError('not-a-file', `cannot read ${file}: it is a folder`, file);
    if (st.size > maxBytes) throw new FileError('too-large', `${file} is ${st.size} bytes; the limit is ${maxBytes}`, file);
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    const buf = Buffer.alloc(Math.min(size, maxBytes) + 1);
    let got = 0;
    for (;;) {
      const n = readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
      if (got > maxBytes) throw new FileError('too-large', `${file} grew past the limit of ${maxBytes} bytes while being read`, file);
      if (got === buf.length) throw new FileError('io', `${file} changed while being read`, file);
    }
    return new Uint8Array(buf.buffer, buf.byteOffset, got);
  } catch (err) {
    if (err instanceof FileError) throw err;
    throw ioError(err, file, 'cannot read');
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** readFileLimited as UTF-8 text (a leading byte-order mark is dropped). */
export function readTextLimited(file: string, maxBytes: number): string {
  return new TextDecoder('utf-8').decode(readFileLimited(file, maxBytes));
}
