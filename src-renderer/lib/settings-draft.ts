// The Settings form's editable copy (strings, as typed), what is wrong with it (checked as typed, with the
// knobs' own ranges, so nothing invalid reaches the host), and the settings.apply arguments it amounts to:
// only hosts whose knobs or variants differ from what the session runs with are sent.
import type { KnobView } from '../../src-main/contract/index.js';
import { TIME_WAIT_MAX_MS, type SessionSettings, type SettingsApplyArgs as SettingsApply } from '../../src-main/contract/settings.js';

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

/** The draft field of the TIME-WAIT variant, named like a knob in SettingsProblem.field. */
export const TIME_WAIT_FIELD = 'timeWaitMs';

/**
 * One field the host would refuse. `range`: not a whole number from min to max (also text such as "abc",
 * which must not quietly mean "default"); `order`: a minimum above the maximum it bounds (KnobView.atMost).
 */
export type SettingsProblem =
  | { host: string; field: string; kind: 'range'; min: number; max: number }
  | { host: string; field: string; kind: 'order'; low: string; high: string; lowValue: number; highValue: number };

/** '' → undefined (the default); a whole number within [min, max] → it; anything else → null. */
function wholeIn(text: string | undefined, min: number, max: number): number | undefined | null {
  const s = (text ?? '').trim();
  if (s === '') return undefined;
  if (!/^-?\d+$/.test(s)) return null;
  const n = Number(s);
  return n >= min && n <= max ? n : null;
}

/** Every problem of the draft, host by host in the knobs' order; empty when it can be applied. */
export function settingsProblems(draft: SettingsDraft, knobs: readonly KnobView[]): SettingsProblem[] {
  const out: SettingsProblem[] = [];
  for (const h of draft.hosts) {
    if (wholeIn(h.timeWaitMs, 0, TIME_WAIT_MAX_MS) === null) {
      out.push({ host: h.name, field: TIME_WAIT_FIELD, kind: 'range', min: 0, max: TIME_WAIT_MAX_MS });
    }
    const value = new Map<string, number | undefined | null>(knobs.map((k) => [k.name, wholeIn(h.sysctl[k.name], k.min, k.max)]));
    for (const k of knobs) {
      if (value.get(k.name) === null) out.push({ host: h.name, field: k.name, kind: 'range', min: k.min, max: k.max });
    }
    for (const k of knobs) {
      const high = k.atMost === undefined ? undefined : knobs.find((x) => x.name === k.atMost);
      if (!high) continue;
      const lowSet = value.get(k.name);
      const highSet = value.get(high.name);
      if (lowSet === null || highSet === null || (lowSet === undefined && highSet === undefined)) continue;
      const lowValue = lowSet ?? k.defaults[draft.profile];
      const highValue = highSet ?? high.defaults[draft.profile];
      if (lowValue === undefined || highValue === undefined || lowValue <= highValue) continue;
      // Marked on the field the student set, like the host's error path.
      const field = lowSet === undefined ? high.name : k.name;
      out.push({ host: h.name, field, kind: 'order', low: k.name, high: high.name, lowValue, highValue });
    }
  }
  return out;
}

/**
 * A host error line about settings in the dialog's words: `$.hosts[0].sysctl["tcplab.mss"]: …` →
 * `A · tcplab.mss: …` (the host names `hosts`, in the session's order), and the TIME-WAIT variant likewise.
 */
export function settingsPathLabel(line: string, hosts: readonly string[]): string {
  return line.replace(/\$\.hosts(?:\[(\d+)\]|\.([A-Za-z_][\w-]*)|\["([^"]+)"\])(?:\.sysctl\["([^"]+)"\]|\.variants\.(\w+))?/g,
    (whole, index: string | undefined, dotted: string | undefined, quoted: string | undefined, knob: string | undefined, variant: string | undefined) => {
      const name = index !== undefined ? hosts[Number(index)] : (dotted ?? quoted);
      if (name === undefined) return whole;
      const field = knob ?? variant;
      return field === undefined ? name : `${name} · ${field}`;
    });
}
