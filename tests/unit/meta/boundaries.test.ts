// The layer rules of DESIGN.md are enforced by ESLint; these tests prove the rules fire (and stay wired).
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}:${m.message}`);
}

describe('layer boundaries', () => {
  it('tcp/ may not import Node I/O, electron, or other layers, nor read clocks or Math.random', async () => {
    const ids = await ruleIds(
      'src-main/tcp/probe.ts',
      "import fs from 'node:fs';\nimport { app } from 'electron';\nimport type { LabError } from '../contract/errors.js';\nexport const x = [fs, app, Math.random(), Date.now()];\nexport type E = LabError;\n",
    );
    expect(ids.filter((i) => i.startsWith('no-restricted-imports'))).toHaveLength(3);
    expect(ids.some((i) => i.includes('Math.random'))).toBe(true);
    expect(ids.some((i) => i.startsWith('no-restricted-properties') && i.includes('Date.now'))).toBe(true);
  });

  it('net/ may import tcp/ but not lab/ or host/', async () => {
    const ok = await ruleIds('src-main/net/probe.ts', "import { Prng } from '../tcp/prng.js';\nexport const p = new Prng(1);\n");
    expect(ok.filter((i) => i.startsWith('no-restricted-imports'))).toEqual([]);
    const bad = await ruleIds('src-main/net/probe.ts', "import { LabHost } from '../host/lab-host.js';\nexport const h = LabHost;\n");
    expect(bad.filter((i) => i.startsWith('no-restricted-imports'))).toHaveLength(1);
  });

  it('the renderer imports only the contract from src-main', async () => {
    const bad = await ruleIds('src-renderer/probe.ts', "import { LabHost } from '../src-main/host/lab-host.js';\nexport const h = LabHost;\n");
    expect(bad.filter((i) => i.startsWith('no-restricted-imports'))).toHaveLength(1);
    const ok = await ruleIds('src-renderer/probe.ts', "import type { Lang } from '../src-main/contract/index.js';\nexport const l: Lang = 'en';\n");
    expect(ok.filter((i) => i.startsWith('no-restricted-imports'))).toEqual([]);
  });
});
