// The host side of an open session: which session is open, live playback (a wall-clock loop that moves
// the cursor by speed × elapsed virtual ms), and the coalesced event stream. Commands that fail throw
// LabError before changing anything (LabSession is failure-safe; a new session replaces the old one only
// once it has opened).
import { LabError } from '../contract/errors.js';
import type { HostEvent, SessionInfo } from '../contract/session.js';
import { lessonById } from '../lab/lessons/index.js';
import { LabSession, type LabSessionOptions } from '../lab/session-lab.js';
import { newSession, type Session } from '../lab/session-model.js';
import type { HostClock } from './clock.js';
import { sessionFromText } from './open-file.js';
import { Publisher, type TraceSource } from './publisher.js';
import { sessionInfo } from './session-info.js';

/** One flush per animation frame (~60 Hz). */
export const FRAME_MS = 16;
/** A stalled page (background tab) must not make one tick compute minutes of simulation. */
const MAX_TICK_WALL_MS = 250;

export class SessionHost {
  private lab: LabSession | null = null;
  private playing = false;
  private speed = 1;
  private ticker: unknown = null;
  private lastWallMs = 0;
  private readonly publisher: Publisher;

  constructor(
    private readonly clock: HostClock,
    publish: (batch: HostEvent[]) => void,
    private readonly opts: LabSessionOptions = {},
  ) {
    this.publisher = new Publisher(publish);
  }

  /** The open session, or LabError('no-session'). */
  get open(): LabSession {
    if (this.lab === null) throw new LabError('no-session', 'no session is open: open a lesson or a file first');
    return this.lab;
  }

  get current(): LabSession | null {
    return this.lab;
  }

  info(): SessionInfo | null {
    return this.lab === null ? null : sessionInfo(this.lab, this.playing, this.speed);
  }

  requireInfo(): SessionInfo {
    return sessionInfo(this.open, this.playing, this.speed);
  }

  openLesson(id: string, compare: number | undefined): SessionInfo {
    const lesson = lessonById(id);
    if (lesson === undefined) throw new LabError('unknown-lesson', `no lesson "${id}"`, '$.id');
    const runs = lesson.lesson.compare ?? [];
    if (compare !== undefined && compare >= runs.length) {
      throw new LabError('unknown-compare', `lesson "${id}" has ${runs.length} compare run(s); ${compare} is out of range`, '$.compare');
    }
    const scenario = lesson.scenario as unknown as Record<string, unknown>;
    return this.replace(newSession(scenario, lesson.scenario.seed, { id, compare: compare ?? null }));
  }

  openText(text: string, fileName: string | undefined): SessionInfo {
    return this.replace(sessionFromText(text, fileName));
  }

  /** Replaces the open session with another (settings changes); throws, changing nothing, if it fails to replay. */
  replaceWith(session: Session): SessionInfo {
    return this.replace(session);
  }

  private replace(session: Session): SessionInfo {
    const lab = LabSession.open(session, this.opts); // throws before anything changes
    this.stopPlaying();
    this.lab = lab;
    this.changed(true);
    return this.requireInfo();
  }

  /** Runs a session edit (or cursor move), then publishes what changed. */
  edit(fn: (lab: LabSession) => void, rewritesTrace: boolean): SessionInfo {
    const lab = this.open;
    fn(lab);
    this.changed(rewritesTrace);
    return this.requireInfo();
  }

  play(speed: number | undefined): SessionInfo {
    const lab = this.open;
    if (speed !== undefined) this.speed = speed;
    if (lab.cursor.tMs < lab.prepared.run.untilMs) {
      this.playing = true;
      this.lastWallMs = this.clock.now();
      this.ensureTicker();
    }
    this.changed(false);
    return this.requireInfo();
  }

  pause(): SessionInfo {
    void this.open; // LabError('no-session') when none
    this.stopPlaying();
    this.changed(false);
    return this.requireInfo();
  }

  private stopPlaying(): void {
    this.playing = false;
  }

  private changed(rewritesTrace: boolean): void {
    if (rewritesTrace) this.publisher.sessionChange();
    else this.publisher.statusChange();
    this.flush();
  }

  private source(): TraceSource | null {
    return this.lab === null ? null : { branch: this.lab.currentBranch.id, events: this.lab.timeline.events };
  }

  private flush(): void {
    this.publisher.flush(this.source(), () => this.info());
    if (this.publisher.pending(this.source())) this.ensureTicker();
  }

  private ensureTicker(): void {
    if (this.ticker === null) this.ticker = this.clock.setInterval(() => this.tick(), FRAME_MS);
  }

  /** One frame: advance the cursor while playing, then flush; the loop ends when idle. */
  tick(): void {
    const lab = this.lab;
    if (lab !== null && this.playing) {
      const nowMs = this.clock.now();
      const wallMs = Math.min(Math.max(0, nowMs - this.lastWallMs), MAX_TICK_WALL_MS);
      this.lastWallMs = nowMs;
      const untilMs = lab.prepared.run.untilMs;
      lab.seekMs(Math.min(untilMs, lab.cursor.tMs + wallMs * this.speed));
      if (lab.cursor.tMs >= untilMs) this.playing = false;
      this.publisher.statusChange();
    }
    this.publisher.flush(this.source(), () => this.info());
    if (!this.playing && !this.publisher.pending(this.source()) && this.ticker !== null) {
      this.clock.clearInterval(this.ticker);
      this.ticker = null;
    }
  }

  /** Stops the loop (host shutdown, tests). */
  dispose(): void {
    this.playing = false;
    if (this.ticker !== null) this.clock.clearInterval(this.ticker);
    this.ticker = null;
  }
}
