// A Chinese lesson that quotes what the app prints must quote it as the Chinese app prints it: the ladder,
// inspector and state panels translate trace texts (contract/trace-text.zh-CN.ts), so a student told to
// look for “accept queue full: SYN dropped” found “全连接（accept）队列已满：丢弃 SYN” instead.
import { describe, expect, it } from 'vitest';
import { localizeTraceText } from '../../../src-main/contract/trace-text.js';
import { LESSONS } from '../../../src-main/lab/lessons/index.js';

/** Every “…” quotation in a text, with a trailing "…" (an abridged quotation) cut off. */
function quotes(text: string): string[] {
  return [...text.matchAll(/“([^”]+)”/g)].map((m) => m[1]!.replace(/\s*….*$/, '').trim());
}

/** True when the app shows `q` (or a trace text starting with it, for an abridged quotation) translated. */
function appTranslates(q: string): boolean {
  if (localizeTraceText(q, 'zh-CN') !== q) return true;
  // Patterns with a value at the end ("no route to spoofed address 198.18.0.1"): try one.
  return localizeTraceText(`${q} 198.18.0.1`, 'zh-CN') !== `${q} 198.18.0.1`;
}

describe('Chinese lessons quote the app in Chinese', () => {
  for (const l of LESSONS) {
    it(`${l.order} ${l.id}`, () => {
      const z = l.lesson.narrative['zh-CN'];
      const texts = [z.goal, z.question, z.answer, ...z.steps, ...z.notice];
      const english = texts.flatMap(quotes).filter((q) => /[a-z]{3,} [a-z]{2,}/.test(q) && appTranslates(q));
      expect(english).toEqual([]);
    });
  }
});
