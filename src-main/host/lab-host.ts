// The lab host: owns the lab state, applies validated commands, and streams events to subscribers.
// It knows nothing of sockets or Electron: web/ and electron/ are thin adapters that feed it messages.
import {
  callMessageSchema,
  commandSchemas,
  isCommandName,
  LabError,
  type CallMessage,
  type CommandName,
  type CommandResults,
  type ReplyMessage,
} from '../contract/index.js';
import { describeZodError } from './zod-errors.js';
import type { HostDeps } from './deps.js';
import { systemClock } from './clock.js';
import { sessionHandlers } from './session-handlers.js';
import { SessionHost } from './session-host.js';
import { appHandlers, type AppState } from './app-handlers.js';
import { settingsHandlers } from './settings-handlers.js';
import { Autosave, AUTOSAVE_INTERVAL_MS } from './autosave.js';
import { saveSession } from '../lab/session-file.js';
import type { HostClock } from './clock.js';

/** Commands after which the session file changes, so the autosave is written at once. */
const CHANGES_SESSION = new Set<string>([
  'session.openLesson', 'session.openText', 'intervene', 'history.undo', 'history.redo', 'timeline.branch',
  'timeline.switch', 'timeline.seek', 'timeline.step', 'timeline.pause', 'recovery.restore', 'settings.apply',
]);

type Handler<K extends CommandName> = (args: unknown) => CommandResults[K] | Promise<CommandResults[K]>;
type HandlerTable = { [K in CommandName]: Handler<K> };

export type EventListener = (batch: unknown[]) => void;

export class LabHost {
  private readonly listeners = new Set<EventListener>();
  private readonly handlers: HandlerTable;
  /** The open session, playback and the event stream. */
  readonly sessions: SessionHost;
  private readonly app: AppState;
  private readonly clock: HostClock;
  private autosaveTimer: unknown = null;

  constructor(private readonly deps: HostDeps) {
    const clock = deps.clock ?? systemClock;
    this.clock = clock;
    this.sessions = new SessionHost(clock, (batch) => this.publish(batch), deps.session ?? {});
    this.app = {
      prefs: { lang: 'en', theme: 'system' },
      autosave: deps.dataDir ? new Autosave(deps.dataDir) : null,
      publish: (batch) => this.publish(batch),
    };
    const session = sessionHandlers(this.sessions, deps.version, clock) as unknown as Partial<HandlerTable>;
    const app = appHandlers(this.app, this.sessions) as unknown as Partial<HandlerTable>;
    const settings = settingsHandlers(this.sessions) as unknown as Partial<HandlerTable>;
    this.handlers = {
      ...(session as Omit<HandlerTable, 'app.info' | 'lessons.list'>),
      ...(app as Omit<HandlerTable, 'app.info' | 'lessons.list'>),
      ...(settings as Omit<HandlerTable, 'app.info' | 'lessons.list'>),
      'app.info': () => ({ name: 'tcplab', version: this.deps.version, mode: this.deps.mode }),
      'lessons.list': () => this.deps.listLessons(),
    };
    // At least every 5 s while a session is open (playback moves the cursor), so a crash loses ≤ 5 s.
    if (this.app.autosave) this.autosaveTimer = clock.setInterval(() => this.autosaveNow(), AUTOSAVE_INTERVAL_MS);
  }

  /** Writes the autosave if the session changed. Returns whether it wrote. */
  autosaveNow(): boolean {
    const lab = this.sessions.current;
    if (!lab || !this.app.autosave) return false;
    return this.app.autosave.save(saveSession(lab.session, { appVersion: this.deps.version }));
  }

  /** A clean stop: no more autosaves, and nothing left to recover. */
  shutdown(): void {
    if (this.autosaveTimer !== null) this.clock.clearInterval(this.autosaveTimer);
    this.autosaveTimer = null;
    this.sessions.dispose();
    this.app.autosave?.markClean();
  }

  /** Validates one raw message from a transport and answers it. Never throws. */
  async handleRaw(raw: unknown): Promise<ReplyMessage> {
    const parsed = callMessageSchema.safeParse(raw);
    if (!parsed.success) {
      const id = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'number' ? (raw as { id: number }).id : -1;
      return { t: 'reply', id, ok: false, error: new LabError('bad-message', describeZodError(parsed.error)).toInfo() };
    }
    return this.handle(parsed.data);
  }

  async handle(msg: CallMessage): Promise<ReplyMessage> {
    try {
      const result = await this.call(msg.cmd, msg.args);
      return { t: 'reply', id: msg.id, ok: true, result };
    } catch (err) {
      const info = err instanceof LabError ? err.toInfo() : { code: 'internal', message: String((err as Error)?.message ?? err) };
      return { t: 'reply', id: msg.id, ok: false, error: info };
    }
  }

  /** Runs a command by name after validating its arguments. Throws LabError on bad input. */
  async call(cmd: string, args: unknown): Promise<unknown> {
    if (!isCommandName(cmd)) throw new LabError('unknown-command', `unknown command "${cmd}"`);
    const schema = commandSchemas[cmd];
    const checked = schema.safeParse(args);
    if (!checked.success) throw new LabError('bad-arguments', `${cmd}: ${describeZodError(checked.error)}`);
    const handler = this.handlers[cmd] as Handler<typeof cmd>;
    const result = await handler(checked.data);
    if (CHANGES_SESSION.has(cmd)) this.autosaveNow();
    return result;
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected publish(batch: unknown[]): void {
    for (const l of this.listeners) l(batch);
  }
}
