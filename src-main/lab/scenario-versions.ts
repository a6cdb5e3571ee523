// Format versions. A file names its version in "format"; older versions are upgraded one step at a time
// until they reach the current one, which is then validated. To add tcplab.scenario/2: write its schema,
// make it CURRENT_FORMAT, and give "tcplab.scenario/1" an `upgrade` that returns the /2 document.
import { describeValue, makeError, type ScenarioError } from './scenario-errors.js';
import { FORMAT_V1 } from './scenario-schema.js';

type Doc = Record<string, unknown>;

interface FormatVersion {
  /** Converts a document of this version into the next version's shape; absent for the current version. */
  upgrade?: (doc: Doc) => Doc;
  next?: string;
}

export const CURRENT_FORMAT = FORMAT_V1;

const VERSIONS: ReadonlyMap<string, FormatVersion> = new Map([[FORMAT_V1, {}]]);

export const SUPPORTED_FORMATS: readonly string[] = [...VERSIONS.keys()];

export type Upgraded = { ok: true; doc: Doc; from: string } | { ok: false; errors: ScenarioError[] };

/** Brings a document up to CURRENT_FORMAT (bounded: at most one step per known version). */
export function upgradeToCurrent(doc: Doc): Upgraded {
  const supported = SUPPORTED_FORMATS.map((f) => `"${f}"`).join(', ');
  if (!Object.prototype.hasOwnProperty.call(doc, 'format')) {
    return { ok: false, errors: [makeError('$.format', 'missing-format', { supported })] };
  }
  const from = doc.format;
  if (typeof from !== 'string' || !VERSIONS.has(from)) {
    return { ok: false, errors: [makeError('$.format', 'unknown-format', { format: typeof from === 'string' ? from.slice(0, 80) : describeValue(from), supported })] };
  }
  let format: string = from;
  let current = doc;
  for (let i = 0; i < VERSIONS.size && format !== CURRENT_FORMAT; i++) {
    const version = VERSIONS.get(format);
    if (!version?.upgrade || !version.next) break;
    current = version.upgrade(current);
    format = version.next;
  }
  return { ok: true, doc: current, from };
}
