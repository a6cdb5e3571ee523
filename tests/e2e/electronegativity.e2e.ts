// Electronegativity over src-main and the built renderer, offline. Every finding must be waived in
// docs/SECURITY.md with a reason, and every waiver must still match a finding.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

interface Finding { check: string; file: string; line: string }

function waivers(): Array<{ check: string; file: string }> {
  const md = readFileSync('docs/SECURITY.md', 'utf8');
  const table = md.slice(md.indexOf('<!-- waivers'));
  return table
    .split('\n')
    .filter((l) => /^\| [A-Z_]+ \|/.test(l))
    .map((l) => l.split('|').map((c) => c.trim()))
    .map((cells) => ({ check: cells[1] as string, file: cells[2] as string }));
}

function scan(): Finding[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tcplab-scan-'));
  cpSync('src-main', path.join(dir, 'src-main'), { recursive: true });
  cpSync('dist/renderer', path.join(dir, 'renderer'), { recursive: true });
  cpSync('package.json', path.join(dir, 'package.json'));
  // SARIF (JSON), not CSV: the tool's CSV writer mangles the first record.
  const out = path.join(dir, 'findings.sarif');
  const electronVersion = (JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')) as { version: string }).version;
  const r = spawnSync(
    process.execPath,
    [path.resolve('node_modules/@doyensec/electronegativity/dist/index.js'), '-i', dir, '-x', 'AvailableSecurityFixesGlobalCheck', '-e', electronVersion, '-r', '-o', out],
    { encoding: 'utf8', timeout: 120_000 },
  );
  expect(r.status, r.stderr).toBe(0);
  type Sarif = { runs: Array<{ results: Array<{ ruleId: string; locations?: Array<{ physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number } } }> }> }> };
  const sarif = JSON.parse(readFileSync(out, 'utf8')) as Sarif;
  return sarif.runs.flatMap((run) =>
    run.results.map((res) => {
      const loc = res.locations?.[0]?.physicalLocation;
      return { check: res.ruleId, file: loc?.artifactLocation?.uri ?? 'N/A', line: String(loc?.region?.startLine ?? '') };
    }),
  );
}

describe('Electronegativity (offline, network-only check excluded)', () => {
  it('finds nothing that docs/SECURITY.md does not waive, and every waiver still applies', () => {
    const findings = scan();
    const waived = waivers();
    expect(waived.length).toBeGreaterThan(0);
    const unwaived = findings.filter((f) => !waived.some((w) => w.check === f.check && w.file === f.file));
    expect(unwaived, 'findings without a waiver in docs/SECURITY.md').toEqual([]);
    const stale = waived.filter((w) => !findings.some((f) => f.check === w.check && f.file === w.file));
    expect(stale, 'waivers that no longer match a finding').toEqual([]);
  });
});
