import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeZodError } from '../../../src-main/host/zod-errors.js';

describe('describeZodError', () => {
  it('gives a field one bound per side: the tighter one, not also the integer check’s safe-integer limit', () => {
    const schema = z.object({ n: z.number().int().min(5).max(10), m: z.number().int().max(10) });
    const res = schema.safeParse({ n: 1e20, m: 1e20 });
    expect(res.success).toBe(false);
    if (res.success) return;
    const text = describeZodError(res.error);
    expect(text.split('; ').map((l) => l.split(':')[0])).toEqual(['$.n', '$.m']);
    expect(text).toContain('10');
    expect(text).not.toContain('9007199254740991');
  });
});
