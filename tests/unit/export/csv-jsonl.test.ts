import { describe, expect, it } from 'vitest';
import { csvField, exportCsv, CSV_HEADER } from '../../../src-main/lab/export/csv.js';
import { exportJsonl } from '../../../src-main/lab/export/jsonl.js';
import { traceLine, type TraceEvent } from '../../../src-main/net/trace.js';
import { interventionRun } from './fixture.js';

/** A small RFC 4180 reader: enough to check that what we write reads back field for field. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  return rows;
}

const CONN = '10.0.0.1:40000>10.0.0.2:80';

describe('CSV export', () => {
  it('quotes only what RFC 4180 requires', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(42)).toBe('42');
  });

  it('starts with a UTF-8 BOM, ends rows with CRLF, one row per event with exact cells', () => {
    const trace: TraceEvent[] = [
      { t: 0, kind: 'segment.send', host: 'A', conn: CONN, id: 1, seg: { flags: 'S', seq: 100, ack: 0, len: 0, win: 65535, options: { mss: 1460 } }, lineage: { type: 'original' }, cause: 'connect()' },
      { t: 20, kind: 'state', host: 'B', conn: '10.0.0.2:80>10.0.0.1:40000', from: 'LISTEN', to: 'SYN-RECEIVED', cause: 'RFC 9293 3.10.7.2: SYN in LISTEN, "SYN-ACK" sent',
        tcb: { sndUna: 0, sndNxt: 0, sndWnd: 0, rcvNxt: 0, rcvWnd: 0, iss: 0, irs: 0, cwnd: 0, ssthresh: 0, srttMs: 0, rttvarMs: 0, rtoMs: 0 } },
      { t: 30, kind: 'app', host: 'B', conn: '10.0.0.2:80>10.0.0.1:40000', event: 'data', bytes: 6, detail: '你好' },
    ];
    const csv = exportCsv(trace);
    expect(csv.startsWith('\uFEFFt_ms,kind,host,conn,id,flags,seq,ack,len,win,state,detail\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = readCsv(csv.slice(1));
    expect(rows).toEqual([
      [...CSV_HEADER],
      ['0', 'segment.send', 'A', CONN, '1', 'S', '100', '0', '0', '65535', '', 'connect()'],
      ['20', 'state', 'B', '10.0.0.2:80>10.0.0.1:40000', '', '', '', '', '', '', 'LISTEN→SYN-RECEIVED', 'RFC 9293 3.10.7.2: SYN in LISTEN, "SYN-ACK" sent'],
      ['30', 'app', 'B', '10.0.0.2:80>10.0.0.1:40000', '', '', '', '', '', '', '', 'data; 6 bytes; 你好'],
    ]);
  });

  it('has one row per event of a real run, every row with 12 cells', () => {
    const input = interventionRun();
    const rows = readCsv(exportCsv(input.trace).slice(1));
    expect(rows).toHaveLength(input.trace.length + 1);
    expect(rows.every((r) => r.length === 12)).toBe(true);
    expect(rows.filter((r) => r[1] === 'segment.drop').map((r) => r[11])).toEqual(['rule 1 (drop)', 'bad TCP checksum (corrupted by user)']);
  });
});

describe('JSONL export', () => {
  it('is traceLine per event, newline-terminated, and parses back to the events', () => {
    const input = interventionRun();
    const text = exportJsonl(input.trace);
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toEqual(input.trace.map(traceLine));
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual(JSON.parse(JSON.stringify(input.trace)));
    expect(exportJsonl([])).toBe('');
  });
});
