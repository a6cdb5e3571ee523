// The trace as CSV, one row per event (RFC 4180: CRLF line ends, fields quoted when they hold a comma,
// a quote or a line break, quotes doubled). UTF-8 with a byte-order mark, because Excel reads a CSV
// without one in the local code page and garbles Chinese text.
import type { TraceEvent } from '../../net/trace.js';
import { eventDetail } from './event-text.js';
import { LINES_PER_CHUNK } from './jsonl.js';

export const CSV_HEADER = ['t_ms', 'kind', 'host', 'conn', 'id', 'flags', 'seq', 'ack', 'len', 'win', 'state', 'detail'] as const;
const BOM = '\uFEFF';
const CRLF = '\r\n';

/** One RFC 4180 field: quoted only when needed. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The row's cells: seg fields for segment events, "FROM→TO" for state changes, a readable detail. */
export function csvCells(ev: TraceEvent): Array<string | number | null> {
  const e = ev as { conn?: string | null; id?: number; seg?: { flags: string; seq: number; ack: number; len: number; win: number } };
  const seg = e.seg;
  return [
    ev.t, ev.kind, ev.host, e.conn ?? null, e.id ?? null,
    seg?.flags ?? null, seg?.seq ?? null, seg?.ack ?? null, seg?.len ?? null, seg?.win ?? null,
    ev.kind === 'state' ? `${ev.from}→${ev.to}` : null,
    eventDetail(ev),
  ];
}

export function exportCsv(trace: readonly TraceEvent[]): string {
  const rows: string[] = [CSV_HEADER.join(',')];
  for (const ev of trace) rows.push(csvCells(ev).map(csvField).join(','));
  return BOM + rows.join(CRLF) + CRLF;
}

/** exportCsv in pieces that concatenate to the same text (see jsonlChunks). */
export function* csvChunks(trace: readonly TraceEvent[]): Generator<string> {
  yield BOM + CSV_HEADER.join(',') + CRLF;
  for (let from = 0; from < trace.length; from += LINES_PER_CHUNK) {
    const rows: string[] = [];
    for (let i = from; i < Math.min(trace.length, from + LINES_PER_CHUNK); i++) rows.push(csvCells(trace[i]!).map(csvField).join(','));
    yield rows.join(CRLF) + CRLF;
  }
}
