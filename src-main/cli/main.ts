// `tcplab` command line: headless access to the lab (see DESIGN.md, CLI). Exit codes: 0 ok, 1 failed run, 2 bad input.
import { lessonSummaries } from '../lab/lesson-summaries.js';

const USAGE = `usage: tcplab <command> [options]

commands:
  lessons              list the lessons with their ids and titles
  help [command]       show help

Run 'tcplab <command> --help' for a command's options.`;

function cmdLessons(args: string[]): number {
  if (args.includes('--help')) {
    console.log('usage: tcplab lessons [--json]\n\nLists every lesson: its order, id, and English and Chinese titles.');
    return 0;
  }
  const list = lessonSummaries();
  if (args.includes('--json')) {
    console.log(JSON.stringify(list, null, 2));
    return 0;
  }
  for (const l of list) console.log(`${String(l.order).padStart(2)}  ${l.id.padEnd(28)} ${l.title.en} / ${l.title['zh-CN']}`);
  return 0;
}

export function runCli(argv: string[]): number {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case 'lessons':
      return cmdLessons(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return cmd === undefined ? 2 : 0;
    default:
      console.error(`tcplab: unknown command "${cmd}"\n\n${USAGE}`);
      return 2;
  }
}

process.exitCode = runCli(process.argv.slice(2));
