import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../../src-main/contract/session.js';
import { exportSession } from '../../../src-main/lab/export/index.js';
import { LESSONS } from '../../../src-main/lab/lessons/index.js';
import { newSession } from '../../../src-main/lab/session-model.js';
import { lessonExportTests } from './lessons-export.js';

describe('lessons 11-20 export to every format', () => lessonExportTests(11, 20));

describe('exportSession (the host\'s session.export)', () => {
  it('names the file after the lesson and encodes binary formats as base64', () => {
    const l = LESSONS.find((x) => x.id === 'three-way-handshake')!;
    const s = newSession(JSON.parse(JSON.stringify(l.scenario)) as Record<string, unknown>, 1, { id: l.id, compare: null });
    const results = EXPORT_FORMATS.map((f) => exportSession(s, f, 'en'));
    expect(results.map((r) => [r.fileName, r.mime, r.encoding])).toEqual([
      ['three-way-handshake.session.json', 'application/json', 'utf8'],
      ['three-way-handshake.pcapng', 'application/x-pcapng', 'base64'],
      ['three-way-handshake.jsonl', 'application/x-ndjson', 'utf8'],
      ['three-way-handshake.csv', 'text/csv; charset=utf-8', 'utf8'],
      ['three-way-handshake-ladder.svg', 'image/svg+xml', 'utf8'],
      ['three-way-handshake-states.svg', 'image/svg+xml', 'utf8'],
      ['three-way-handshake-ladder.png', 'image/png', 'base64'],
      ['three-way-handshake.html', 'text/html; charset=utf-8', 'utf8'],
    ]);
    expect(Buffer.from(results[1]!.data, 'base64').readUInt32LE(0)).toBe(0x0a0d0d0a);
    expect(Buffer.from(results[6]!.data, 'base64').subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});
