// What the host needs from the outside world, injected so tests and both adapters share one host.
import type { LessonSummary } from '../contract/index.js';

export interface HostDeps {
  version: string;
  mode: 'electron' | 'browser';
  listLessons: () => LessonSummary[];
}
