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

type Handler<K extends CommandName> = (args: unknown) => CommandResults[K] | Promise<CommandResults[K]>;
type HandlerTable = { [K in CommandName]: Handler<K> };

export type EventListener = (batch: unknown[]) => void;

export class LabHost {
  private readonly listeners = new Set<EventListener>();
  private readonly handlers: HandlerTable;
  /** The open session, playback and the event stream. */
  readonly sessions: SessionHost;

  constructor(private readonly deps: HostDeps) {
    const clock = deps.clock ?? systemClock;
    this.sessions = new SessionHost(clock, (batch) => this.publish(batch), deps.session ?? {});
    const session = sessionHandlers(this.sessions, deps.version, clock) as { [K in keyof typeof commandSchemas]?: Handler<K> };
    this.handlers = {
      ...(session as Omit<HandlerTable, 'app.info' | 'lessons.list'>),
      'app.info': () => ({ name: 'tcplab', version: this.deps.version, mode: this.deps.mode }),
      'lessons.list': () => this.deps.listLessons(),
    };
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
    return handler(checked.data);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected publish(batch: unknown[]): void {
    for (const l of this.listeners) l(batch);
  }
}
