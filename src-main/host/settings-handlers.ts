// Settings commands (contract/settings.ts): read the open session's profile and host overrides, and re-run the
// session with new ones. A change is validated like a scenario file (unknown sysctl names and out-of-range
// values are refused with their JSON path) and replayed in full before it replaces the session.
import { LabError } from '../contract/errors.js';
import type { SessionSettings, SettingsApplyArgs, SettingsCommandResults } from '../contract/settings.js';
import type { CommandArgs } from '../contract/commands.js';
import { parseScenario } from '../lab/scenario.js';
import { prepare, type Session } from '../lab/session-model.js';
import type { SessionHost } from './session-host.js';

export type SettingsHandlers = { [K in keyof SettingsCommandResults]: (args: CommandArgs<K>) => SettingsCommandResults[K] };

type HostJson = { name: string; sysctl?: Record<string, number>; variants?: Record<string, unknown> };

/** The scenario as it actually runs (a lesson's compare-run applied), as plain JSON. */
function effectiveScenario(session: Session): Record<string, unknown> {
  return JSON.parse(JSON.stringify(prepare(session).scenario)) as Record<string, unknown>;
}

export function settingsOf(session: Session): SessionSettings {
  const s = effectiveScenario(session) as { profile: SessionSettings['profile']; hosts: HostJson[] };
  return {
    profile: s.profile,
    hosts: s.hosts.map((h) => ({ name: h.name, sysctl: { ...(h.sysctl ?? {}) }, variants: { ...(h.variants ?? {}) } })),
  };
}

/** The session with the settings applied; the compare-run is folded into the scenario, since it is now custom. */
export function withSettings(session: Session, args: SettingsApplyArgs): Session {
  const scenario = effectiveScenario(session) as { profile: string; hosts: HostJson[] };
  if (args.profile) scenario.profile = args.profile;
  for (const [name, change] of Object.entries(args.hosts ?? {})) {
    const host = scenario.hosts.find((h) => h.name === name);
    if (!host) throw new LabError('unknown-host', `no host named "${name}" in this session`, `$.hosts["${name}"]`);
    if (change.sysctl) host.sysctl = { ...(host.sysctl ?? {}), ...change.sysctl };
    if (change.variants) host.variants = { ...(host.variants ?? {}), ...change.variants };
  }
  const checked = parseScenario(scenario);
  if (!checked.ok) {
    const first = checked.errors[0];
    const all = checked.errors.map((e) => `${e.path}: ${e.message}`).join('; ');
    throw new LabError('invalid-settings', `these settings are not valid: ${all}`, first?.path);
  }
  return { ...session, scenario: scenario as Record<string, unknown>, lesson: session.lesson ? { id: session.lesson.id, compare: null } : null };
}

export function settingsHandlers(sh: SessionHost): SettingsHandlers {
  return {
    'settings.get': () => settingsOf(sh.open.session),
    'settings.apply': (args) => sh.replaceWith(withSettings(sh.open.session, args)),
  };
}
