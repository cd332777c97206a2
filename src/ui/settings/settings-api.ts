import type { ApiClient } from '@/ui/api-client';
import { parseSettingsView, type CallSettingsValues, type SettingsView } from './settings-types';

export interface SettingsApi {
  load(signal?: AbortSignal): Promise<SettingsView>;
  save(values: CallSettingsValues): Promise<SettingsView>;
}

export function createSettingsApi(api: ApiClient): SettingsApi {
  return {
    load: (signal) => api.get('/api/settings', parseSettingsView, signal),
    save: (values) => api.put('/api/settings', values, parseSettingsView),
  };
}
