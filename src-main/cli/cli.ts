// The `tcplab` command line (DESIGN.md "CLI"): dispatch, help, and the exit-code policy:
// 0 ok, 1 a failed run (the simulation threw, an output could not be written), 2 bad input (options,
// files, scenarios). Commands throw UsageError / CliExit; nothing below calls process.exit.
import { FileError } from '../lab/io/files.js';
import { UsageError } from './args.js';
import { CliExit, processIo, type CliIo } from './io.js';
import { cmdLessons, LESSONS_USAGE } from './lessons.js';
import { cmdReplay, cmdRun, REPLAY_USAGE, RUN_USAGE } from './run.js';
import { cmdValidate, VALIDATE_USAGE } from './validate.js';

export const USAGE = `usage: tcplab <command> [options]

commands:
  run <scenario.json | lesson-id>   run a scenario or a lesson; write the trace, pcapng, diagrams, report
  replay <session.json>             re-run a saved session exactly; same outputs as run
  validate <file>                   check a scenario or session file; print every error with its JSON path
  lessons [--json]                  list the lessons with their ids and titles
  help [command]                    show help

Run 'tcplab <command> --help' for a command's options.
Exit codes: 0 success, 1 a failed run, 2 bad input.`;

const COMMANDS: Record<string, { run: (argv: readonly string[], io: CliIo) => number; usage: string }> = {
  run: { run: cmdRun, usage: RUN_USAGE },
  replay: { run: cmdReplay, usage: REPLAY_USAGE },
  validate: { run: cmdValidate, usage: VALIDATE_USAGE },
  lessons: { run: cmdLessons, usage: LESSONS_USAGE },
};

function help(topic: string | undefined, io: CliIo): number {
  if (topic === undefined) { io.out(USAGE); return 0; }
  const cmd = Object.prototype.hasOwnProperty.call(COMMANDS, topic) ? COMMANDS[topic] : undefined;
  if (cmd === undefined) { io.err(`tcplab: no command "${topic}"\n\n${USAGE}`); return 2; }
  io.out(cmd.usage);
  return 0;
}

export function runCli(argv: readonly string[], io: CliIo = processIo): number {
  const [name, ...rest] = argv;
  if (name === undefined) { io.err(USAGE); return 2; }
  if (name === 'help' || name === '--help' || name === '-h') return help(rest[0], io);
  const cmd = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (cmd === undefined) { io.err(`tcplab: unknown command "${name}"\n\n${USAGE}`); return 2; }
  try {
    return cmd.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) { io.err(`tcplab ${name}: ${err.message}\nRun 'tcplab ${name} --help' for its options.`); return 2; }
    if (err instanceof CliExit) { io.err(`tcplab ${name}: ${err.message}`); return err.code; }
    if (err instanceof FileError) { io.err(`tcplab ${name}: ${err.message}`); return 1; }
    io.err(`tcplab ${name}: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return 1;
  }
}
