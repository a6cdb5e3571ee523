import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
