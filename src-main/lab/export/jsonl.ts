// The trace as JSON Lines (DESIGN.md "Trace"): one canonical traceLine per event, "\n" after each.
import { traceLine, type TraceEvent } from '../../net/trace.js';

export function exportJsonl(trace: readonly TraceEvent[]): string {
  const lines: string[] = new Array<string>(trace.length);
  for (let i = 0; i < trace.length; i++) lines[i] = traceLine(trace[i]!);
  return trace.length === 0 ? '' : `${lines.join('\n')}\n`;
}
