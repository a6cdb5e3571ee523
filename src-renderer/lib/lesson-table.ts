// The lesson file's "what each side can be sure of" table (lab/lessons/02-*.json `lesson.table`), read
// defensively because the contract types it as unknown, and filled by how many handshake steps the
// cursor has passed (handshake-table.ts).
import type { Localized } from '../../src-main/contract/index.js';

export interface KnowledgeTable {
  caption: Localized;
  columns: Localized[];
  rows: Array<{ label: Localized; knownAtStep: number[] }>;
}

function isLocalized(x: unknown): x is Localized {
  return typeof x === 'object' && x !== null && typeof (x as Localized).en === 'string' && typeof (x as Localized)['zh-CN'] === 'string';
}

export function readKnowledgeTable(x: unknown): KnowledgeTable | null {
  if (typeof x !== 'object' || x === null) return null;
  const t = x as { caption?: unknown; columns?: unknown; rows?: unknown };
  if (!isLocalized(t.caption) || !Array.isArray(t.columns) || !t.columns.every(isLocalized) || !Array.isArray(t.rows)) return null;
  const rows: KnowledgeTable['rows'] = [];
  for (const r of t.rows as unknown[]) {
    const row = r as { label?: unknown; knownAtStep?: unknown };
    if (!isLocalized(row.label) || !Array.isArray(row.knownAtStep)) return null;
    if (row.knownAtStep.length !== t.columns.length || !row.knownAtStep.every((n) => Number.isInteger(n))) return null;
    rows.push({ label: row.label, knownAtStep: row.knownAtStep as number[] });
  }
  return { caption: t.caption, columns: t.columns as Localized[], rows };
}

/** Each cell: the step that proves it, or null while the cursor has not passed that step yet. */
export function fillTable(table: KnowledgeTable, stepsPassed: number): Array<Array<number | null>> {
  return table.rows.map((r) => r.knownAtStep.map((step) => (step <= stepsPassed ? step : null)));
}
