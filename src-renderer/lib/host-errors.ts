// Host errors as the user reads them: a translated headline chosen by the stable error `code`
// (contract/errors.ts), falling back to the host's English message, plus every JSON path it names.
import type { LabErrorInfo } from '../../src-main/contract/index.js';

/** Codes with a translated headline (`error.code.<code>` in i18n/panels.*.ts). */
export const KNOWN_ERROR_CODES = [
  'bad-message', 'bad-arguments', 'unknown-command', 'internal', 'no-session', 'invalid-scenario', 'invalid-session',
  'unknown-packet', 'already-delivered', 'already-dropped', 'not-interceptable', 'not-cached', 'invalid-edit',
  'invalid-command', 'unknown-host', 'unknown-rule', 'invalid-rule', 'invalid-spec', 'in-the-past', 'invalid-argument',
  'connection-does-not-exist', 'connection-exists', 'connection-closing', 'port-in-use', 'unknown-lesson',
  'unknown-branch', 'unknown-compare', 'invalid-file', 'invalid-settings', 'nothing-to-undo', 'nothing-to-redo', 'connection',
  'after-the-end', 'host-down', 'file-too-large', 'nothing-to-recover',
] as const;
export type KnownErrorCode = (typeof KNOWN_ERROR_CODES)[number];

export interface ShownError {
  code: string;
  /** Set when the code has a translated headline. */
  known: KnownErrorCode | null;
  /** The host's English message (shown when the code is unknown). */
  message: string;
  /** "$.hosts[1].ip: not a dotted-quad IPv4 address" lines, one per offending field. */
  paths: string[];
  /** Values the translated headline names besides untilMs and id (a refused file's name and size). */
  vars?: Record<string, string | number>;
}

/** Megabytes with one decimal, for a file's size in a message ("60.0"). */
function mb(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

/**
 * A file the window will not send: bigger than the host reads (its text would not even fit in one request).
 * Refused before it is read, so the open session is untouched.
 */
export function fileTooLarge(name: string, sizeBytes: number, maxBytes: number): ShownError {
  return {
    code: 'file-too-large', known: 'file-too-large', paths: [],
    message: `${name} is ${mb(sizeBytes)} MB; files of at most ${mb(maxBytes)} MB can be opened`,
    vars: { name, mb: mb(sizeBytes), maxMb: mb(maxBytes) },
  };
}

function isInfo(x: unknown): x is LabErrorInfo {
  return typeof x === 'object' && x !== null && typeof (x as LabErrorInfo).code === 'string' && typeof (x as LabErrorInfo).message === 'string';
}

/**
 * Splits a message into one line per offending field: host/zod-errors.ts joins issues with "; "
 * ("cmd: $.a: bad; $.b.c: worse"), session.openText's invalid-file puts one "path: message" per line.
 */
export function pathLines(message: string, path?: string): string[] {
  const lines = message
    .split(/;\s+|\r?\n/)
    .map((part) => {
      const at = part.indexOf('$');
      return at >= 0 ? part.slice(at).trim() : '';
    })
    .filter((s) => s.startsWith('$'));
  if (lines.length === 0 && path) lines.push(path.startsWith('$') ? path : `$.${path}`);
  return lines;
}

/** Accepts a HostError (has .info), a LabErrorInfo, an Error or anything thrown. */
export function toShownError(err: unknown): ShownError {
  const info: LabErrorInfo | null = isInfo(err) ? err : isInfo((err as { info?: unknown })?.info) ? (err as { info: LabErrorInfo }).info : null;
  if (!info) {
    const message = err instanceof Error ? err.message : String(err);
    return { code: 'connection', known: /lab host|closed|reach/i.test(message) ? 'connection' : null, message, paths: [] };
  }
  const known = (KNOWN_ERROR_CODES as readonly string[]).includes(info.code) ? (info.code as KnownErrorCode) : null;
  return { code: info.code, known, message: info.message, paths: pathLines(info.message, info.path) };
}

/**
 * The lines the banner lists under the headline: each says what is wrong with a field ("$.hosts[1].ip: not a
 * dotted-quad…", from a file or settings). A bare argument path ("$.id" of a command) means nothing to a student
 * once the headline is translated ("That packet has already been delivered."): it is listed only with an
 * untranslated error, to help report it.
 */
export function bannerLines(err: ShownError): string[] {
  return err.known ? err.paths.filter((p) => /^\$\S*: /.test(p)) : err.paths;
}

/** Codes of a socket call the stack refused (tcp/ TcpUserError): its message says which socket and why. */
const SOCKET_CALL_CODES: ReadonlySet<string> = new Set(['connection-closing', 'connection-does-not-exist', 'connection-exists', 'port-in-use', 'invalid-argument']);

/**
 * The stack's own sentence under a refused socket call's headline ("10.0.0.1:40000>10.0.0.2:80 is closing
 * (FIN-WAIT-1)"), which names the connection and its state where the headline cannot; null for other errors.
 * In English: the banner translates it with the trace-text table, as the trace's own lines.
 */
export function socketCallDetail(err: ShownError): string | null {
  return err.known !== null && err.paths.length === 0 && SOCKET_CALL_CODES.has(err.code) && err.message !== '' ? err.message : null;
}

/**
 * The values a translated headline may name: `{untilMs}` (the run's end) and `{id}`, the packet the host's
 * message is about. net/ words every packet refusal "packet #N …", so the first "#N" is that packet.
 */
export function headlineVars(err: ShownError, untilMs: number | undefined): Record<string, string | number> {
  return { ...err.vars, untilMs: untilMs ?? '?', id: /#(\d+)/.exec(err.message)?.[1] ?? '?' };
}
