// Every process that runs the simulation gets the V8 flags of scripts/host-v8-flags.json (why: that file and
// docs/PERFORMANCE.md). The launchers spell them out in places that cannot import the file (an npm script,
// a shebang), so this checks each launcher against it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hostNodeFlags } from '../../../bench/host-flags.js';
import electronConfig from '../../../electron.config.js';

const flags = hostNodeFlags(process.cwd());
const read = (p: string) => readFileSync(p, 'utf8');

describe('host V8 flags', () => {
  it('are a non-empty list of --flags, including the young-generation size the flood benchmark relies on', () => {
    expect(flags.length).toBeGreaterThan(0);
    expect(flags).toContain('--max-semi-space-size=64');
  });

  it('reach browser mode (npm run web), the CLI (its shebang) and the packaged Linux app (desktop entry)', () => {
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts.web).toBe(`npm run build && node ${flags.join(' ')} dist/web/main.mjs`);
    expect(read('bin/tcplab.mjs').split('\n')[0]).toBe(`#!/usr/bin/env -S node ${flags.join(' ')}`);
    expect(electronConfig.linux?.executableArgs).toEqual([`--js-flags=${flags.join(' ')}`]);
  });

  it('are read from the file by npm start (both modes) and npm run bench', () => {
    for (const script of ['scripts/start.mjs', 'scripts/bench.mjs']) {
      expect(read(script), script).toMatch(/JSON\.parse\(readFileSync\(path\.join\(root, 'scripts\/host-v8-flags\.json'\)/);
    }
    expect(read('scripts/start.mjs')).toContain("[...nodeFlags, path.join(root, 'dist/web/main.mjs')]");
    expect(read('scripts/start.mjs')).toContain("[`--js-flags=${nodeFlags.join(' ')}`, path.join(root, 'dist/electron/main.cjs')]");
  });
});
