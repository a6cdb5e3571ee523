// Session and timeline commands: what the renderer (and the Electron menus) can ask of an open session,
// and the events the host pushes back. Results are plain JSON copies: the renderer never holds host objects.
import { z } from 'zod';
import type { Lang, Localized } from './commands.js';
import type { TcbSnapshot, TcpState, TraceEvent, SegSummary, Lineage } from './trace.js';
import { interventionBodySchema } from './intervention-schema.js';

export const EXPORT_FORMATS = ['session', 'pcapng', 'jsonl', 'csv', 'svg-ladder', 'svg-state', 'png-ladder', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const text = z.string().max(32 * 1024 * 1024);
const branchId = z.string().min(1).max(64);

export const sessionCommandSchemas = {
  /** Full lesson text for the Lesson panel. */
  'lesson.get': z.object({ id: z.string().min(1).max(64) }).strict(),
  /** Opens a lesson as a new session; `compare` picks one of its comparison runs (index). */
  'session.openLesson': z.object({ id: z.string().min(1).max(64), compare: z.number().int().min(0).max(64).optional() }).strict(),
  /** Opens a scenario or a saved session from its JSON text (file contents). */
  'session.openText': z.object({ text, fileName: z.string().max(512).optional() }).strict(),
  'session.info': z.union([z.undefined(), z.null(), z.object({}).strict()]),
  'session.export': z.object({ format: z.enum(EXPORT_FORMATS), lang: z.enum(['en', 'zh-CN']).optional() }).strict(),
  'timeline.play': z.object({ speed: z.number().min(0.01).max(1000).optional() }).strict(),
  'timeline.pause': z.union([z.undefined(), z.null(), z.object({}).strict()]),
  'timeline.step': z.object({ unit: z.enum(['event', 'packet']) }).strict(),
  'timeline.seek': z.union([z.object({ tMs: z.number().finite().min(0) }).strict(), z.object({ event: z.number().int().min(0) }).strict()]),
  'timeline.branch': z.object({ name: z.string().min(1).max(64).optional() }).strict(),
  'timeline.switch': z.object({ branch: branchId }).strict(),
  /**
   * A slice of a branch's trace, for (re)building views. Without `branch`: the current branch, up to its
   * head. With another branch: that branch, computed up to the cursor's time (side-by-side comparison).
   */
  'trace.get': z.object({ from: z.number().int().min(0), count: z.number().int().min(1).max(200_000), branch: branchId.optional() }).strict(),
  'view.router': z.union([z.undefined(), z.null(), z.object({}).strict()]),
  'view.packet': z.object({ id: z.number().int().min(1) }).strict(),
  'view.connections': z.union([z.undefined(), z.null(), z.object({}).strict()]),
  /**
   * One connection's TCB at `points` evenly spaced times from fromMs up to the cursor, re-run on a copy of
   * the branch (the trace has a TCB only at state changes). For the TCB panel's cwnd plot after a seek.
   */
  'view.tcbHistory': z.object({
    host: z.string().min(1).max(64),
    conn: z.string().regex(/^\d{1,3}(\.\d{1,3}){3}:\d{1,5}>\d{1,3}(\.\d{1,3}){3}:\d{1,5}$/, 'a connection is "ip:port>ip:port"'),
    fromMs: z.number().finite().min(0),
    points: z.number().int().min(2).max(1000).optional(),
  }).strict(),
  /** Every host's listeners at the cursor: LISTEN, the SYN queue and accept queue with their limits. */
  'view.listeners': z.union([z.undefined(), z.null(), z.object({}).strict()]),
  /**
   * One listener's queue lengths at `points` evenly spaced times from fromMs up to the cursor, re-run on a
   * copy of the branch as view.tcbHistory. For the listener panel's plot (a SYN flood filling the SYN queue).
   */
  'view.listenerHistory': z.object({
    host: z.string().min(1).max(64),
    listener: z.string().regex(/^\d{1,3}(\.\d{1,3}){3}:\d{1,5}>\*:\*$/, 'a listener is "ip:port>*:*"'),
    fromMs: z.number().finite().min(0),
    points: z.number().int().min(2).max(1000).optional(),
  }).strict(),
  /** Applies an intervention at the cursor. If the cursor is behind the head, a new branch keeps the old future. */
  intervene: z.object({ action: interventionBodySchema }).strict(),
  'history.undo': z.union([z.undefined(), z.null(), z.object({}).strict()]),
  'history.redo': z.union([z.undefined(), z.null(), z.object({}).strict()]),
  'settings.knobs': z.union([z.undefined(), z.null(), z.object({}).strict()]),
} as const;

export interface NarrativeText {
  goal: string;
  steps: string[];
  notice: string[];
  question: string;
  answer: string;
}

export interface LessonDetail {
  id: string;
  order: number;
  title: Localized;
  narrative: Record<Lang, NarrativeText>;
  /** Lesson 2's "what each side can be sure of" table, if the lesson has one. */
  table?: unknown;
  compare: Array<{ index: number; label: Localized }>;
}

export interface BranchInfo {
  id: string;
  name: string;
  parent: string | null;
  /** Virtual time where it left its parent. */
  forkAtMs: number;
  actionCount: number;
}

export interface SessionInfo {
  title: Localized;
  lessonId: string | null;
  compare: number | null;
  profile: string;
  seed: number;
  hosts: Array<{ name: string; ip: string }>;
  untilMs: number;
  branches: BranchInfo[];
  branch: string;
  /** The furthest point computed on this branch. */
  headMs: number;
  headEvent: number;
  /** Where the student is looking. */
  cursorMs: number;
  cursorEvent: number;
  playing: boolean;
  speed: number;
  canUndo: boolean;
  canRedo: boolean;
}

export interface RouterPacketView {
  id: number;
  label: string;
  conn: string;
  from: string;
  to: string;
  where: string;
  /** Index in the router queue toward `to`, when queued. */
  queueIndex: number | null;
  lineage: Lineage;
  seg: SegSummary;
}

export interface RouterView {
  atMs: number;
  inFlight: RouterPacketView[];
  queued: RouterPacketView[];
  held: RouterPacketView[];
  cached: RouterPacketView[];
  rules: Array<{ id: string; label: string; enabled: boolean; matches: number }>;
  queueCapacity: Record<string, number>;
}

export interface PacketDetail {
  id: number;
  conn: string;
  from: string;
  to: string;
  sentMs: number;
  fate: string;
  /**
   * Where its life stands at the cursor: only an 'in-flight' packet (on a link, queued, held or delayed) can
   * still be edited, dropped or held; the others answer already-delivered, already-dropped or not-interceptable.
   */
  fateState: 'in-flight' | 'delivered' | 'dropped' | 'replaced';
  lineage: Lineage;
  seg: SegSummary;
  /**
   * The factor the window field is multiplied by (2^shift) when window scaling is in effect for this packet
   * (both SYNs offered it, RFC 7323 2.2; never on a SYN), else null. The label's Win= is already scaled.
   */
  winScale: number | null;
  label: string;
  hex: string;
  /** The whole history of the packet: sent, queued, held, delivered, dropped… */
  history: string[];
}

export interface ConnectionView {
  host: string;
  conn: string;
  state: TcpState;
  tcb: TcbSnapshot;
}

/** view.tcbHistory: the connection's TCB at each time it existed (`fromMs`: the first time read). */
export interface TcbHistoryView {
  host: string;
  conn: string;
  fromMs: number;
  toMs: number;
  points: Array<{ t: number; tcb: TcbSnapshot }>;
}

/** view.listeners: one listening socket at the cursor (its connections are in view.connections). */
export interface ListenerView {
  host: string;
  /** "ip:port>*:*", as trace events and the State diagram name it. */
  listener: string;
  port: number;
  state: 'LISTEN';
  /** The accept queue's bound from listen()'s backlog, after net.core.somaxconn (at least 1). */
  backlog: number;
  /** Half-open connections (SYN-RECEIVED children) and the most the SYN queue holds. */
  synQueue: number;
  synQueueLimit: number;
  /**
   * linux with tcp_syncookies = 0: a SYN from a peer not proven alive is dropped once the SYN queue holds this many
   * (tcp_max_syn_backlog minus a quarter, plus one; docs/TCP.md "Listener"); null when that rule does not apply.
   */
  unprovenLimit: number | null;
  /** Established connections waiting for accept() (0 while the application accepts at once) and the most it holds. */
  acceptQueue: number;
  acceptQueueLimit: number;
  /** Whether the application accepts each connection at once (the lab's default). */
  autoAccept: boolean;
  /** net.ipv4.tcp_syncookies: 0 off, 1 when the SYN queue is full, 2 always. */
  syncookies: number;
}

/** view.listenerHistory: the listener's queue lengths at each time it was listening (`fromMs`: the first time read). */
export interface ListenerHistoryView {
  host: string;
  listener: string;
  fromMs: number;
  toMs: number;
  points: Array<{ t: number; synQueue: number; acceptQueue: number }>;
}

export interface KnobView {
  name: string;
  unit: string;
  min: number;
  max: number;
  defaults: Record<string, number>;
  help: Localized;
  /** The knob this one may not exceed (e.g. tcplab.rto_min_ms ≤ tcplab.rto_max_ms); settings.apply refuses otherwise. */
  atMost?: string;
}

export interface ExportResult {
  fileName: string;
  mime: string;
  encoding: 'utf8' | 'base64';
  data: string;
}

export interface SessionCommandResults {
  'lesson.get': LessonDetail;
  'session.openLesson': SessionInfo;
  'session.openText': SessionInfo;
  'session.info': SessionInfo | null;
  'session.export': ExportResult;
  'timeline.play': SessionInfo;
  'timeline.pause': SessionInfo;
  'timeline.step': SessionInfo;
  'timeline.seek': SessionInfo;
  'timeline.branch': SessionInfo;
  'timeline.switch': SessionInfo;
  'trace.get': { from: number; events: TraceEvent[] };
  'view.router': RouterView;
  'view.packet': PacketDetail;
  'view.connections': ConnectionView[];
  'view.tcbHistory': TcbHistoryView;
  'view.listeners': ListenerView[];
  'view.listenerHistory': ListenerHistoryView;
  intervene: SessionInfo;
  'history.undo': SessionInfo;
  'history.redo': SessionInfo;
  'settings.knobs': KnobView[];
}

/**
 * Pushed by the host, coalesced into one batch per flush:
 * - `session`: the session changed (opened, branch switched, undo…): drop cached views and re-read the trace;
 * - `trace`: events appended to the current branch's trace, starting at index `from`;
 * - `status`: cursor, head and playback state moved.
 */
export type HostEvent =
  | { type: 'session'; info: SessionInfo }
  | { type: 'trace'; branch: string; from: number; events: TraceEvent[] }
  | { type: 'status'; info: SessionInfo };
