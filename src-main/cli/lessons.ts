// `tcplab lessons`: the lesson library, as a table or as JSON.
import { lessonSummaries } from '../lab/lesson-summaries.js';
import { optionHelp, parseArgs, type OptTable } from './args.js';
import type { CliIo } from './io.js';

export const LESSONS_OPTIONS: OptTable = {
  json: { kind: 'flag', help: 'print the list as JSON: [{ id, order, title: { en, zh-CN } }]' },
  help: { kind: 'flag', help: 'show this help' },
};

export const LESSONS_USAGE = `usage: tcplab lessons [--json]\n\nLists every lesson: its order, id, and English and Chinese titles.\n\n${optionHelp(LESSONS_OPTIONS)}`;

export function cmdLessons(argv: readonly string[], io: CliIo): number {
  const p = parseArgs(argv, LESSONS_OPTIONS, 0);
  if (p.opts.has('help')) { io.out(LESSONS_USAGE); return 0; }
  const list = lessonSummaries();
  if (p.opts.has('json')) { io.out(JSON.stringify(list, null, 2)); return 0; }
  for (const l of list) io.out(`${String(l.order).padStart(2)}  ${l.id.padEnd(28)} ${l.title.en} / ${l.title['zh-CN']}`);
  return 0;
}
