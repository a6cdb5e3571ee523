// Calls for the settings commands of src-main/contract/settings.ts. Until commands.ts merges
// settingsCommandSchemas into commandSchemas, LabClient.call's name type does not list them, hence the cast.
import type { SessionInfo } from '../../src-main/contract/index.js';
import type { SessionSettings, SettingsApplyArgs as SettingsApply } from '../../src-main/contract/settings.js';
import type { LabClient } from './client.js';
type LooseCall = (cmd: string, args?: unknown) => Promise<unknown>;

export function getSettings(client: LabClient): Promise<SessionSettings> {
  return (client.call as unknown as LooseCall)('settings.get') as Promise<SessionSettings>;
}

export function applySettings(client: LabClient, args: SettingsApply): Promise<SessionInfo> {
  return (client.call as unknown as LooseCall)('settings.apply', args) as Promise<SessionInfo>;
}
