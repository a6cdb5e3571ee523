// Timed steps on a host that a timed crash step has taken down (net/crash.ts). The run would refuse them
// (a step.error at their time), so validation refuses the file instead, naming the step and the crash: a
// teacher sees at once that "B listen at 1000 ms" falls inside "B crash at 500 ms, downMs 3000". A host is
// down from its crash (steps at the same instant listed after the crash included) until crash + downMs, when
// it is up again (a step at exactly that time runs on the rebooted host). Reactive steps depend on the run
// and are not judged here.
import { jsonPath, makeError, type ScenarioError } from './scenario-errors.js';
import type { StepV1 } from './scenario-schema.js';

type Path = Array<string | number>;

interface Down {
  crashMs: number;
  /** -1: it stays down. */
  upAtMs: number;
  path: string;
}

export function checkDownHosts(steps: ReadonlyArray<StepV1 | undefined>, base: Path, out: ScenarioError[]): void {
  // In the order the run takes them: by time, then as written (net/steps.ts scheduleSpecSteps).
  const timed = steps.flatMap((st, i) => (st !== undefined && st.atMs !== undefined && st.on === undefined ? [{ st, i, atMs: st.atMs }] : []));
  timed.sort((a, b) => a.atMs - b.atMs || a.i - b.i);
  const down = new Map<string, Down>();
  for (const { st, i, atMs } of timed) {
    const d = down.get(st.host);
    if (d !== undefined && (d.upAtMs < 0 || atMs < d.upAtMs)) {
      out.push(makeError(jsonPath([...base, i]), 'host-down', {
        host: st.host, atMs, crashMs: d.crashMs, crash: d.path, upAtMs: d.upAtMs, call: st.call,
      }));
      continue;
    }
    if (st.call === 'crash') down.set(st.host, { crashMs: atMs, upAtMs: st.downMs === undefined ? -1 : atMs + st.downMs, path: jsonPath([...base, i]) });
  }
}
