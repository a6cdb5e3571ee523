// `tcplab lessons`: the lesson library, as a table or as JSON. Both titles are listed in either language
// (the chosen language's first): a teacher looks lessons up by either.
import type { Lang } from '../contract/commands.js';
import { lessonSummaries } from '../lab/lesson-summaries.js';
import { optionHelp, parseArgs, type OptTable } from './args.js';
import type { CliIo } from './io.js';
import { text } from './messages.js';
import { LANG_OPTION, langOpt } from './outputs.js';

export const LESSONS_OPTIONS: OptTable = {
  json: { kind: 'flag', help: text('print the list as JSON: [{ id, order, title: { en, zh-CN } }]', '以 JSON 输出列表：[{ id, order, title: { en, zh-CN } }]') },
  lang: LANG_OPTION,
  help: { kind: 'flag', help: text('show this help', '显示本帮助') },
};

export function lessonsUsage(lang: Lang): string {
  const head = text('usage: tcplab lessons [--json]\n\nLists every lesson: its order, id, and English and Chinese titles.',
    '用法：tcplab lessons [--json]\n\n列出每一节课程：序号、id，以及中文和英文标题。')[lang];
  return `${head}\n\n${optionHelp(LESSONS_OPTIONS, lang)}`;
}

export function cmdLessons(argv: readonly string[], io: CliIo, lang: Lang): number {
  const p = parseArgs(argv, LESSONS_OPTIONS, 0);
  if (p.opts.has('help')) { io.out(lessonsUsage(lang)); return 0; }
  langOpt(p, lang);
  const list = lessonSummaries();
  if (p.opts.has('json')) { io.out(JSON.stringify(list, null, 2)); return 0; }
  const other: Lang = lang === 'en' ? 'zh-CN' : 'en';
  for (const l of list) io.out(`${String(l.order).padStart(2)}  ${l.id.padEnd(28)} ${l.title[lang]} / ${l.title[other]}`);
  return 0;
}
