// Simulation testing (tools/simtest), seeds 151-200 of the 200 that `npm test` runs; split in four
// files so vitest runs them in parallel. `npm run simtest -- --seeds 2000` runs the long version.
import { describe, expect, it } from 'vitest';
import { reproCommand, runSeed } from '../../../tools/simtest/run-seed.js';

describe('simtest seeds 151-200', () => {
  for (let seed = 151; seed <= 200; seed++) {
    it(`seed ${seed}: invariants hold and the trace replays byte for byte`, () => {
      const r = runSeed(seed);
      expect(r.failures, `repro: ${reproCommand(seed)}`).toEqual([]);
    });
  }
});
