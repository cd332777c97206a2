import { DEFAULT_CALL_SETTINGS, type CallSettings, type CompanySettings } from '@/application/ports/company-settings.port';

/**
 * The same settings for every company, with per-company overrides: enough for single-instance
 * mode driven by configuration, and for tests. The app uses `DrizzleCompanySettings` (adapters/db).
 */
export class StaticCompanySettings implements CompanySettings {
  private readonly overrides = new Map<number, Partial<CallSettings>>();

  constructor(private readonly defaults: CallSettings = DEFAULT_CALL_SETTINGS) {}

  set(companyId: number, settings: Partial<CallSettings>): this {
    this.overrides.set(companyId, { ...this.overrides.get(companyId), ...settings });
    return this;
  }

  async get(companyId: number): Promise<CallSettings> {
    return { ...this.defaults, ...this.overrides.get(companyId) };
  }
}
