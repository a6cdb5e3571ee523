// The lab's only file I/O (DESIGN.md: autosave and exports use atomic writes). A write to a regular file
// (or a new path) goes to a temp file in the same folder, is fsynced, then renamed over the target: a crash
// or a full disk leaves either the old file or the new one, never half of each. A symlink is followed (the
// file it points to is replaced, the link stays a link); a device or a pipe (/dev/null, /dev/stdout, a FIFO)
// is written in place, since renaming over it would replace the device node with a regular file. Reads
// refuse files over a size limit before reading them, so a wrong path (a 4 GB video) cannot exhaust memory.
import { constants, closeSync, fsyncSync, lstatSync, openSync, readlinkSync, readSync, renameSync, statSync, unlinkSync, writeSync, fstatSync, type Stats } from 'node:fs';
import path from 'node:path';
import { decodeText } from './text-decode.js';

export class FileError extends Error {
  constructor(
    readonly code: 'not-found' | 'too-large' | 'not-a-file' | 'not-text' | 'io',
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = 'FileError';
  }
}

let tempCounter = 0;

/** Symlinks followed before giving up (the kernel's own limit is 40). */
const MAX_LINKS = 40;

/**
 * A FileError that names the user's path: Node's messages name the file a system call touched (our temp
 * file, or a link's target), so only their description ("permission denied") is kept.
 */
function ioError(err: unknown, file: string, what: string): FileError {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'ENOENT') return new FileError('not-found', `${what} ${file}: no such file or folder`, file);
  if (e.code === 'EISDIR') return new FileError('not-a-file', `${what} ${file}: it is a folder`, file);
  const described = (e.message ?? String(err)).replace(/^[A-Z0-9_]+: /, '').replace(/, \w+ '.*'$/s, '');
  return new FileError('io', `${what} ${file}: ${described}${e.code === undefined ? '' : ` (${e.code})`}`, file);
}

/** stat (through symlinks, as the kernel resolves them), or undefined when nothing is there. */
function statOrNone(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/**
 * Where a write to `file` really goes. `inPlace` for a device, FIFO or socket, and for /dev/stdout-style
 * links into /proc (their target is an open descriptor: replacing the file it names would bypass it).
 * Otherwise the symlinks are followed (even a dangling one, whose target is then created) to the path the
 * temp file is renamed over, so a link stays a link.
 */
function resolveTarget(file: string): { target: string; st: Stats | undefined; inPlace: boolean; procFd?: number } {
  const st = statOrNone(file);
  let target = path.resolve(file);
  for (let hops = 0; ; hops++) {
    if (target.startsWith('/proc/')) {
      const fd = /^\/proc\/(?:self|thread-self)\/fd\/(\d+)$/.exec(target)?.[1];
      return { target: file, st, inPlace: st?.isDirectory() !== true, ...(fd === undefined ? {} : { procFd: Number(fd) }) };
    }
    let link: Stats;
    try {
      link = lstatSync(target);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { target, st, inPlace: false };
      throw err;
    }
    if (!link.isSymbolicLink()) return { target, st, inPlace: st !== undefined && !st.isFile() && !st.isDirectory() };
    if (hops === MAX_LINKS) throw Object.assign(new Error('ELOOP: too many levels of symbolic links'), { code: 'ELOOP' });
    target = path.resolve(path.dirname(target), readlinkSync(target));
  }
}

/** The file a write to `file` creates or replaces (symlinks followed, even dangling ones). */
export function writtenPath(file: string): string {
  try {
    return resolveTarget(file).target;
  } catch {
    return path.resolve(file);
  }
}

/**
 * Writes data to file: atomically (temp file in the same folder + fsync + rename) for a regular file or a
 * new path, through a symlink to the file it points to, and in place for a device or a pipe. Throws
 * FileError naming `file`.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  writeFileChunks(file, [data]);
}

/** writeFileAtomic of the concatenated chunks (text too long for one string). Returns the bytes written. */
export function writeFileChunks(file: string, chunks: Iterable<string | Uint8Array>): number {
  let resolved: ReturnType<typeof resolveTarget>;
  try {
    resolved = resolveTarget(file);
  } catch (err) {
    throw ioError(err, file, 'cannot write');
  }
  const { target, st, inPlace, procFd } = resolved;
  if (st?.isDirectory() === true) throw new FileError('not-a-file', `cannot write ${file}: it is a folder`, file);
  if (inPlace) return writeInPlace(file, chunks, procFd);
  const dir = path.dirname(target);
  let written = 0;
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${++tempCounter}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', st === undefined ? 0o644 : st.mode & 0o777);
    written = writeAll(fd, chunks);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    try { unlinkSync(temp); } catch { /* it may not exist */ }
    throw ioError(err, file, 'cannot write');
  }
  syncFolder(dir);
  return written;
}

/**
 * A device, FIFO or socket: opened for writing as it is (never created, never renamed over). A socket
 * cannot be opened through /proc (ENXIO: Node's child processes get socket pairs as stdout), so a
 * /dev/stdout-style path to one is written through this process's own descriptor.
 */
function writeInPlace(file: string, chunks: Iterable<string | Uint8Array>, procFd: number | undefined): number {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'w');
    return writeAll(fd, chunks);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENXIO' || procFd === undefined || fd !== undefined) throw ioError(err, file, 'cannot write');
    try {
      return writeAll(procFd, chunks);
    } catch (err2) {
      throw ioError(err2, file, 'cannot write');
    }
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function writeAll(fd: number, chunks: Iterable<string | Uint8Array>): number {
  let total = 0;
  for (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
    total += bytes.length;
  }
  return total;
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
export function readFileLimited(file: string, maxBytes: number, pipeIdleMs = PIPE_IDLE_MS): Uint8Array {
  let fd: number | undefined;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new FileError('not-a-file', `cannot read ${file}: it is a folder`, file);
    if (st.isSocket()) throw new FileError('not-a-file', `cannot read ${file}: it is a socket, not a file`, file);
    if (st.size > maxBytes) throw new FileError('too-large', `${file} is ${st.size} bytes; the limit is ${maxBytes}`, file);
    // A FIFO is opened without blocking: with nothing writing to it, open() would wait forever.
    fd = openSync(file, st.isFIFO() ? constants.O_RDONLY | constants.O_NONBLOCK : 'r');
    // A pipe, a device or a /proc file (which says size 0 but has text) is read to its end as it comes.
    if (!st.isFile() || st.size === 0) return readStream(fd, file, maxBytes, st.isFIFO(), pipeIdleMs);
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

/** How long a pipe may stay silent (no writer yet, or a writer that sends nothing) before the read gives up. */
export const PIPE_IDLE_MS = 10_000;
const PIPE_POLL_MS = 10;
const sleepCell = new Int32Array(new SharedArrayBuffer(4));

/**
 * Reads a stream of unknown length in chunks, refusing it as soon as it passes maxBytes (a /dev/zero never
 * ends). A FIFO is non-blocking: EAGAIN means "no data yet", and 0 before any byte means "no writer yet",
 * so both wait, up to pipeIdleMs of silence; 0 after data is the end.
 */
function readStream(fd: number, file: string, maxBytes: number, fifo: boolean, pipeIdleMs: number): Uint8Array {
  const chunks: Buffer[] = [];
  let got = 0;
  let idleMs = 0;
  const buf = Buffer.alloc(64 * 1024);
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, buf, 0, buf.length, null);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
      n = -1;
    }
    if (n > 0) {
      got += n;
      if (got > maxBytes) throw new FileError('too-large', `${file} is more than the limit of ${maxBytes} bytes`, file);
      chunks.push(Buffer.from(buf.subarray(0, n)));
      idleMs = 0;
      continue;
    }
    if (n === 0 && (!fifo || got > 0)) break;
    if (idleMs >= pipeIdleMs) throw new FileError('io', `${file} is a pipe and nothing was written to it for ${pipeIdleMs / 1000} s`, file);
    Atomics.wait(sleepCell, 0, 0, PIPE_POLL_MS); // a synchronous pause: the CLI has nothing else to do meanwhile
    idleMs += PIPE_POLL_MS;
  }
  const all = Buffer.concat(chunks, got);
  return new Uint8Array(all.buffer, all.byteOffset, got);
}

/** readFileLimited as text: UTF-8 (a leading byte-order mark is dropped) or UTF-16 with a byte-order mark. */
export function readTextLimited(file: string, maxBytes: number, pipeIdleMs = PIPE_IDLE_MS): string {
  const decoded = decodeText(readFileLimited(file, maxBytes, pipeIdleMs));
  if (!decoded.ok) throw new FileError('not-text', `cannot read ${file}: ${decoded.why}`, file);
  return decoded.text;
}
