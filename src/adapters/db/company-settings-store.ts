import { eq } from 'drizzle-orm';
import type { CallSettings, CompanySettings } from '@/application/ports/company-settings.port';
import { toRegionCode, type RegionCode } from '@/domain/phone';
import { telephonyProviderNameSchema, type TelephonyProviderName } from '@/adapters/telephony/provider-names';
import type { Database, Tables } from './database';

/** What an admin edits; null means "none" (no default region, no company number). */
export interface CompanySettingsValues {
  readonly defaultRegion: RegionCode | null;
  readonly createCallbackForMissedCalls: boolean;
  /** E.164. */
  readonly companyPhoneNumber: string | null;
  readonly ringTimeoutSeconds: number;
  readonly telephonyProvider: TelephonyProviderName;
  /** The SIP server's WebSocket and domain for companies using `sip` (null: not configured). */
  readonly sipWebSocketUrl: string | null;
  readonly sipDomain: string | null;
  /** Windows record SIP calls and the recordings are attached to the call logs. */
  readonly recordCalls: boolean;
}

/** What a company gets before it chooses (TELEPHONY_PROVIDER, SIP_WEBSOCKET_URL, SIP_DOMAIN). */
export interface TelephonyDefaults {
  readonly provider: TelephonyProviderName;
  readonly sipWebSocketUrl: string | null;
  readonly sipDomain: string | null;
}

/** The values in force for a company, and who saved them (null while the defaults apply). */
export interface CompanySettingsRecord {
  readonly values: CompanySettingsValues;
  readonly updatedAt: number | null;
  readonly updatedByUserId: number | null;
}

export interface DrizzleCompanySettingsOptions {
  /** What a company that never saved settings gets (configuration); also the grace period of all. */
  readonly defaults: CallSettings;
  readonly telephony: TelephonyDefaults;
  /** How long a read is reused in this process; other instances see a save after at most this. */
  readonly cacheTtlMs?: number;
  readonly now?: () => number;
}

type Row = Tables['companySettings']['$inferSelect'];

interface CacheEntry {
  readonly row: Promise<Row | undefined>;
  readonly expiresAt: number;
}

const DEFAULT_CACHE_TTL_MS = 5_000;
const MAX_CACHED_COMPANIES = 1_000;

/**
 * Per-company call settings in the app database, over the configured defaults. Every call use
 * case reads them, so reads are cached briefly; a save through this instance drops its entry.
 */
export class DrizzleCompanySettings implements CompanySettings {
  private readonly cache = new Map<number, CacheEntry>();
  private readonly cacheTtlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly database: Database,
    private readonly options: DrizzleCompanySettingsOptions,
  ) {
    this.cacheTtlMs = options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS;
    this.now = options.now ?? Date.now;
  }

  async get(companyId: number): Promise<CallSettings> {
    const { values } = await this.read(companyId);
    const { defaults } = this.options;
    return {
      createCallbackForMissedCalls: values.createCallbackForMissedCalls,
      ringTimeoutMs: values.ringTimeoutSeconds * 1000,
      wrapUpGracePeriodMs: defaults.wrapUpGracePeriodMs,
      recordCalls: values.recordCalls,
      ...(values.defaultRegion === null ? {} : { defaultRegion: values.defaultRegion }),
      ...(values.companyPhoneNumber === null ? {} : { companyPhoneNumber: values.companyPhoneNumber }),
    };
  }

  /** The company's settings as the admin page shows them. */
  async read(companyId: number): Promise<CompanySettingsRecord> {
    const row = await this.cachedRow(companyId);
    if (row === undefined) return { values: this.defaultValues(), updatedAt: null, updatedByUserId: null };
    return {
      values: {
        defaultRegion: row.defaultRegion === null ? null : (toRegionCode(row.defaultRegion) ?? null),
        createCallbackForMissedCalls: row.createCallbackForMissedCalls,
        companyPhoneNumber: row.companyPhoneNumber,
        ringTimeoutSeconds: row.ringTimeoutSeconds,
        recordCalls: row.recordCalls,
        ...this.telephonyValues(row),
      },
      updatedAt: Number(row.updatedAt),
      updatedByUserId: row.updatedByUserId,
    };
  }

  /** Replaces every setting of the company. Values are expected validated (the route does it). */
  async save(companyId: number, values: CompanySettingsValues, by: { userId: number; at: number }): Promise<CompanySettingsRecord> {
    const { companySettings } = this.database.tables;
    const columns = {
      defaultRegion: values.defaultRegion,
      createCallbackForMissedCalls: values.createCallbackForMissedCalls,
      companyPhoneNumber: values.companyPhoneNumber,
      ringTimeoutSeconds: values.ringTimeoutSeconds,
      recordCalls: values.recordCalls,
      ...this.telephonyColumns(values),
      updatedAt: by.at,
      updatedByUserId: by.userId,
    };
    this.cache.delete(companyId);
    try {
      await this.database.db
        .insert(companySettings)
        .values({ companyId, ...columns })
        .onConflictDoUpdate({ target: companySettings.companyId, set: columns });
    } finally {
      // A read that started during the write may have cached the old row.
      this.cache.delete(companyId);
    }
    return this.read(companyId);
  }

  /**
   * At install, a company that never saved settings takes its country from Pipedrive as the default
   * region, so numbers stored without a country code dial as the team expects. Saved settings win.
   */
  async adoptCompanyRegion(companyId: number, region: RegionCode, by: { userId: number; at: number }): Promise<void> {
    const { companySettings } = this.database.tables;
    const defaults = this.defaultValues();
    this.cache.delete(companyId);
    try {
      await this.database.db
        .insert(companySettings)
        .values({
          companyId,
          defaultRegion: region,
          createCallbackForMissedCalls: defaults.createCallbackForMissedCalls,
          companyPhoneNumber: defaults.companyPhoneNumber,
          ringTimeoutSeconds: defaults.ringTimeoutSeconds,
          updatedAt: by.at,
          updatedByUserId: by.userId,
        })
        .onConflictDoNothing({ target: companySettings.companyId });
    } finally {
      this.cache.delete(companyId);
    }
  }

  private defaultValues(): CompanySettingsValues {
    const { defaults } = this.options;
    return {
      defaultRegion: defaults.defaultRegion ?? null,
      createCallbackForMissedCalls: defaults.createCallbackForMissedCalls,
      companyPhoneNumber: defaults.companyPhoneNumber ?? null,
      ringTimeoutSeconds: Math.round(defaults.ringTimeoutMs / 1000),
      recordCalls: defaults.recordCalls,
      ...this.telephonyValues(undefined),
    };
  }

  /** Null columns mean "the configured default", so a changed default reaches companies that never chose. */
  private telephonyValues(row: Pick<Row, 'telephonyProvider' | 'sipWebSocketUrl' | 'sipDomain'> | undefined) {
    const { telephony } = this.options;
    const provider = telephonyProviderNameSchema.safeParse(row?.telephonyProvider);
    return {
      telephonyProvider: provider.success ? provider.data : telephony.provider,
      sipWebSocketUrl: row?.sipWebSocketUrl ?? telephony.sipWebSocketUrl,
      sipDomain: row?.sipDomain ?? telephony.sipDomain,
    };
  }

  /** A value equal to the default is stored as null (see `telephonyValues`). */
  private telephonyColumns(values: CompanySettingsValues) {
    const { telephony } = this.options;
    return {
      telephonyProvider: values.telephonyProvider === telephony.provider ? null : values.telephonyProvider,
      sipWebSocketUrl: values.sipWebSocketUrl === telephony.sipWebSocketUrl ? null : values.sipWebSocketUrl,
      sipDomain: values.sipDomain === telephony.sipDomain ? null : values.sipDomain,
    };
  }

  private cachedRow(companyId: number): Promise<Row | undefined> {
    const now = this.now();
    const cached = this.cache.get(companyId);
    if (cached !== undefined && cached.expiresAt > now) return cached.row;
    if (this.cache.size >= MAX_CACHED_COMPANIES) this.dropExpired(now);
    const row = this.selectRow(companyId);
    const entry = { row, expiresAt: now + this.cacheTtlMs };
    this.cache.set(companyId, entry);
    // A failed read is not remembered.
    row.catch(() => {
      if (this.cache.get(companyId) === entry) this.cache.delete(companyId);
    });
    return row;
  }

  private async selectRow(companyId: number): Promise<Row | undefined> {
    const { companySettings } = this.database.tables;
    const [row] = await this.database.db.select().from(companySettings).where(eq(companySettings.companyId, companyId)).limit(1);
    return row;
  }

  private dropExpired(now: number): void {
    for (const [companyId, entry] of this.cache) if (entry.expiresAt <= now) this.cache.delete(companyId);
    if (this.cache.size >= MAX_CACHED_COMPANIES) this.cache.clear();
  }
}
