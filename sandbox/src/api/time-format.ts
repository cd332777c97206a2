/** v1 responses write times as `YYYY-MM-DD HH:MM:SS` (UTC). */
export function v1Time(iso: string): string {
  return iso.replace('T', ' ').replace(/(\.\d{3})?Z$/, '');
}

export const V1_DATETIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;

/** Parses a validated v1 UTC time; NaN when the calendar date does not exist (e.g. 2024-02-30). */
export function parseV1Time(value: string): number {
  const ms = Date.parse(`${value.replace(' ', 'T')}Z`);
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value.slice(0, 10) ? Number.NaN : ms;
}
