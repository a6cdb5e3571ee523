// Settings commands the renderer's Settings panel needs and the session contract (session.ts) lacks:
// reading and changing the session's profile, per-host sysctl knobs and teaching variants.
import { z } from 'zod';
import type { SessionInfo } from './session.js';

const hostName = z.string().min(1).max(64);
const knobName = z.string().min(1).max(64);

/** The longest TIME-WAIT a teaching variant may set (one day). */
export const TIME_WAIT_MAX_MS = 86_400_000;

export const teachingVariantsSchema = z
  .object({
    twoWayHandshake: z.boolean().optional(),
    timeWaitMs: z.number().finite().min(0).max(TIME_WAIT_MAX_MS).optional(),
    acceptDataOnThirdAck: z.boolean().optional(),
  })
  .strict();
export type TeachingVariantsView = z.infer<typeof teachingVariantsSchema>;

export const hostSettingsSchema = z
  .object({
    /** Overrides by Linux sysctl name (range-checked by the engine against settings.knobs). */
    sysctl: z.record(knobName, z.number().finite()).optional(),
    variants: teachingVariantsSchema.optional(),
  })
  .strict();

export const settingsCommandSchemas = {
  /** The open session's profile and every host's overrides. */
  'settings.get': z.union([z.undefined(), z.null(), z.object({}).strict()]),
  /**
   * Re-runs the open session from t = 0 with a new profile and/or host overrides (same scenario, seed and
   * interventions of the current branch). Hosts not named keep their settings. Pushes a `session` event.
   */
  'settings.apply': z
    .object({
      profile: z.enum(['rfc', 'linux', 'classic']).optional(),
      hosts: z.record(hostName, hostSettingsSchema).optional(),
    })
    .strict(),
} as const;

export type SettingsApplyArgs = z.infer<(typeof settingsCommandSchemas)['settings.apply']>;

export interface HostSettingsView {
  name: string;
  sysctl: Record<string, number>;
  variants: TeachingVariantsView;
}

export interface SessionSettings {
  profile: 'rfc' | 'linux' | 'classic';
  hosts: HostSettingsView[];
}

export interface SettingsCommandResults {
  'settings.get': SessionSettings;
  'settings.apply': SessionInfo;
}
