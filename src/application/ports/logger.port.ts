/**
 * The slice of a pino logger the application uses; a pino child logger satisfies it as is.
 * Never pass phone numbers (use `lastDigits`), notes, tokens or secrets in `fields`.
 */
export interface Logger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** "…0134": the only form of a phone number that may appear in logs. */
export function lastDigits(number: string): string {
  const digits = number.replace(/\D/g, '');
  return `…${digits.slice(-4)}`;
}
