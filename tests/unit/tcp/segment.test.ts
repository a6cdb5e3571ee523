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
