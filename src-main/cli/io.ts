// What a command may touch besides files: its two output streams and a clock (the CLI may read one for
// progress lines; lab/ may not), and the environment (the locale picks the language, lang.ts). Tests pass
// their own to run commands in-process.
import type { Lang } from '../contract/commands.js';
import type { Env } from './lang.js';
import { labelled, msg, type Msg } from './messages.js';
import { nodeErrorZh } from './os-errors.js';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Text to stdout as it is (an output file written to `-`); without it, out() is used. */
  write?(text: string): void;
  /** Wall-clock milliseconds (any origin). */
  nowMs(): number;
  /** Environment variables (LC_ALL, LC_MESSAGES, LANG); none means English unless --lang says otherwise. */
  env?: Env;
}

export const processIo: CliIo = {
  out: (line) => void process.stdout.write(`${line}\n`),
  err: (line) => void process.stderr.write(`${line}\n`),
  write: (text) => void process.stdout.write(text),
  nowMs: () => performance.now(),
  env: process.env,
};

/** Thrown by a command to end with an exit code and a message on stderr. */
export class CliExit extends Error {
  constructor(readonly code: 1 | 2, readonly text: Msg) {
    super(text.en);
    this.name = 'CliExit';
  }
}

/** "cannot write to stdout: …" for a stream error: Node's own words in English, the code's in Chinese. */
export function stdoutErrorText(err: NodeJS.ErrnoException, lang: Lang): string {
  return msg('cannotWriteStdout', lang === 'en' ? err.message : nodeErrorZh(err))[lang];
}

/**
 * `tcplab run x | head -1`: once the reader has gone, writing to the pipe fails with EPIPE, which Node
 * reports as an unhandled 'error' event (a stack trace). The reader wanted no more, so the CLI ends quietly
 * with the exit code it already has. Other stream errors (a full disk: `> /dev/full`) end it with exit 1 and
 * one line, in the CLI's language (`lang`: --lang, else the locale).
 */
export function quietOnClosedPipe(lang: Lang): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE' && stream === process.stdout) process.stderr.write(`${labelled('tcplab', stdoutErrorText(err, lang), lang)}\n`);
      process.exit(err.code === 'EPIPE' ? (typeof process.exitCode === 'number' ? process.exitCode : 0) : 1);
    });
  }
}
