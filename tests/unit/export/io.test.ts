import { execFileSync, spawn } from 'node:child_process';
import { closeSync, constants, lstatSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, readSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileError, readFileLimited, readTextLimited, writeFileAtomic } from '../../../src-main/lab/io/files.js';

const dir = mkdtempSync(join(tmpdir(), 'tcplab-io-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('atomic writes', () => {
  it('writes text and bytes, replaces an old file, and leaves no temp file behind', () => {
    const f = join(dir, 'a.txt');
    writeFileAtomic(f, 'first 第一');
    writeFileAtomic(f, 'second 第二');
    expect(readFileSync(f, 'utf8')).toBe('second 第二');
    writeFileAtomic(join(dir, 'b.bin'), Uint8Array.of(0, 255, 7));
    expect(Array.from(readFileSync(join(dir, 'b.bin')))).toEqual([0, 255, 7]);
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'b.bin']);
  });

  it('fails with a FileError and keeps the old file when the target cannot be written', () => {
    const f = join(dir, 'keep.txt');
    writeFileAtomic(f, 'old');
    expect(() => writeFileAtomic(join(dir, 'no-such-folder', 'x.txt'), 'new')).toThrow(FileError);
    // Renaming a file over a folder fails after the temp file was written: it must be cleaned up.
    expect(() => writeFileAtomic(dir, 'new')).toThrow(FileError);
    expect(readFileSync(f, 'utf8')).toBe('old');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('writes through links, to pipes, and their errors', () => {
  const sub = mkdtempSync(join(tmpdir(), 'tcplab-io-links-'));
  afterAll(() => rmSync(sub, { recursive: true, force: true }));

  it('replaces the file a symlink points to and keeps the link; a dangling link gets its target created', () => {
    writeFileSync(join(sub, 'real.txt'), 'old');
    symlinkSync('real.txt', join(sub, 'link.txt'));
    writeFileAtomic(join(sub, 'link.txt'), 'new');
    expect(lstatSync(join(sub, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(sub, 'real.txt'), 'utf8')).toBe('new');
    symlinkSync('later.txt', join(sub, 'dangling'));
    writeFileAtomic(join(sub, 'dangling'), 'made');
    expect([readlinkSync(join(sub, 'dangling')), readFileSync(join(sub, 'later.txt'), 'utf8')]).toEqual(['later.txt', 'made']);
  });

  it('writes a FIFO in place (as /dev/null or /dev/stdout would be): it stays a FIFO', () => {
    const fifo = join(sub, 'pipe');
    execFileSync('mkfifo', [fifo]);
    // A non-blocking reader lets the (blocking) open for writing succeed; the data waits in the pipe buffer.
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      writeFileAtomic(fifo, 'through the pipe');
      const buf = Buffer.alloc(100);
      const n = readSync(reader, buf, 0, buf.length, null);
      expect(buf.subarray(0, n).toString('utf8')).toBe('through the pipe');
    } finally {
      closeSync(reader);
    }
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(sub).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('names the path the user gave, never a temp file', () => {
    writeFileSync(join(sub, 'plain'), '');
    const target = join(sub, 'plain', 'x.txt');
    expect(() => writeFileAtomic(target, 'x')).toThrow(`cannot write ${target}: not a directory (ENOTDIR)`);
    expect(() => writeFileAtomic(target, 'x')).not.toThrow(/\.tmp/);
  });
});

describe('limited reads', () => {
  it('reads a file up to the limit and refuses a larger one before reading it', () => {
    const f = join(dir, 'r.txt');
    writeFileSync(f, '\uFEFF12345');
    expect(readTextLimited(f, 8)).toBe('12345');
    expect(readFileLimited(f, 8)).toHaveLength(8);
    expect(() => readFileLimited(f, 7)).toThrow(/is 8 bytes; the limit is 7/);
  });

  it('names missing files and folders', () => {
    const err = (() => { try { readFileLimited(join(dir, 'missing.json'), 10); } catch (e) { return e as FileError; } return undefined; })();
    expect([err?.code, err?.message]).toEqual(['not-found', `cannot read ${join(dir, 'missing.json')}: no such file or folder`]);
    expect(() => readFileLimited(dir, 10)).toThrow(/it is a folder/);
  });
});

describe('reading inputs that are not plain UTF-8 files', () => {
  const text = '{"k": "汉字"}';
  const bytes = (name: string, data: Uint8Array | string) => { const p = join(dir, name); writeFileSync(p, data); return p; };
  const failure = (fn: () => unknown): string => { try { fn(); } catch (e) { return (e as FileError).code + ': ' + (e as Error).message; } return 'no error'; };
  const utf16le = Buffer.from(text, 'utf16le');

  it('decodes UTF-8 and UTF-16 (LE and BE) with a byte-order mark', () => {
    expect(readTextLimited(bytes('u8bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])), 1000)).toBe(text);
    expect(readTextLimited(bytes('u16le.json', Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le])), 1000)).toBe(text);
    expect(readTextLimited(bytes('u16be.json', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(utf16le).swap16()])), 1000)).toBe(text);
  });

  it('refuses UTF-16 without a mark, UTF-32, other encodings and binary files, naming the file and the problem', () => {
    const f16 = bytes('u16raw.json', utf16le);
    expect(failure(() => readTextLimited(f16, 1000))).toBe(`not-text: cannot read ${f16}: the file is UTF-16 text without a byte-order mark; save it as UTF-8`);
    const f32 = bytes('u32.json', Buffer.from([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0]));
    expect(failure(() => readTextLimited(f32, 1000))).toBe(`not-text: cannot read ${f32}: the file is UTF-32 text; save it as UTF-8`);
    const latin1 = bytes('latin1.json', Buffer.from('{\n"a": "\xe9t\xe9"}', 'latin1'));
    expect(failure(() => readTextLimited(latin1, 1000))).toBe(`not-text: cannot read ${latin1}: the file is not UTF-8 text (byte 0xe9 at line 2, byte offset 8): a binary file, or text in another encoding; save it as UTF-8`);
    const bin = bytes('bin.json', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    expect(failure(() => readTextLimited(bin, 1000))).toBe(`not-text: cannot read ${bin}: the file is binary, not text (a zero byte at line 3, byte offset 8); is it the right file?`);
  });

  it('reads a /proc file, which says size 0 but has text', () => {
    expect(statSync('/proc/self/status').size).toBe(0);
    expect(readTextLimited('/proc/self/status', 1 << 20)).toMatch(/^Name:/);
    expect(failure(() => readTextLimited('/proc/self/status', 10))).toBe('too-large: /proc/self/status is more than the limit of 10 bytes');
  });

  it('reads a FIFO as its writer sends, enforces the limit while streaming, and never waits forever', () => {
    const fifo = join(dir, 'in.fifo');
    execFileSync('mkfifo', [fifo]);
    // The writer is another process: this read is synchronous. It opens the FIFO only after a pause.
    const writer = spawn('sh', ['-c', `sleep 0.2; printf '%s' '${text}' > '${fifo}'`]);
    expect(readTextLimited(fifo, 1000)).toBe(text);
    writer.kill();
    const big = spawn('sh', ['-c', `head -c 100000 /dev/zero > '${fifo}'`]);
    expect(failure(() => readFileLimited(fifo, 5000))).toBe(`too-large: ${fifo} is more than the limit of 5000 bytes`);
    big.kill();
    // Nobody writes: a clear error after the idle time, not a hang in open().
    const silent = join(dir, 'silent.fifo');
    execFileSync('mkfifo', [silent]);
    expect(failure(() => readFileLimited(silent, 1000, 200))).toBe(`io: ${silent} is a pipe and nothing was written to it for 0.2 s`);
  });
});
