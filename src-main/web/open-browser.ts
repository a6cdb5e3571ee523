// Opens the URL in the user's browser where one exists; on a headless machine it only prints the URL.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

function opener(): string[] | undefined {
  if (process.env.BROWSER) return [process.env.BROWSER];
  if (process.platform === 'darwin') return ['open'];
  if (process.platform === 'win32') return ['cmd', '/c', 'start', '""'];
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (hasDisplay && existsSync('/usr/bin/xdg-open')) return ['/usr/bin/xdg-open'];
  return undefined;
}

/** Returns a short sentence saying what happened, for the start-up banner. */
export function openBrowser(url: string): string {
  if (process.env.TCPLAB_NO_OPEN === '1' || process.env.CI) return 'not opening a browser (TCPLAB_NO_OPEN or CI set)';
  const cmd = opener();
  if (!cmd) return 'no desktop browser found: open the URL yourself';
  const [bin, ...args] = cmd;
  try {
    const child = spawn(bin as string, [...args, url], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
    return `opening it with ${bin}`;
  } catch {
    return 'could not start a browser: open the URL yourself';
  }
}
