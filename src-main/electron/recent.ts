// The recent-files list: most recent first, no duplicates, at most ten, stored atomically as JSON.
import { existsSync } from 'node:fs';
import { readTextLimited, writeFileAtomic } from '../lab/io/files.js';

export const MAX_RECENT = 10;

export function addRecent(list: readonly string[], file: string): string[] {
  return [file, ...list.filter((f) => f !== file)].slice(0, MAX_RECENT);
}

export function loadRecent(store: string): string[] {
  try {
    if (!existsSync(store)) return [];
    const parsed: unknown = JSON.parse(readTextLimited(store, 64 * 1024));
    return Array.isArray(parsed) ? parsed.filter((f): f is string => typeof f === 'string').slice(0, MAX_RECENT) : [];
  } catch {
    return []; // a damaged list is not worth an error dialog: start a new one
  }
}

export function saveRecent(store: string, list: readonly string[]): void {
  writeFileAtomic(store, JSON.stringify(list.slice(0, MAX_RECENT), null, 2));
}
