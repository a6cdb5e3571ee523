// Typed refusals for commands the network cannot carry out. A refused command changes nothing: every
// check runs before the first mutation, so the trace and the state are as they were.

export type NetErrorCode =
  | 'unknown-packet'
  | 'already-delivered'
  | 'already-dropped'
  | 'not-interceptable'
  | 'not-cached'
  | 'invalid-edit'
  | 'invalid-command'
  | 'unknown-host'
  | 'unknown-rule'
  | 'invalid-rule'
  | 'invalid-spec'
  | 'in-the-past'
  /** The host is down (crashed, net/crash.ts): it cannot act until it is up again. */
  | 'host-down';

export class NetError extends Error {
  constructor(
    readonly code: NetErrorCode,
    message: string,
    /** JSON-path-like location of the bad value inside the command or spec, e.g. "fields.seq". */
    readonly path?: string,
  ) {
    super(message);
    this.name = 'NetError';
  }
}
