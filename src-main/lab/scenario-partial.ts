// The schema-valid parts of a scenario that failed the schema, for the reference checks (scenario-refs.ts):
// each list item is validated on its own and kept only if it passes, at its own index, so "unknown host"
// and "duplicate name" are reported in the same run as the schema errors, on the items that parsed.
import type { z } from 'zod';
import type { RefView } from './scenario-refs.js';
import { floodSchema, hostSchema, lessonSchema, ruleSchema, stepSchema } from './scenario-schema.js';
import { actionSchema } from './scenario-actions.js';
import { profileName } from './scenario-fields.js';

type Doc = Record<string, unknown>;

function field(doc: Doc, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(doc, key) ? doc[key] : undefined;
}

/** Each item of an array field that passes `schema`, undefined for the others; [] when it is no array. */
function validItems<T extends z.ZodType>(value: unknown, schema: T): Array<z.output<T> | undefined> {
  if (!Array.isArray(value)) return [];
  return value.map((item: unknown) => {
    const r = schema.safeParse(item);
    return r.success ? r.data : undefined;
  });
}

/** The names of the hosts (valid or not), or null when `hosts` is not a list of objects with names. */
function hostNames(value: unknown): string[] | null {
  if (!Array.isArray(value)) return null;
  const names = value.map((h: unknown) => (h !== null && typeof h === 'object' ? field(h as Doc, 'name') : undefined));
  return names.every((n) => typeof n === 'string') ? (names as string[]) : null;
}

export function partialView(doc: Doc): RefView {
  const profile = profileName().safeParse(field(doc, 'profile'));
  const lesson = lessonSchema.safeParse(field(doc, 'lesson'));
  return {
    profile: profile.success ? profile.data : 'linux',
    hostNames: hostNames(field(doc, 'hosts')),
    hosts: validItems(field(doc, 'hosts'), hostSchema),
    rules: validItems(field(doc, 'rules'), ruleSchema),
    steps: validItems(field(doc, 'steps'), stepSchema),
    floods: validItems(field(doc, 'floods'), floodSchema),
    actions: validItems(field(doc, 'actions'), actionSchema),
    lesson: lesson.success ? lesson.data : undefined,
  };
}
