// Why a run failed (exit 1), in both languages. The simulation throws plain English errors only from its
// guards against a run that never moves on (net/network.ts: too many events at one instant; lab/
// session-executor.ts: too many steps before a time); those are worded here. Anything else is a bug: its
// English is quoted after the Chinese words, so a zh-CN run never prints a bare English sentence.
import { msg, perLang, type Msg } from './messages.js';
import { uncodedErrorZh } from './os-errors.js';

function detailZh(detail: string): string {
  const atOnce = /^more than (\d+) events at ([\d.]+) ms: zero-delay loop\?$/.exec(detail);
  if (atOnce !== null) return `在 ${atOnce[2]!} 毫秒这一时刻发生了超过 ${atOnce[1]!} 个事件：可能是零延迟的循环`;
  const steps = /^more than (\d+) steps before ([\d.]+) ms$/.exec(detail);
  if (steps !== null) return `在 ${steps[2]!} 毫秒之前执行了超过 ${steps[1]!} 步，运行没有向前推进`;
  return uncodedErrorZh(detail);
}

export function runFailedText(err: unknown): Msg {
  const detail = err instanceof Error ? err.message : String(err);
  return perLang((lang) => msg('runFailed', lang === 'en' ? detail : detailZh(detail))[lang]);
}
