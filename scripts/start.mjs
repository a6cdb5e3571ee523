// `npm start`: the Electron app where Electron can run; otherwise one clear line and browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Returns the Electron binary path, or a reason it cannot be used here. */
function findElectron() {
  const pkgDir = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(pkgDir, 'path.txt');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const exe = path.join(override, existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : 'electron');
    return existsSync(exe) ? { exe } : { reason: `ELECTRON_OVERRIDE_DIST_PATH has no Electron binary (${exe})` };
  }
  const installed = () => existsSync(pathFile) && existsSync(path.join(pkgDir, 'dist', readFileSync(pathFile, 'utf8')));
  if (!installed()) {
    // Since electron 42 the binary is fetched on first use; offline this fails within a second.
    const r = spawnSync(process.execPath, [path.join(pkgDir, 'install.js')], { stdio: 'ignore', timeout: 120_000 });
    if (r.status !== 0 || !installed()) return { reason: 'the Electron binary is not installed and could not be downloaded (offline?)' };
  }
  return { exe: path.join(pkgDir, 'dist', readFileSync(pathFile, 'utf8')) };
}

function hasDisplay() {
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function startBrowserMode(reason) {
  console.log(`tcplab: ${reason}; starting browser mode instead.`);
  const child = spawn(process.execPath, [path.join(root, 'dist/web/main.mjs')], { stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}

const found = process.env.TCPLAB_BROWSER_MODE === '1' ? { reason: 'TCPLAB_BROWSER_MODE=1 is set' } : findElectron();
if (!found.exe) startBrowserMode(`Electron cannot run here: ${found.reason}`);
else if (!hasDisplay()) startBrowserMode('Electron needs a display and none is set (no DISPLAY or WAYLAND_DISPLAY)');
else {
  const child = spawn(found.exe, [path.join(root, 'dist/electron/main.cjs')], { stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}
