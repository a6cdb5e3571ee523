// The language of everything the CLI prints and writes (messages, help, summaries, SVG/PNG/HTML words):
// `--lang en|zh-CN` on any command, else the locale (LC_ALL, then LC_MESSAGES, then LANG, as POSIX orders
// them: a value starting with "zh" means zh-CN), else English. It is read before the options are parsed, so
// even a bad option is reported in that language; a --lang value that is not en or zh-CN is ignored here
// and refused by the command (in the locale's language).
import type { Lang } from '../contract/commands.js';

export type Env = Readonly<Record<string, string | undefined>>;

export function isLang(v: unknown): v is Lang {
  return v === 'en' || v === 'zh-CN';
}

/** The --lang value given in argv (before a "--"), if any. */
function langArg(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--lang') return argv[i + 1];
    if (a.startsWith('--lang=')) return a.slice('--lang='.length);
  }
  return undefined;
}

export function localeLang(env: Env): Lang {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return locale !== undefined && /^zh/i.test(locale) ? 'zh-CN' : 'en';
}

export function cliLang(argv: readonly string[], env: Env): Lang {
  const given = langArg(argv);
  return isLang(given) ? given : localeLang(env);
}
