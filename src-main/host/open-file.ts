// session.openText: a scenario or a saved session, told apart by its "format". Every problem is listed
// with its JSON path in one LabError('invalid-file').
import { LabError } from '../contract/errors.js';
import { parseScenario, SUPPORTED_FORMATS, type ScenarioError } from '../lab/scenario.js';
import { makeError } from '../lab/scenario-errors.js';
import { parseJsonText } from '../lab/scenario-guard.js';
import { parseSession, SESSION_FORMATS } from '../lab/session-file.js';
import { newSession, type Session } from '../lab/session-model.js';

function invalid(errors: readonly ScenarioError[], fileName: string | undefined): LabError {
  const head = `${fileName ?? 'the file'} is not a valid tcplab scenario or session (${errors.length} problem${errors.length === 1 ? '' : 's'}):`;
  return new LabError('invalid-file', [head, ...errors.map((e) => `${e.path}: ${e.message}`)].join('\n'), errors[0]?.path);
}

/** Parses the text into a Session (not yet opened). Throws LabError('invalid-file'). */
export function sessionFromText(text: string, fileName?: string): Session {
  const json = parseJsonText(text);
  if (!json.ok) throw invalid(json.errors, fileName);
  const value = json.value;
  const format = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as { format?: unknown }).format : undefined;
  if (typeof format === 'string' && format.startsWith('tcplab.session/')) {
    const res = parseSession(value);
    if (!res.ok) throw invalid(res.errors, fileName);
    return res.session;
  }
  if (typeof format === 'string' && !format.startsWith('tcplab.scenario/')) {
    const supported = [...SUPPORTED_FORMATS, ...SESSION_FORMATS].map((f) => `"${f}"`).join(', ');
    throw invalid([makeError('$.format', 'unknown-format', { format: format.slice(0, 80), supported })], fileName);
  }
  const res = parseScenario(value);
  if (!res.ok) throw invalid(res.errors, fileName);
  const lesson = res.scenario.lesson;
  return newSession(value as Record<string, unknown>, res.scenario.seed, lesson === undefined ? null : { id: lesson.id, compare: null });
}
