import type { EpochMillis } from '@/domain/call';

export interface CallerChoice {
  readonly personId: number;
  readonly dealId?: number;
  readonly chosenAt: EpochMillis;
}

/**
 * Remembers which person (and deal) an agent last chose for a phone number, per company, so the
 * next call from that number preselects it when several persons share the number. Keyed by E.164.
 */
export interface CallerPreferences {
  get(companyId: number, phoneE164: string): Promise<CallerChoice | undefined>;
  /** Replaces any earlier choice for the number. */
  remember(companyId: number, phoneE164: string, choice: CallerChoice): Promise<void>;
}
