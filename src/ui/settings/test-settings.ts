import type { SettingsView } from './settings-types';

/** A settings answer as the server sends it, for tests. */
export function settingsView(overrides: Partial<SettingsView> = {}): SettingsView {
  return {
    settings: { defaultRegion: null, createCallbackForMissedCalls: false, companyPhoneNumber: null, ringTimeoutSeconds: 30 },
    updatedAt: null,
    canEdit: true,
    regions: ['EE', 'GB', 'US'],
    ringTimeoutRange: { min: 10, max: 120 },
    ...overrides,
  };
}
