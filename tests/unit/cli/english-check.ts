// A checker for "this zh-CN text has no English sentence left in it". Technical tokens are allowed (flags,
// numbers, paths, file names, JSON paths and keys, sysctl names, RFC state names, TCP flags and field
// names, host and connection names, calls, quoted values, code); after they are taken out, two English
// words in a row (a word has a lower-case letter: SYN, ACK, RTO are tokens) mean an untranslated phrase.

/** Tokens that are English-looking but technical or names, and stay untranslated in zh-CN on purpose. */
const ALLOWED_PHRASES: readonly RegExp[] = [
  /`[^`]*`/g, // code spans
  /"[^"\n]*"|“[^”\n]*”|'[^'\n]*'/g, // quoted values (user data, names, JSON strings)
  /\[?\{(?:[^{}\n]|\{[^{}\n]*\})*\}\]?/g, // JSON objects, one level nested (an edit's fields, a JSON shape)
  /\btcplab (?:run|replay|validate|lessons|help)\b/g, // command lines
  /\btcplab\.(?:scenario|session)\/\d+\b/g, // format names
  /--[a-z][a-z-]*(?:=\S*)?/g, // options
  /\$[\w.[\]"-]*/g, // JSON paths
  /\b[a-z][\w-]*(?:\.[\w-]+)+\b/g, // sysctl names, file names, event kinds (segment.send), dotted keys
  /(?:[\w.-]*\/[\w./-]*)/g, // paths
  /\brule \S+ \(\w+\)/g, // rule actors as the trace writes them inside a quoted value
  /\bRFC \d+(?: \d+(?:\.\d+)*)?/g,
  /\bTCP Fast Open\b/g, /\bLinux\b/g, /\bWireshark\b/g, /\bExcel\b/g, /\bJSON Lines\b/g,
];

/** Words that stand alone as tokens in Chinese text: units, calls, options' values, profiles, ids. */
const ALLOWED_WORDS: ReadonlySet<string> = new Set([
  'ms', 's', 'en', 'zh-CN', 'rfc', 'linux', 'classic', 'main', 'tcplab', 'pcapng', 'jsonl', 'csv', 'svg', 'png', 'html', 'session', 'json',
  'listen', 'connect', 'send', 'close', 'shutdown', 'abort', 'accept', 'autoaccept', 'read', 'autoread', 'untilMs', 'ratePerSec', 'count',
  'cwnd', 'ssthresh', 'backlog', 'seq', 'ack', 'len', 'win', 'id', 'ids', 'stdout', 'stdin', 'jq', 'kind', 'null', 'true', 'false',
]);

const WORD = /^[A-Za-z]*[a-z][A-Za-z]*$/;
const TRIM = /^[\s,;:.!?()[\]<>«»|*#=+、，。；：！？（）【】《》]+|[\s,;:.!?()[\]<>«»|*#=+、，。；：！？（）【】《》]+$/g;

/** Runs of ≥2 consecutive English words left in `line` after the allowed tokens are taken out. */
export function englishRuns(line: string, extraAllowed: readonly string[] = []): string[] {
  let text = line;
  for (const phrase of extraAllowed) if (phrase !== '') text = text.split(phrase).join(' ');
  for (const re of ALLOWED_PHRASES) text = text.replace(re, ' ');
  const runs: string[] = [];
  let run: string[] = [];
  const flush = () => { if (run.length >= 2) runs.push(run.join(' ')); run = []; };
  // Full-width punctuation and CJK characters end a run just as spaces separate words.
  for (const raw of text.split(/[\s，。；：！？、（）【】《》]+|(?=[\u3400-\u9fff])|(?<=[\u3400-\u9fff])/)) {
    const tok = raw.replace(TRIM, '');
    if (tok === '' || /[\u3400-\u9fff]/.test(tok)) { flush(); continue; }
    if (WORD.test(tok) && tok.length >= 2 && !ALLOWED_WORDS.has(tok)) run.push(tok);
    else flush();
  }
  flush();
  return runs;
}

/** The visible text of an HTML report, one line per block, without what is English on purpose. */
export function htmlText(html: string): string[] {
  const visible = html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    // The lesson text in the other language follows the chosen one on purpose (bothLanguages).
    .replace(/<section lang="en">[\s\S]*?<\/section>/g, '')
    .replace(/<\/(?:p|li|h\d|td|th|dt|dd|text|title|tr|section)>/g, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  return visible.split('\n').map((l) => l.trim()).filter((l) => l !== '');
}
