import type { ApiClient } from '@/ui/api-client';
import { parseSettingsView, type SettingsChange, type SettingsView } from './settings-types';

export interface SettingsApi {
  load(signal?: AbortSignal): Promise<SettingsView>;
  save(values: SettingsChange): Promise<SettingsView>;
}

export function createSettingsApi(api: ApiClient): SettingsApi {
  return {
    load: (signal) => api.get('/api/settings', parseSettingsView, signal),
    save: (values) => api.put('/api/settings', values, parseSettingsView),
  };
}
