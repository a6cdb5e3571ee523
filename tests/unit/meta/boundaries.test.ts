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
    expect(ids.filter((i) => i.startsWith('no-restricted-imports'))).toHaveLength(2); // node:fs, electron
    expect(ids.filter((i) => i.startsWith('tcplab/layers'))).toEqual(['tcplab/layers:src-main/tcp/ may not import contract (../contract/errors.js); allowed: tcp.']);
    expect(ids.some((i) => i.includes('Math.random'))).toBe(true);
    expect(ids.some((i) => i.startsWith('no-restricted-properties') && i.includes('Date.now'))).toBe(true);
  });

  it('net/ may import tcp/ but not lab/ or host/', async () => {
    const ok = await ruleIds('src-main/net/probe.ts', "import { Prng } from '../tcp/prng.js';\nexport const p = new Prng(1);\n");
    expect(ok.filter((i) => i.startsWith('tcplab/layers') || i.startsWith('no-restricted-imports'))).toEqual([]);
    const bad = await ruleIds('src-main/net/probe.ts', "import { LabHost } from '../host/lab-host.js';\nexport const h = LabHost;\n");
    expect(bad.filter((i) => i.startsWith('tcplab/layers'))).toHaveLength(1);
  });

  it('resolves nested folders: lab/export/ may import net/, net/ may not import lab/export/', async () => {
    const ok = await ruleIds('src-main/lab/export/probe.ts', "import type { TraceEvent } from '../../net/trace.js';\nexport type T = TraceEvent;\n");
    expect(ok.filter((i) => i.startsWith('tcplab/layers') || i.startsWith('no-restricted-imports'))).toEqual([]);
    const bad = await ruleIds('src-main/net/probe.ts', "import type { X } from '../lab/export/types.js';\nexport type T = X;\n");
    expect(bad.filter((i) => i.startsWith('tcplab/layers'))).toHaveLength(1);
  });

  it('the contract may take types, but not values, from tcp/ and net/', async () => {
    const ok = await ruleIds('src-main/contract/probe.ts', "import type { Segment } from '../tcp/segment.js';\nexport type S = Segment;\n");
    expect(ok.filter((i) => i.startsWith('tcplab/layers'))).toEqual([]);
    const bad = await ruleIds('src-main/contract/probe.ts', "import { FLAG } from '../tcp/segment.js';\nexport const f = FLAG;\n");
    expect(bad.filter((i) => i.startsWith('tcplab/layers'))).toHaveLength(1);
  });

  it('the renderer imports only the contract from src-main', async () => {
    const bad = await ruleIds('src-renderer/probe.ts', "import { LabHost } from '../src-main/host/lab-host.js';\nexport const h = LabHost;\n");
    expect(bad.filter((i) => i.startsWith('tcplab/layers'))).toHaveLength(1);
    const ok = await ruleIds('src-renderer/probe.ts', "import type { Lang } from '../src-main/contract/index.js';\nexport const l: Lang = 'en';\n");
    expect(ok.filter((i) => i.startsWith('tcplab/layers') || i.startsWith('no-restricted-imports'))).toEqual([]);
  });
});
