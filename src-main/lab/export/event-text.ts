// A short detail for each trace event, for the CSV's detail column (English) and the HTML event table (the
// report's language). Only what the other columns do not already show (time, kind, host, conn, id, segment
// fields, state).
import type { TraceEvent } from '../../net/trace.js';
import { eventDetailZh } from './event-text-zh.js';
import type { Lang } from './types.js';
import { actorText, lineagePhrase } from './fate.js';

function netDetail(ev: TraceEvent): string | null {
  switch (ev.kind) {
    case 'segment.send': return [lineagePhrase(ev.lineage), ev.cause].filter((x) => x !== null && x !== '').join('; ');
    case 'segment.recv': return '';
    case 'segment.drop': return ev.reason;
    case 'router.queue': return `queued toward ${ev.toward}: ${ev.depth}/${ev.capacity}`;
    case 'router.hold': return `held by ${actorText(ev.by)}`;
    case 'router.release': return `released by ${actorText(ev.by)} after ${ev.parkedMs} ms`;
    case 'router.delay': return `delayed ${ev.delayMs} ms by ${actorText(ev.by)} (until ${ev.untilMs} ms)`;
    case 'router.reorder': return `kept back by ${actorText(ev.by)} until ${ev.after} later packet(s) pass`;
    case 'router.duplicate': return `duplicated by ${actorText(ev.by)} as ${ev.copies.map((c) => `#${c}`).join(', ')}`;
    case 'router.corrupt': return `corrupted by ${actorText(ev.by)}`;
    case 'router.cache': return `cached by ${actorText(ev.by)}`;
    case 'router.move': return `moved by ${actorText(ev.by)} from ${ev.from} to ${ev.to}`;
    case 'router.replay': return `replay of #${ev.of} by ${actorText(ev.by)}`;
    case 'router.edit': return `edit of #${ev.of} by ${actorText(ev.by)}: ${ev.changes.join(', ')}`;
    case 'step.call': return `${ev.call} (port ${ev.port})`;
    case 'step.error': return `${ev.call}${ev.port === undefined ? '' : ` (port ${ev.port})`} failed: ${ev.code}: ${ev.message}`;
    case 'host.crash': return ev.downMs === null ? 'host crashed: every connection and listener lost; it stays down' : `host crashed: every connection and listener lost; up again in ${ev.downMs} ms`;
    case 'host.up': return `host up again after ${ev.downMs} ms down, with no sockets`;
    case 'command.error': return `${ev.op} failed: ${ev.code}: ${ev.message}`;
    case 'rule.change': return `${ev.op} rule ${ev.rule}: ${ev.detail}`;
    case 'flood.start': return `SYN flood toward ${ev.target}: ${ev.count} packets at ${ev.ratePerSec}/s`;
    case 'flood.end': return `SYN flood toward ${ev.target} ended after ${ev.sent} packets`;
    default: return null;
  }
}

export function eventDetail(ev: TraceEvent, lang: Lang = 'en'): string {
  if (lang === 'zh-CN') return eventDetailZh(ev);
  switch (ev.kind) {
    case 'state': return ev.cause;
    case 'timer': return `${ev.timer} ${ev.op} (due ${ev.dueMs} ms)`;
    case 'app': return [ev.event, ev.bytes > 0 ? `${ev.bytes} bytes` : '', ev.detail].filter((x) => x !== '').join('; ');
    case 'tcp.drop': return ev.reason;
    case 'note': return ev.text;
    default: return netDetail(ev) ?? '';
  }
}
