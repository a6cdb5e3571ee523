// Autosave and crash recovery. Each running host writes its session to autosave-<pid>.tcplab in the data
// folder, atomically, after every change and at least every 5 s while a session is open. A clean stop
// deletes the file; so a file whose process is gone means a crash or kill, and the next start offers it.
import { existsSync, mkdirSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { readTextLimited, writeFileAtomic } from '../lab/io/files.js';

export const AUTOSAVE_INTERVAL_MS = 5000;
const NAME = /^autosave-(\d+)\.tcplab$/;
const MAX_AUTOSAVE_BYTES = 64 * 1024 * 1024;

export interface Recoverable {
  file: string;
  pid: number;
  savedAtMs: number;
  text: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class Autosave {
  readonly file: string;
  private lastText = '';

  constructor(
    readonly dir: string,
    readonly pid: number = process.pid,
  ) {
    this.file = path.join(dir, `autosave-${pid}.tcplab`);
  }

  /** Writes the text if it changed since the last save. Never throws: a full disk must not stop the lab. */
  save(text: string): boolean {
    if (text === this.lastText) return false;
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileAtomic(this.file, text);
      this.lastText = text;
      return true;
    } catch {
      return false;
    }
  }

  /** The newest autosave left by a process that is no longer running (never our own). */
  findRecoverable(): Recoverable | undefined {
    if (!existsSync(this.dir)) return undefined;
    const found: Recoverable[] = [];
    for (const name of readdirSync(this.dir)) {
      const m = NAME.exec(name);
      const pid = m ? Number(m[1]) : NaN;
      if (!m || pid === this.pid || alive(pid)) continue;
      const file = path.join(this.dir, name);
      try {
        found.push({ file, pid, savedAtMs: statSync(file).mtimeMs, text: readTextLimited(file, MAX_AUTOSAVE_BYTES) });
      } catch {
        // unreadable: leave it for the user to inspect rather than crash the start-up
      }
    }
    return found.sort((a, b) => b.savedAtMs - a.savedAtMs)[0];
  }

  /** Removes the autosaves of dead processes (after a restore or an explicit discard). */
  discardOrphans(): void {
    if (!existsSync(this.dir)) return;
    for (const name of readdirSync(this.dir)) {
      const m = NAME.exec(name);
      if (m && Number(m[1]) !== this.pid && !alive(Number(m[1]))) this.remove(path.join(this.dir, name));
    }
  }

  /** A clean stop: nothing to recover. */
  markClean(): void {
    this.remove(this.file);
    this.lastText = '';
  }

  private remove(file: string): void {
    try {
      unlinkSync(file);
    } catch {
      // already gone
    }
  }
}

/** Where browser mode keeps its data: TCPLAB_DATA_DIR, else the XDG data folder. */
export function defaultDataDir(env: NodeJS.ProcessEnv, home: string): string {
  if (env.TCPLAB_DATA_DIR) return path.resolve(env.TCPLAB_DATA_DIR);
  const base = env.XDG_DATA_HOME ? env.XDG_DATA_HOME : path.join(home, '.local', 'share');
  return path.join(base, 'tcplab');
}
