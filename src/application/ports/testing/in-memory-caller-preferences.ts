import type { CallerChoice, CallerPreferences } from '@/application/ports/caller-preferences.port';

/** Usable in single-instance mode (choices are lost on restart); the DB adapter keeps them. */
export class InMemoryCallerPreferences implements CallerPreferences {
  private readonly choices = new Map<string, CallerChoice>();

  async get(companyId: number, phoneE164: string): Promise<CallerChoice | undefined> {
    return this.choices.get(`${companyId}:${phoneE164}`);
  }

  async remember(companyId: number, phoneE164: string, choice: CallerChoice): Promise<void> {
    this.choices.set(`${companyId}:${phoneE164}`, choice);
  }
}
