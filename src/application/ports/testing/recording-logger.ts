import type { Logger } from '@/application/ports/logger.port';

export interface LoggedLine {
  readonly level: 'info' | 'warn' | 'error';
  readonly fields: object;
  readonly message: string;
}

/** Keeps log lines in memory, for tests that check what was logged (and what was not). */
export class RecordingLogger implements Logger {
  readonly lines: LoggedLine[] = [];

  info(fields: object, message: string): void {
    this.lines.push({ level: 'info', fields, message });
  }

  warn(fields: object, message: string): void {
    this.lines.push({ level: 'warn', fields, message });
  }

  error(fields: object, message: string): void {
    this.lines.push({ level: 'error', fields, message });
  }
}
