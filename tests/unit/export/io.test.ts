import { execFileSync } from 'node:child_process';
import { closeSync, constants, lstatSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, readSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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
