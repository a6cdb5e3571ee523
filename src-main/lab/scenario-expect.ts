// Lesson expectations: declarative claims about a run's trace, checked by expect.ts.
// A "filter" selects trace events; an expectation asserts something about the selected events.
import { z } from 'zod';
import { flags, flagsAny, hostName, ms, tcpState, u32 } from './scenario-fields.js';

const window = {
  host: hostName().optional(),
  /** Exact connection key, "ip:port>ip:port" (sender / local side first). */
  conn: z.string().max(64).optional(),
  /** Only events at or after this time … */
  fromMs: ms().optional(),
  /** … and at or before this time. */
  toMs: ms().optional(),
};

const segmentFilter = {
  ...window,
  flags: flags().optional(),
  flagsAny: flagsAny().optional(),
  len: z.number().int().min(0).max(65535).optional(),
  minLen: z.number().int().min(0).max(65535).optional(),
  seq: u32().optional(),
  ack: u32().optional(),
};

const APP_EVENTS = ['connected', 'accepted', 'data', 'eof', 'reset', 'timeout', 'refused', 'closed', 'error'] as const;
const TIMERS = ['retransmit', 'time-wait', 'fin-wait-2', 'delayed-ack', 'persist', 'keepalive', 'syn-ack'] as const;

const filterShapes = {
  send: segmentFilter,
  recv: segmentFilter,
  drop: { ...segmentFilter, reason: z.string().max(200).optional() },
  state: { ...window, from: tcpState().optional(), to: tcpState().optional() },
  app: { ...window, event: z.enum(APP_EVENTS).optional(), detail: z.string().max(200).optional() },
  timer: { ...window, timer: z.enum(TIMERS).optional(), op: z.enum(['start', 'stop', 'fire']).optional() },
  /** Any other trace kind by name, e.g. "step.error", "router.replay", "flood.start". */
  trace: { ...window, type: z.string().min(1).max(40), text: z.string().max(200).optional() },
};

/** What to assert about the selected events; with none of these, "at least one". */
const occurs = {
  /** Exact times (virtual ms) of every selected event, in order. */
  atMs: z.array(ms()).max(100).optional(),
  /** Allowed difference per time in atMs (default 0). */
  toleranceMs: ms().optional(),
  count: z.number().int().min(0).max(1_000_000).optional(),
  min: z.number().int().min(0).max(1_000_000).optional(),
  max: z.number().int().min(0).max(1_000_000).optional(),
};

function filterOf<K extends keyof typeof filterShapes>(kind: K) {
  return z.strictObject({ kind: z.literal(kind), ...filterShapes[kind] });
}
function occursOf<K extends keyof typeof filterShapes>(kind: K) {
  return z.strictObject({ kind: z.literal(kind), ...filterShapes[kind], ...occurs });
}

export const eventFilterSchema = z.discriminatedUnion('kind', [
  filterOf('send'), filterOf('recv'), filterOf('drop'), filterOf('state'), filterOf('app'), filterOf('timer'), filterOf('trace'),
]).meta({ id: 'EventFilter', description: 'Selects trace events by kind, host, time window and kind-specific fields.' });

const segmentRef = z.strictObject({
  match: eventFilterSchema,
  /** Which of the selected events (from 1; default 1). */
  nth: z.number().int().min(1).max(1_000_000).optional(),
  field: z.enum(['seq', 'ack', 'len', 'win']),
});

export const expectationSchema = z.discriminatedUnion('kind', [
  occursOf('send'), occursOf('recv'), occursOf('drop'), occursOf('state'), occursOf('app'), occursOf('timer'), occursOf('trace'),
  /** A connection of `host` entered `state` and was still in it at untilMs. */
  z.strictObject({ kind: z.literal('stays'), host: hostName(), state: tcpState(), untilMs: ms(), fromMs: ms().optional() }),
  /** The application on `host` received exactly this text or this many bytes (all connections, in order). */
  z.strictObject({
    kind: z.literal('received'), host: hostName(), conn: z.string().max(64).optional(),
    text: z.string().max(65536).optional(), bytes: z.number().int().min(0).max(1e12).optional(),
  }),
  z.strictObject({ kind: z.literal('never'), match: eventFilterSchema }),
  z.strictObject({
    kind: z.literal('count'), match: eventFilterSchema,
    count: occurs.count, min: occurs.min, max: occurs.max,
  }),
  /** The first event matching `first` comes before the first matching `then`. */
  z.strictObject({ kind: z.literal('order'), first: eventFilterSchema, then: eventFilterSchema }),
  /** a.field = b.field + plus (mod 2^32): "ack = x + 1", "a FIN takes one sequence number". */
  z.strictObject({ kind: z.literal('seq'), a: segmentRef, b: segmentRef, plus: z.number().int().min(-65536).max(1_000_000_000) }),
  /** At the end of the run, `count` connections of `host` are (last seen) in `state`. */
  z.strictObject({ kind: z.literal('final'), host: hostName(), state: tcpState(), count: z.number().int().min(0).max(1_000_000) }),
]).meta({ id: 'Expectation', description: 'A claim about the trace, checked by src-main/lab/expect.ts.' });

export type EventFilter = z.output<typeof eventFilterSchema>;
export type Expectation = z.output<typeof expectationSchema>;
export type SegmentRef = z.output<typeof segmentRef>;
