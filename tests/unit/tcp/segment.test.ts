import { describe, expect, it } from 'vitest';
import { FLAG, flagsToLetters, lettersToFlags, segLen } from '../../../src-main/tcp/segment.js';
import { Prng } from '../../../src-main/tcp/prng.js';

describe('flag letters', () => {
  it('prints SYN-ACK as SA and parses letters in any order', () => {
    expect(flagsToLetters(FLAG.SYN | FLAG.ACK)).toBe('SA');
    expect(lettersToFlags('AS')).toBe(FLAG.SYN | FLAG.ACK);
    expect(lettersToFlags('FAP')).toBe(FLAG.FIN | FLAG.ACK | FLAG.PSH);
  });
  it('rejects unknown and repeated letters', () => {
    expect(lettersToFlags('X')).toBeUndefined();
    expect(lettersToFlags('SS')).toBeUndefined();
  });
  it('counts SYN and FIN in sequence space', () => {
    expect(segLen({ flags: FLAG.SYN, payload: new Uint8Array(0) })).toBe(1);
    expect(segLen({ flags: FLAG.FIN | FLAG.ACK, payload: new Uint8Array(5) })).toBe(6);
  });
});

describe('Prng', () => {
  it('is deterministic per seed and per derived label', () => {
    const a = new Prng(7), b = new Prng(7);
    expect([a.nextU32(), a.nextU32()]).toEqual([b.nextU32(), b.nextU32()]);
    expect(new Prng(7).derive('host:A').nextU32()).toBe(new Prng(7).derive('host:A').nextU32());
    expect(new Prng(7).derive('host:A').nextU32()).not.toBe(new Prng(7).derive('host:B').nextU32());
  });
  it('keeps int() within bounds', () => {
    const r = new Prng(1);
    for (let i = 0; i < 1000; i++) {
      const v = r.int(3, 5);
      expect(v >= 3 && v <= 5).toBe(true);
    }
  });
});

import { seqAdd, seqDiff, seqGt, seqInRange, seqLt, seqNorm } from '../../../src-main/tcp/seq.js';

describe('sequence arithmetic modulo 2^32', () => {
  const near = 4294967290; // six below 2^32
  it('wraps on add', () => {
    expect(seqAdd(near, 10)).toBe(4);
    expect(seqAdd(0, -1)).toBe(4294967295);
  });
  it('compares across the wrap', () => {
    expect(seqLt(near, 3)).toBe(true);
    expect(seqGt(3, near)).toBe(true);
    expect(seqDiff(3, near)).toBe(9);
    expect(seqInRange(1, near, 5)).toBe(true);
    expect(seqInRange(6, near, 5)).toBe(false);
  });
  it('normalises negatives', () => {
    expect(seqNorm(-1)).toBe(4294967295);
  });
});
