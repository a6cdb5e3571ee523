// Where is an Electron binary we may run? Never downloads: offline machines have none, and say so.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export function findElectronBinary(): { path: string } | { reason: string } {
  const require = createRequire(import.meta.url);
  const pkgDir = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(pkgDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : 'electron';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const exe = path.join(override, relative);
    return existsSync(exe) ? { path: exe } : { reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${exe} does not exist` };
  }
  const installed = path.join(pkgDir, 'dist', relative);
  if (existsSync(pathFile) && existsSync(installed)) return { path: installed };
  return {
    reason:
      'no Electron binary on this machine (the electron package downloads it on first use, which needs internet); ' +
      'set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron to run this test',
  };
}
