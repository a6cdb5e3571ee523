// Builds the one lab host that both adapters (browser mode and Electron) serve.
import pkg from '../../package.json' with { type: 'json' };
import { LabHost } from './lab-host.js';
import { lessonSummaries } from '../lab/lesson-summaries.js';

export function createLabHost(mode: 'electron' | 'browser', dataDir?: string): LabHost {
  return new LabHost({ version: pkg.version, mode, listLessons: lessonSummaries, ...(dataDir ? { dataDir } : {}) });
}
