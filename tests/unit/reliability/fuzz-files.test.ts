// Reduced file fuzz for `npm test` (the full 10,000 run: npm run simtest -- --fuzz-files 10000).
import { describe, expect, it } from 'vitest';
import { fuzzFiles } from '../../../tools/simtest/fuzz-files.js';

describe('hostile scenario and session files (validate + session.openText)', () => {
  it('300 mutated files (seed 11): each loaded or rejected with a clear error, session unchanged on refusal', async () => {
    const r = await fuzzFiles(300, 11);
    expect(r.failures).toEqual([]);
    expect(r.files).toBe(300);
    expect(r.rejected).toBeGreaterThan(150);
    expect(r.loaded).toBeGreaterThan(0);
  });
});
