// The Settings form's editable copy (strings, as typed) and the settings.apply arguments it amounts to:
// only hosts whose knobs or variants differ from what the session runs with are sent.
import type { SessionSettings, SettingsApplyArgs as SettingsApply } from '../../src-main/contract/settings.js';

export interface HostDraft {
  name: string;
  /** Knob name → typed value; '' means the profile default. */
  sysctl: Record<string, string>;
  twoWayHandshake: boolean;
  acceptDataOnThirdAck: boolean;
  /** '' means the profile's TIME-WAIT. */
  timeWaitMs: string;
}

export interface SettingsDraft {
  profile: SessionSettings['profile'];
  hosts: HostDraft[];
}

export function settingsDraft(s: SessionSettings): SettingsDraft {
  return {
    profile: s.profile,
    hosts: s.hosts.map((h) => ({
      name: h.name,
      sysctl: Object.fromEntries(Object.entries(h.sysctl).map(([k, v]) => [k, String(v)])),
      twoWayHandshake: h.variants.twoWayHandshake ?? false,
      acceptDataOnThirdAck: h.variants.acceptDataOnThirdAck ?? false,
      timeWaitMs: h.variants.timeWaitMs === undefined ? '' : String(h.variants.timeWaitMs),
    })),
  };
}

type HostApply = NonNullable<SettingsApply['hosts']>[string];

function hostApply(d: HostDraft): HostApply {
  const sysctl: Record<string, number> = {};
  for (const [k, v] of Object.entries(d.sysctl).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (v.trim() !== '' && Number.isFinite(Number(v))) sysctl[k] = Number(v);
  }
  const variants: NonNullable<HostApply['variants']> = {};
  if (d.twoWayHandshake) variants.twoWayHandshake = true;
  if (d.acceptDataOnThirdAck) variants.acceptDataOnThirdAck = true;
  if (d.timeWaitMs.trim() !== '' && Number.isFinite(Number(d.timeWaitMs))) variants.timeWaitMs = Number(d.timeWaitMs);
  return { sysctl, variants };
}

/** The settings.apply arguments: the profile if changed, and every host whose overrides changed. */
export function settingsChanges(before: SessionSettings, draft: SettingsDraft): SettingsApply {
  const out: SettingsApply = {};
  if (draft.profile !== before.profile) out.profile = draft.profile;
  const original = settingsDraft(before);
  const hosts: NonNullable<SettingsApply['hosts']> = {};
  for (const d of draft.hosts) {
    const next = hostApply(d);
    const was = original.hosts.find((h) => h.name === d.name);
    if (!was || JSON.stringify(hostApply(was)) !== JSON.stringify(next)) hosts[d.name] = next;
  }
  if (Object.keys(hosts).length > 0) out.hosts = hosts;
  return out;
}
