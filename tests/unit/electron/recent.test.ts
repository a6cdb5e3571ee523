import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addRecent, loadRecent, MAX_RECENT, saveRecent } from '../../../src-main/electron/recent.js';

describe('recent files', () => {
  it('keeps the newest first, without duplicates, at most ten', () => {
    let list: string[] = [];
    for (let i = 0; i < 12; i++) list = addRecent(list, `/f${i}.tcplab`);
    list = addRecent(list, '/f5.tcplab');
    expect(list[0]).toBe('/f5.tcplab');
    expect(list).toHaveLength(MAX_RECENT);
    expect(new Set(list).size).toBe(list.length);
  });

  it('round-trips through its store and survives a damaged store', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tcplab-recent-'));
    const store = path.join(dir, 'recent.json');
    expect(loadRecent(store)).toEqual([]);
    saveRecent(store, ['/a.tcplab', '/b.tcplab']);
    expect(loadRecent(store)).toEqual(['/a.tcplab', '/b.tcplab']);
    writeFileSync(store, '{"not": "a list"');
    expect(loadRecent(store)).toEqual([]);
    writeFileSync(store, '[1, "/ok.tcplab", null]');
    expect(loadRecent(store)).toEqual(['/ok.tcplab']);
  });
});
