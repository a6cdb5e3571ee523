// A failed restore as the recovery dialog shows it, in the UI language: the host's English message is never
// shown as is. Each "path: reason" line the host names keeps its JSON path and gets its reason translated
// (contract/trace-text.ts, as the trace's own lines); without such lines the error's code picks a translated
// headline (host-errors.ts), and only an error nothing knows falls back to the host's words.
import type { Lang } from '../../src-main/contract/index.js';
import { localizeTraceText } from '../../src-main/contract/trace-text.js';
import { headlineVars, toShownError, type KnownErrorCode } from './host-errors.js';

export interface RestoreFailure {
  /** One "path: reason" line per refused field, reasons in `lang`. */
  lines: string[];
  /** Set when there are no lines and the code has a translated headline. */
  known: KnownErrorCode | null;
  vars: Record<string, string | number>;
  /** The host's message in `lang` where the table knows it (used when neither of the above applies). */
  message: string;
}

/** "$.branches[0].actions[0].id: no packet #999 (…)" → its path, and the reason in the UI language. */
function localizedLine(line: string, lang: Lang): string {
  const m = /^(\$\S*): (.*)$/s.exec(line);
  if (!m) return line;
  return `${m[1]}${lang === 'zh-CN' ? '：' : ': '}${localizeTraceText(m[2] as string, lang)}`;
}

export function restoreFailure(err: unknown, lang: Lang): RestoreFailure {
  const shown = toShownError(err);
  const lines = shown.paths.filter((p) => /^\$\S*: /.test(p)).map((p) => localizedLine(p, lang));
  return {
    lines,
    known: lines.length === 0 ? shown.known : null,
    vars: headlineVars(shown, undefined),
    message: localizeTraceText(shown.message, lang),
  };
}
