export type TelephonyErrorKind = 'auth' | 'not_found' | 'rate_limited' | 'validation' | 'unavailable';

/** A provider refused or could not be reached; `retryable` says whether trying again may help. */
export class TelephonyError extends Error {
  readonly kind: TelephonyErrorKind;
  readonly status: number | undefined;
  readonly retryable: boolean;

  constructor(options: {
    kind: TelephonyErrorKind;
    message: string;
    status?: number;
    retryable: boolean;
    cause?: unknown;
  }) {
    super(options.message, { cause: options.cause });
    this.name = 'TelephonyError';
    this.kind = options.kind;
    this.status = options.status;
    this.retryable = options.retryable;
  }
}
