import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Paths pino blanks out wherever they appear: credentials never reach the log. */
export const REDACTED_PATHS = [
  'authorization',
  'cookie',
  'password',
  'token',
  'accessToken',
  'refreshToken',
  'access_token',
  'refresh_token',
  'clientSecret',
  'client_secret',
  '*.authorization',
  '*.cookie',
  '*.password',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.access_token',
  '*.refresh_token',
  '*.clientSecret',
  '*.client_secret',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-pipedrive-token"]',
  'req.headers["x-signature"]',
  'req.headers["x-twilio-signature"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  'headers["x-pipedrive-token"]',
  'headers["x-signature"]',
  'headers["x-twilio-signature"]',
  // Socket.IO handshakes: the window's signed token and the Control Center's token.
  'auth.token',
  'handshake.auth.token',
  'handshake.headers.cookie',
];

export interface LoggerOptions {
  level: string;
  pretty: boolean;
  /** Where JSON lines go (stdout by default); ignored when pretty. */
  destination?: DestinationStream;
}

export function createLogger({ level, pretty, destination }: LoggerOptions): Logger {
  const options = { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  if (pretty) return pino({ ...options, transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss' } } });
  return destination ? pino(options, destination) : pino(options);
}

/** Phone numbers are personal data: logs keep only the last four digits. */
export function maskPhoneNumber(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length <= 4 ? '****' : `…${digits.slice(-4)}`;
}

/**
 * Readable lines for a person at a terminal; JSON lines for log collectors. `npm start` runs the
 * production build in sandbox mode, a local trial, so sandbox mode counts as "a person".
 */
export function wantsPrettyLogs(config: { isProduction: boolean; sandboxMode: boolean }, stdoutIsTerminal: boolean): boolean {
  return stdoutIsTerminal && (!config.isProduction || config.sandboxMode);
}
