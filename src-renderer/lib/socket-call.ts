// Builds the step of an intervention { op: "call" } from the socket-control fields of one host; the
// shape follows stepCallSchema (contract/intervention-schema.ts). Pure, so each rule is unit-tested.
import type { z } from 'zod';
import type { stepCallSchema } from '../../src-main/contract/index.js';

export type StepCall = z.infer<typeof stepCallSchema>;
export type SocketCall = 'listen' | 'connect' | 'send' | 'shutdown' | 'close' | 'abort';

export interface SocketForm {
  port: string;
  /** "ip:port" of the remote side, naming a server-side connection (optional). */
  peer: string;
  /** "ip:port" to connect to. */
  to: string;
  data: string;
}

/** Each names `sockets.err.<kind>` in i18n. */
export type SocketError = 'port' | 'to' | 'peer' | 'data';

const ENDPOINT = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}:([1-9]\d{0,4})$/;

function validEndpoint(s: string): boolean {
  const m = ENDPOINT.exec(s.trim());
  return m !== null && Number(m[4]) <= 65535;
}

export function socketCall(host: string, call: SocketCall, form: SocketForm): { step: StepCall | null; error: SocketError | null } {
  const port = Number(form.port.trim());
  if (!/^\d+$/.test(form.port.trim()) || port < 1 || port > 65535) return { step: null, error: 'port' };
  const peer = form.peer.trim();
  if (peer !== '' && !validEndpoint(peer)) return { step: null, error: 'peer' };
  const step: StepCall = { host, call, port };
  if (call === 'listen') return { step: { ...step, backlog: 128 }, error: null };
  if (call === 'connect') {
    if (!validEndpoint(form.to)) return { step: null, error: 'to' };
    return { step: { ...step, to: form.to.trim() }, error: null };
  }
  if (peer !== '') step.peer = peer;
  if (call === 'send') {
    if (form.data === '') return { step: null, error: 'data' };
    step.data = form.data;
  }
  return { step, error: null };
}

/** The longest downtime the crash control accepts (the engine's limit, net/crash.ts MAX_DOWN_MS: 24 h). */
export const MAX_DOWN_MS = 86_400_000;

/**
 * The step of the "Crash host" control: the host crashes at the cursor and is up again `downMs` later, or
 * stays down when the field is empty. Error 'downMs' (`sockets.err.downMs`): not a whole number of ms in range.
 */
export function crashCall(host: string, downMs: string): { step: StepCall | null; error: 'downMs' | null } {
  const text = downMs.trim();
  if (text === '') return { step: { host, call: 'crash' }, error: null };
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > MAX_DOWN_MS) return { step: null, error: 'downMs' };
  return { step: { host, call: 'crash', downMs: n }, error: null };
}
