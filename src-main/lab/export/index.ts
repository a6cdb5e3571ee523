// Every export format behind one call, for the host (`session.export`) and the CLI. The formats are
// contract/session.ts EXPORT_FORMATS; each renderer takes the plain ExportInput (types.ts).
import type { ExportFormat, ExportResult } from '../../contract/session.js';
import { svgToPng } from '../io/png.js';
import { saveSession } from '../session-file.js';
import { prepare, type Session } from '../session-model.js';
import { csvChunks, exportCsv } from './csv.js';
import { htmlReport } from './html-report.js';
import { exportJsonl, jsonlChunks } from './jsonl.js';
import { toBase64, toBase64Pieces } from './base64.js';
import { exportPcapng, pcapngChunks } from './pcapng-export.js';
import { sessionExportInput, type SessionInputOptions } from './session-input.js';
import { ladderSvg } from './svg-ladder.js';
import { stateSvg } from './svg-state.js';
import type { ExportInput, Lang } from './types.js';

export type { ExportInput } from './types.js';
export { EVENTS_PER_FLOOD_SYN, sessionExportInput, TraceLimitError, type RunProgress, type SessionInputOptions } from './session-input.js';
export { toBase64 };
export { csvChunks, exportCsv, exportJsonl, exportPcapng, htmlReport, jsonlChunks, ladderSvg, pcapngChunks, stateSvg };

/** A PNG of a long run would be metres tall: the picture shows the first packets only. */
export const PNG_MAX_ARROWS = 200;

const FILE: Record<ExportFormat, { suffix: string; mime: string }> = {
  session: { suffix: '.session.json', mime: 'application/json' },
  pcapng: { suffix: '.pcapng', mime: 'application/x-pcapng' },
  jsonl: { suffix: '.jsonl', mime: 'application/x-ndjson' },
  csv: { suffix: '.csv', mime: 'text/csv; charset=utf-8' },
  'svg-ladder': { suffix: '-ladder.svg', mime: 'image/svg+xml' },
  'svg-state': { suffix: '-states.svg', mime: 'image/svg+xml' },
  'png-ladder': { suffix: '-ladder.png', mime: 'image/png' },
  html: { suffix: '.html', mime: 'text/html; charset=utf-8' },
};

/** The file contents of one format from plain input ('session' needs a Session: see exportSession). */
export function renderExport(input: ExportInput, format: Exclude<ExportFormat, 'session'>, lang: Lang): string | Uint8Array {
  const title = input.title[lang];
  switch (format) {
    case 'pcapng': return exportPcapng(input, { lang });
    case 'jsonl': return exportJsonl(input.trace);
    case 'csv': return exportCsv(input.trace);
    case 'svg-ladder': return ladderSvg(input, { title, lang });
    case 'svg-state': return stateSvg(input, { lang });
    case 'png-ladder': return svgToPng(ladderSvg(input, { title, lang, maxArrows: PNG_MAX_ARROWS }));
    case 'html': return htmlReport(input, { lang, bothLanguages: true });
  }
}

/** "Third ACK lost" → "third-ack-lost": a file name safe on every system. */
export function fileBase(input: Pick<ExportInput, 'title' | 'meta'>): string {
  const from = input.meta?.lessonId ?? input.title.en;
  const slug = from.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return slug === '' ? 'tcplab' : slug;
}

export function exportFileName(input: Pick<ExportInput, 'title' | 'meta'>, format: ExportFormat): string {
  return fileBase(input) + FILE[format].suffix;
}

export function toExportResult(data: string | Uint8Array, fileName: string, format: ExportFormat): ExportResult {
  const mime = FILE[format].mime;
  return typeof data === 'string' ? { fileName, mime, encoding: 'utf8', data } : { fileName, mime, encoding: 'base64', data: toBase64(data) };
}

/** The host's `session.export`: re-runs the current branch and renders one format. */
export function exportSession(session: Session, format: ExportFormat, lang: Lang = 'en', opts: SessionInputOptions = {}): ExportResult {
  if (format === 'session') {
    // Nothing to run: the file is the session itself.
    const { scenario } = prepare(session);
    const name = exportFileName({ title: scenario.title, meta: { lessonId: session.lesson?.id ?? scenario.lesson?.id ?? null } }, format);
    return toExportResult(saveSession(session), name, format);
  }
  const input = sessionExportInput(session, opts);
  return exportResultOf(input, format, lang);
}

/**
 * One format of a run as the host sends it to the window. A pcapng goes from the capture's pieces straight to
 * base64, so the ~105 MB array of a 100,000-packet capture is never built (its page faults were most of the
 * export's time: docs/PERFORMANCE.md "lab.export.pcapng, session 22").
 */
export function exportResultOf(input: ExportInput, format: Exclude<ExportFormat, 'session'>, lang: Lang): ExportResult {
  const fileName = exportFileName(input, format);
  if (format === 'pcapng') return { fileName, mime: FILE.pcapng.mime, encoding: 'base64', data: toBase64Pieces(pcapngChunks(input, { lang })) };
  return toExportResult(renderExport(input, format, lang), fileName, format);
}
