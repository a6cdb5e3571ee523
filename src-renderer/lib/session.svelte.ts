// The renderer's copy of the open session: SessionInfo, the current branch's trace, the router view, the
// selected packet and the connections. Host events are folded into one update per animation frame
// (DESIGN.md "Renderer"); a command's reply is applied at once, so the user sees its effect in the next frame.
// State arrives as copies; user actions become host commands, never local mutations (STYLE.md point 5).
import type {
  CommandArgs, CommandName, CommandResults, ConnectionView, InterventionBody, LessonDetail, ListenerHistoryView, ListenerView,
  PacketDetail, RouterView, SessionInfo, TcbHistoryView, TraceEvent,
} from '../../src-main/contract/index.js';
import type { LabClient } from './client.js';
import { TraceLog, coalesce, viewsRefreshDelayMs } from './trace-buffer.js';
import { toShownError, type ShownError } from './host-errors.js';
import { FramePacer } from './frame-pacer.js';

/** Events per trace.get call: large enough to load a lesson in a few round trips, small enough to stream. */
const TRACE_CHUNK = 20_000;
/**
 * While playing, host events re-read the router, connection and packet views at most this often. Every
 * frame of live play carries a trace batch; re-reading the views for each one rebuilt the router queue's
 * rows ~60 times a second (three host round trips and a DOM rebuild per frame: docs/PERFORMANCE.md,
 * renderer.live). Ten times a second still looks live; commands and pauses refresh at once.
 */
const PLAY_VIEWS_EVERY_MS = 100;
const NO_EVENTS: readonly TraceEvent[] = Object.freeze([]);
/** Host events carry no user action: while playing, only the frame pacer's clock decides when they apply. */
const NO_USER_KEY: readonly unknown[] = Object.freeze([]);
/** Times read for the TCB plot's history: about one per pixel column of the plot. */
const TCB_HISTORY_POINTS = 200;

export class SessionStore {
  info = $state.raw<SessionInfo | null>(null);
  router = $state.raw<RouterView | null>(null);
  connections = $state.raw<ConnectionView[]>([]);
  /** Every host's listeners (LISTEN, SYN and accept queues), read with `connections`. */
  listeners = $state.raw<ListenerView[]>([]);
  /** The virtual time `connections` and `listeners` describe (the router view's, read with them), or null when unknown. */
  connectionsAtMs = $state<number | null>(null);
  selectedId = $state<number | null>(null);
  packet = $state.raw<PacketDetail | null>(null);
  lesson = $state.raw<LessonDetail | null>(null);
  error = $state.raw<ShownError | null>(null);
  /** Commands awaiting a reply: the UI shows progress when one takes long. */
  pending = $state(0);
  /** Bumped on every command reply (seek, step, pause, …): throttled panels then show the cursor at once. */
  commandSeq = $state(0);
  /** Bumped when a Step has moved the cursor: the ladder then brings the cursor's time into view. */
  stepSeq = $state(0);
  /**
   * Bumped each time a lesson or a file is opened: what was shown for the previous session (a comparison)
   * is stale even when the new session has branches of the same names.
   */
  opened = $state(0);
  /** Set once init() has asked the host for an already open session. */
  ready = $state(false);
  /** The last view.tcbHistory read (loadTcbHistory), and the trace generation it belongs to. */
  tcbHistory = $state.raw<(TcbHistoryView & { generation: number }) | null>(null);
  /** The last view.listenerHistory read (loadListenerHistory), and the trace generation it belongs to. */
  listenerHistory = $state.raw<(ListenerHistoryView & { generation: number }) | null>(null);

  /** The current branch's trace up to the head (not just the cursor), grown in place (TraceLog). */
  readonly #log = new TraceLog<TraceEvent>();
  /** The log's version: what readers of `trace` and `visible` depend on (the array itself may not change). */
  #traceVersion = $state(0);

  /**
   * The current branch's trace up to the head. It grows in place: read what you need at once, and compare
   * by prefix (as buildLadder does), not by identity.
   */
  get trace(): readonly TraceEvent[] {
    void this.#traceVersion;
    return this.#log.events;
  }

  /**
   * Events at or before the cursor: what the diagrams draw. A getter, not a $derived, so that a reader
   * depends on the version and the cursor themselves: while playing the cursor is at the head and this is
   * the log's own array, which stays the same object as it grows (a $derived would then tell nobody).
   * Readers must use it inside their own $derived (or pass `session.visible` as a prop expression, which
   * Svelte compiles to a getter), never keep it in a $derived of its own.
   */
  get visible(): readonly TraceEvent[] {
    void this.#traceVersion;
    const info = this.info;
    return info ? this.#log.prefix(info.cursorEvent) : NO_EVENTS;
  }

  private queue: unknown[] = [];
  private readonly pacer = new FramePacer();
  private frame: number | null = null;
  private traceLoading: Promise<void> | null = null;
  private traceDirty = false;
  private viewsLoading = false;
  private viewsDirty = false;
  private viewsTimer: ReturnType<typeof setTimeout> | null = null;
  /** performance.now() when the views were last re-read. */
  private viewsAtMs = -Infinity;
  /** Bumped whenever the trace is reset, so a fetch for an older trace is thrown away. */
  private generation = $state(0);
  /**
   * Commands in flight whose reply replaces the session or its trace (open, undo, intervene…). A background
   * history read sent meanwhile would reach the host after the change and ask about a connection the new
   * session does not have; it waits instead (the panels ask again once the reply is applied).
   */
  private replacing = 0;

  constructor(readonly client: LabClient) {
    client.onEvents((batch) => {
      this.queue.push(...batch);
      this.frame ??= requestAnimationFrame((frameMs) => this.onFrame(frameMs));
    });
  }

  /** Picks up a session the host already has open (page reload, Electron crash recovery). */
  async init(): Promise<void> {
    try {
      const info = await this.call('session.info');
      if (!info || this.info) return;
      if (info.lessonId) this.lesson = (await this.call('lesson.get', { id: info.lessonId })) ?? null;
      this.adopt(info, 'all');
    } finally {
      this.ready = true;
    }
  }

  /** Runs a command, turning any failure into `error` (shown as a readable message, never a blank screen). */
  async call<K extends CommandName>(cmd: K, args?: CommandArgs<K>): Promise<CommandResults[K] | undefined> {
    this.pending++;
    try {
      return await this.client.call(cmd, args);
    } catch (err) {
      this.error = toShownError(err);
      return undefined;
    } finally {
      this.pending--;
    }
  }

  /**
   * Applies a SessionInfo the host just returned. `reset`: 'all' re-reads the whole trace (new session,
   * undo/redo), 'tail' re-reads from the cursor (an intervention rewrote the future), 'none' only catches up.
   */
  adopt(info: SessionInfo | undefined, reset: 'none' | 'tail' | 'all' = 'none', fromHostEvent = false): void {
    if (!info) return;
    const prev = this.info;
    this.info = info;
    if (reset === 'all' || !prev || prev.branch !== info.branch) {
      this.generation++;
      this.#log.reset();
    } else if (reset === 'tail' || info.headEvent < this.#log.length) {
      this.generation++;
      this.#log.truncate(Math.min(info.cursorEvent, info.headEvent));
    }
    this.#traceVersion = this.#log.version;
    if (this.#log.length < info.headEvent || this.#log.length === 0) void this.reloadTrace();
    if (fromHostEvent) this.refreshViewsSoon();
    else this.refreshViews();
  }

  /**
   * Applies a command's reply. Host events that arrived before it (they are already queued: a WebSocket
   * delivers in order and the reply resumes us in a microtask) describe an older state, so they are dropped;
   * adopt() refetches any trace they carried, because it compares our length with info.headEvent.
   */
  fromReply(info: SessionInfo | undefined, reset: 'none' | 'tail' | 'all' = 'none'): void {
    if (!info) return;
    this.queue = [];
    this.commandSeq++;
    this.adopt(info, reset);
  }

  /**
   * Host events are applied on an animation frame; while playing, on at most every second one (frame-pacer.ts:
   * each application updates every panel, and the ladder draws the frame after). Command replies (fromReply)
   * are applied at once, so pause, seek and the user's other actions never wait.
   */
  private onFrame(frameMs: number): void {
    this.frame = null;
    if (!this.pacer.shouldRun(frameMs, this.info?.playing ?? false, NO_USER_KEY)) {
      this.frame = requestAnimationFrame((ms) => this.onFrame(ms));
      return;
    }
    this.flush();
  }

  private flush(): void {
    const update = coalesce(this.queue);
    this.queue = [];
    if (update.session) {
      this.adopt(update.session, 'all');
      return;
    }
    for (const batch of update.traces) {
      if (batch.branch !== this.info?.branch) continue;
      const gapFrom = this.#log.apply(batch.from, batch.events);
      if (gapFrom !== null) void this.reloadTrace();
    }
    this.#traceVersion = this.#log.version;
    if (update.info) this.adopt(update.info, 'none', true);
    else if (update.traces.length > 0) this.refreshViewsSoon();
  }

  /** Fetches the trace from our end to the head; one fetch at a time, repeated once if asked again meanwhile. */
  private reloadTrace(): Promise<void> {
    if (this.traceLoading) {
      this.traceDirty = true;
      return this.traceLoading;
    }
    this.traceLoading = (async () => {
      for (let round = 0; round < 10_000; round++) {
        const generation = this.generation;
        const from = this.#log.length;
        const got = await this.call('trace.get', { from, count: TRACE_CHUNK });
        if (!got || generation !== this.generation) break;
        this.#log.apply(got.from, got.events);
        this.#traceVersion = this.#log.version;
        if (got.events.length < TRACE_CHUNK) break;
      }
    })().finally(() => {
      this.traceLoading = null;
      if (this.traceDirty) {
        this.traceDirty = false;
        void this.reloadTrace();
      }
    });
    return this.traceLoading;
  }

  /** refreshViews for host events: at once when paused, at most every PLAY_VIEWS_EVERY_MS while playing. */
  private refreshViewsSoon(): void {
    if (this.viewsTimer !== null && this.info?.playing) return;
    const waitMs = viewsRefreshDelayMs(this.info?.playing ?? false, this.viewsAtMs, performance.now(), PLAY_VIEWS_EVERY_MS);
    if (waitMs === 0) return this.refreshViews();
    this.viewsTimer = setTimeout(() => {
      this.viewsTimer = null;
      this.refreshViews();
    }, waitMs);
  }

  /** Counts trace resets (a new session, branch, undo or intervention): data read before one is stale. */
  get traceGeneration(): number {
    return this.generation;
  }

  /**
   * Reads one connection's TCB over time up to the cursor into `tcbHistory` (for the cwnd plot after a
   * seek). A background read: a reply for an older trace is dropped (see backgroundRead).
   */
  async loadTcbHistory(host: string, conn: string, fromMs: number): Promise<void> {
    const h = await this.backgroundRead('view.tcbHistory', { host, conn, fromMs, points: TCB_HISTORY_POINTS });
    if (h) this.tcbHistory = h;
  }

  /** Reads one listener's queue lengths over time up to the cursor into `listenerHistory` (its plot after a seek). */
  async loadListenerHistory(host: string, listener: string, fromMs: number): Promise<void> {
    const h = await this.backgroundRead('view.listenerHistory', { host, listener, fromMs, points: TCB_HISTORY_POINTS });
    if (h) this.listenerHistory = h;
  }

  /**
   * A read the user did not ask for (a plot's history), with the trace generation it belongs to, or null.
   * Not sent while a command that replaces the session is in flight; a reply for an older trace is dropped.
   * "No such connection" means the host's session changed under the request (another window, a menu): not
   * a failure to report. Anything else is logged, never shown.
   */
  private async backgroundRead<K extends 'view.tcbHistory' | 'view.listenerHistory'>(cmd: K, args: CommandArgs<K>): Promise<(CommandResults[K] & { generation: number }) | null> {
    if (this.replacing > 0) return null;
    const generation = this.generation;
    try {
      const got = await this.client.call(cmd, args);
      return generation === this.generation ? { ...got, generation } : null;
    } catch (err) {
      if (generation !== this.generation || toShownError(err).code === 'connection-does-not-exist') return null;
      console.warn(`${cmd} failed`, err);
      return null;
    }
  }

  /** Re-reads the router view, connections and the selected packet at the cursor (serialised, coalesced). */
  refreshViews(): void {
    if (!this.info) return;
    if (this.viewsLoading) {
      this.viewsDirty = true;
      return;
    }
    this.viewsLoading = true;
    this.viewsAtMs = performance.now();
    void (async () => {
      const [router, conns, listeners] = await Promise.all([this.call('view.router'), this.call('view.connections'), this.call('view.listeners')]);
      if (router) this.router = router;
      if (conns) {
        this.connections = conns;
        this.listeners = listeners ?? [];
        this.connectionsAtMs = router ? router.atMs : null;
      }
      await this.loadPacket();
    })().finally(() => {
      this.viewsLoading = false;
      if (this.viewsDirty) {
        this.viewsDirty = false;
        this.refreshViews();
      }
    });
  }

  private async loadPacket(): Promise<void> {
    const id = this.selectedId;
    if (id === null) {
      this.packet = null;
      return;
    }
    try {
      const detail = await this.client.call('view.packet', { id });
      if (this.selectedId === id) this.packet = detail;
    } catch {
      // The packet is not known at this cursor (e.g. after seeking before it was sent): show nothing.
      if (this.selectedId === id) this.packet = null;
    }
  }

  select(id: number | null): void {
    this.selectedId = id;
    void this.loadPacket();
  }

  clearError(): void {
    this.error = null;
  }

  /** Shows why a file was not opened without asking the host (it was refused in the window). */
  refuse(err: ShownError): void {
    this.error = err;
  }

  /**
   * Clears an error shown before an operation that has just succeeded: it was about an earlier action
   * (a file that could not be opened, a refused apply), and left up it would read as this one's failure.
   * An error raised meanwhile (`this.error` is no longer `before`) stays.
   */
  succeeded(before: ShownError | null): void {
    if (this.error === before) this.error = null;
  }

  // --- commands -------------------------------------------------------------------------------------

  /** Runs a command whose reply replaces the session or its trace, holding background reads meanwhile. */
  private async replacingCall<T>(run: () => Promise<T>): Promise<T> {
    this.replacing++;
    try {
      return await run();
    } finally {
      this.replacing--;
    }
  }

  async openLesson(id: string, compare?: number): Promise<void> {
    await this.replacingCall(async () => {
      const errorBefore = this.error;
      const [lesson, info] = await Promise.all([
        this.call('lesson.get', { id }),
        this.call('session.openLesson', compare === undefined ? { id } : { id, compare }),
      ]);
      if (lesson) this.lesson = lesson;
      if (lesson && info) this.succeeded(errorBefore);
      if (info) {
        this.opened++;
        this.selectedId = null;
        this.packet = null;
        this.fromReply(info, 'all');
      }
    });
  }

  openText(text: string, fileName?: string): Promise<boolean> {
    return this.replacingCall(async () => {
      const errorBefore = this.error;
      const info = await this.call('session.openText', fileName === undefined ? { text } : { text, fileName });
      if (!info) return false;
      this.opened++;
      this.selectedId = null;
      this.packet = null;
      this.lesson = info.lessonId ? ((await this.call('lesson.get', { id: info.lessonId })) ?? null) : null;
      this.succeeded(errorBefore);
      this.fromReply(info, 'all');
      return true;
    });
  }

  async play(speed?: number): Promise<void> {
    this.fromReply(await this.call('timeline.play', speed === undefined ? {} : { speed }));
  }
  async pause(): Promise<void> {
    this.fromReply(await this.call('timeline.pause'));
  }
  async step(unit: 'event' | 'packet'): Promise<void> {
    const info = await this.call('timeline.step', { unit });
    this.fromReply(info);
    if (info) this.stepSeq++;
  }
  async seek(tMs: number): Promise<void> {
    this.fromReply(await this.call('timeline.seek', { tMs: Math.max(0, tMs) }));
  }
  async branch(name?: string): Promise<void> {
    this.fromReply(await this.replacingCall(() => this.call('timeline.branch', name ? { name } : {})));
  }
  async switchBranch(branch: string): Promise<void> {
    this.fromReply(await this.replacingCall(() => this.call('timeline.switch', { branch })));
  }
  async undo(): Promise<void> {
    this.fromReply(await this.replacingCall(() => this.call('history.undo')), 'all');
  }
  async redo(): Promise<void> {
    this.fromReply(await this.replacingCall(() => this.call('history.redo')), 'all');
  }
  async intervene(action: InterventionBody): Promise<boolean> {
    const info = await this.replacingCall(() => this.call('intervene', { action }));
    this.fromReply(info, 'tail');
    return info !== undefined;
  }
}
