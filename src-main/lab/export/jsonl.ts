// The trace as JSON Lines (DESIGN.md "Trace"): one canonical traceLine per event, "\n" after each.
import { traceLine, type TraceEvent } from '../../net/trace.js';

export function exportJsonl(trace: readonly TraceEvent[]): string {
  const lines: string[] = new Array<string>(trace.length);
  for (let i = 0; i < trace.length; i++) lines[i] = traceLine(trace[i]!);
  return trace.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** Lines per chunk of jsonlChunks / csvChunks: a few MB of text each. */
export const LINES_PER_CHUNK = 10_000;

/**
 * exportJsonl in pieces of LINES_PER_CHUNK lines, concatenating to the same text: a long run's trace
 * (millions of events) is longer than the longest string V8 can build.
 */
export function* jsonlChunks(trace: readonly TraceEvent[]): Generator<string> {
  for (let from = 0; from < trace.length; from += LINES_PER_CHUNK) {
    const to = Math.min(trace.length, from + LINES_PER_CHUNK);
    const lines = new Array<string>(to - from);
    for (let i = from; i < to; i++) lines[i - from] = traceLine(trace[i]!);
    yield `${lines.join('\n')}\n`;
  }
}
