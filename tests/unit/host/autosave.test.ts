import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { Autosave, defaultDataDir } from '../../../src-main/host/autosave.js';
import { LabHost } from '../../../src-main/host/lab-host.js';
import type { HostClock } from '../../../src-main/host/clock.js';

function tmp(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'tcplab-autosave-'));
}

/** A pid that certainly belongs to no running process: a child that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((r) => child.on('exit', r));
  return child.pid as number;
}

function fakeClock(): HostClock & { fire(): void } {
  const fns: Array<() => void> = [];
  return {
    now: () => 0,
    isoNow: () => '2026-11-23T00:00:00.000Z',
    setInterval: (fn) => (fns.push(fn), fns.length),
    clearInterval: () => undefined,
    fire: () => fns.forEach((f) => f()),
  };
}

describe('Autosave', () => {
  it('writes only when the text changed, and a clean stop removes the file', () => {
    const dir = tmp();
    const a = new Autosave(dir, 4242);
    expect(a.save('one')).toBe(true);
    expect(a.save('one')).toBe(false);
    expect(a.save('two')).toBe(true);
    expect(readdirSync(dir)).toEqual(['autosave-4242.tcplab']);
    a.markClean();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('offers the newest file of a dead process, never a live one or its own', async () => {
    const dir = tmp();
    const dead = await deadPid();
    writeFileSync(path.join(dir, `autosave-${dead}.tcplab`), 'from the crash');
    writeFileSync(path.join(dir, `autosave-${process.pid}.tcplab`), 'a live process');
    writeFileSync(path.join(dir, 'notes.txt'), 'not an autosave');
    const mine = new Autosave(dir, 1); // pid 1 is alive (init), so only `dead` qualifies besides our own
    const found = mine.findRecoverable();
    expect(found?.pid).toBe(dead);
    expect(found?.text).toBe('from the crash');
    mine.discardOrphans();
    expect(existsSync(path.join(dir, `autosave-${dead}.tcplab`))).toBe(false);
    expect(existsSync(path.join(dir, `autosave-${process.pid}.tcplab`))).toBe(true);
  });

  it('chooses the data folder from TCPLAB_DATA_DIR, then XDG_DATA_HOME, then ~/.local/share', () => {
    expect(defaultDataDir({ TCPLAB_DATA_DIR: '/x/y' }, '/home/u')).toBe('/x/y');
    expect(defaultDataDir({ XDG_DATA_HOME: '/data' }, '/home/u')).toBe('/data/tcplab');
    expect(defaultDataDir({}, '/home/u')).toBe('/home/u/.local/share/tcplab');
  });
});

describe('LabHost autosave and recovery', () => {
  it('autosaves after an intervention and on the 5 s timer, and a second host recovers it', async () => {
    const dir = tmp();
    const clock = fakeClock();
    const host = new LabHost({ version: 't', mode: 'browser', listLessons: () => [], dataDir: dir, clock });
    await host.call('session.openLesson', { id: 'third-ack-lost' });
    await host.call('timeline.seek', { tMs: 30 });
    const router = (await host.call('view.router', null)) as { inFlight: Array<{ id: number }> };
    const id = router.inFlight[0]?.id;
    expect(id).toBeDefined();
    await host.call('intervene', { action: { op: 'drop', id } });
    const files = readdirSync(dir);
    expect(files).toEqual([`autosave-${process.pid}.tcplab`]);
    clock.fire(); // nothing changed since: no error, same file
    expect(readdirSync(dir)).toEqual(files);

    // A "crashed" host's file is recoverable by another process id.
    const survivor = new Autosave(dir, 1);
    expect(survivor.findRecoverable()).toBeUndefined(); // we are alive: not an orphan
    host.shutdown();
    expect(readdirSync(dir)).toEqual([]); // clean stop: nothing to offer
  });

  it('says when there is nothing to recover', async () => {
    const host = new LabHost({ version: 't', mode: 'browser', listLessons: () => [], dataDir: tmp(), clock: fakeClock() });
    expect(await host.call('recovery.check', null)).toEqual({ available: false });
    await expect(host.call('recovery.restore', null)).rejects.toMatchObject({ code: 'nothing-to-recover' });
  });

  it('names the autosave file: in the offer, and in the error when the file no longer opens', async () => {
    const dir = tmp();
    const dead = await deadPid();
    const first = new LabHost({ version: 't', mode: 'browser', listLessons: () => [], dataDir: tmp(), clock: fakeClock() });
    await first.call('session.openLesson', { id: 'third-ack-lost' });
    const saved = ((await first.call('session.export', { format: 'session' })) as { data: string }).data;
    first.shutdown();
    const file = `autosave-${dead}.tcplab`;
    writeFileSync(path.join(dir, file), saved);
    const host = new LabHost({ version: 't', mode: 'browser', listLessons: () => [], dataDir: dir, clock: fakeClock() });
    expect(await host.call('recovery.check', null)).toMatchObject({ available: true, file });
    // Spoiled between the offer and the restore: the message names the real file, not a made-up one.
    writeFileSync(path.join(dir, file), '{"format": "tcplab.session/1",');
    await expect(host.call('recovery.restore', null)).rejects.toMatchObject({ code: 'invalid-file', message: expect.stringMatching(new RegExp(`^${file.replace('.', '\\.')} is not a valid`)) });
    host.shutdown();
  });
});

