// Calls for the settings commands of src-main/contract/settings.ts.
import type { SessionInfo, SessionSettings, SettingsApplyArgs } from '../../src-main/contract/index.js';
import type { LabClient } from './client.js';

export function getSettings(client: LabClient): Promise<SessionSettings> {
  return client.call('settings.get');
}

export function applySettings(client: LabClient, args: SettingsApplyArgs): Promise<SessionInfo> {
  return client.call('settings.apply', args);
}
