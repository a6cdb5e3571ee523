// What a command may touch besides files: its two output streams and a clock (the CLI may read one for
// progress lines; lab/ may not). Tests pass their own to run commands in-process.

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Text to stdout as it is (an output file written to `-`); without it, out() is used. */
  write?(text: string): void;
  /** Wall-clock milliseconds (any origin). */
  nowMs(): number;
}

export const processIo: CliIo = {
  out: (line) => void process.stdout.write(`${line}\n`),
  err: (line) => void process.stderr.write(`${line}\n`),
  write: (text) => void process.stdout.write(text),
  nowMs: () => performance.now(),
};

/** Thrown by a command to end with an exit code and a message on stderr. */
export class CliExit extends Error {
  constructor(readonly code: 1 | 2, message: string) {
    super(message);
    this.name = 'CliExit';
  }
}
