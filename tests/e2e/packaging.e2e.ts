// The packaging inputs, checked without downloading Electron: electron-builder's --dir build runs against a
// stand-in Electron folder, and we inspect the asar it packs.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractFile, listPackage } from '@electron/asar';

function standInElectron(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tcplab-fake-electron-'));
  writeFileSync(path.join(dir, 'electron'), '#!/bin/sh\necho "stand-in Electron for the packaging test"\n');
  chmodSync(path.join(dir, 'electron'), 0o755);
  writeFileSync(path.join(dir, 'LICENSE'), 'stand-in');
  writeFileSync(path.join(dir, 'LICENSES.chromium.html'), 'stand-in');
  mkdirSync(path.join(dir, 'resources'));
  return dir;
}

describe('packaging (electron-builder --dir with a stand-in Electron)', () => {
  it('packs main, preload and renderer, and nothing from tests/ or the sources', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'tcplab-release-'));
    const r = spawnSync(
      process.execPath,
      [path.resolve('node_modules/electron-builder/cli.js'), '--config', 'electron.config.ts', '--dir', '--linux', '--publish', 'never', `-c.directories.output=${out}`],
      { encoding: 'utf8', env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: standInElectron(), CI: 'true' }, timeout: 240_000 },
    );
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    const asar = path.join(out, 'linux-unpacked', 'resources', 'app.asar');
    const files = listPackage(asar, { isPack: false }).map((f) => f.replaceAll('\\', '/'));
    for (const entry of ['/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/dist/renderer/index.html', '/package.json', '/assets/icon.png']) {
      expect(files, entry).toContain(entry);
    }
    expect(files.filter((f) => /^\/(tests|src-main|src-renderer|scripts|docs|bench|tools)\//.test(f))).toEqual([]);
    expect(files.filter((f) => /\.(ts|map)$/.test(f) && !f.startsWith('/node_modules/'))).toEqual([]);
    const pkg = JSON.parse(extractFile(asar, 'package.json').toString('utf8')) as { main: string };
    expect(pkg.main).toBe('dist/electron/main.cjs');
  }, 300_000);
});
