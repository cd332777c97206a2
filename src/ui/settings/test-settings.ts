import type { SettingsValues, SettingsView } from './settings-types';

type SettingsViewOverrides = Partial<Omit<SettingsView, 'settings'>> & { settings?: Partial<SettingsValues> };

/** A settings answer as the server sends it, for tests; `settings` overrides single values. */
export function settingsView({ settings, ...overrides }: SettingsViewOverrides = {}): SettingsView {
  return {
    settings: {
      defaultRegion: null,
      createCallbackForMissedCalls: false,
      companyPhoneNumber: null,
      ringTimeoutSeconds: 30,
      telephonyProvider: 'mock',
      sipWebSocketUrl: null,
      sipDomain: null,
      recordCalls: false,
      ...settings,
    },
    updatedAt: null,
    canEdit: true,
    regions: ['EE', 'GB', 'US'],
    ringTimeoutRange: { min: 10, max: 120 },
    telephonyProviders: ['mock', 'sip', 'twilio'],
    ...overrides,
  };
}
