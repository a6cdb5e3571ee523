// What the host needs from the outside world, injected so tests and both adapters share one host.
import type { LessonSummary } from '../contract/index.js';
import type { LabSessionOptions } from '../lab/session-lab.js';
import type { HostClock } from './clock.js';

export interface HostDeps {
  version: string;
  mode: 'electron' | 'browser';
  listLessons: () => LessonSummary[];
  /** Wall clock and timers for playback (tests inject a fake one). */
  clock?: HostClock;
  /** Folder for the autosave (crash recovery); none = no autosave (tests, the CLI). */
  dataDir?: string;
  /** Timeline tuning (snapshot spacing). */
  session?: LabSessionOptions;
}
