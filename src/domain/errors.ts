/**
 * Shared error vocabulary of the domain.
 *
 * Expected outcomes (an illegal transition, an unparseable number, an unknown agent) are never
 * thrown: every module returns a discriminated union whose failure branch carries one of the
 * namespaced codes below. `DomainError` exists for the other case, a broken invariant, which is a
 * bug in the caller and should crash loudly rather than be handled.
 */

/** A failure value returned by a domain function; `code` is stable and safe to branch on. */
export interface DomainFailure<Code extends string> {
  readonly code: Code;
}

/** The success/failure union every domain operation returns. */
export type Result<Success extends object, Failure> =
  | ({ readonly ok: true } & Success)
  | { readonly ok: false; readonly error: Failure };

/**
 * Thrown only for programming errors (a broken invariant), never for an expected outcome. Its
 * message must not carry phone numbers, notes or tokens: it ends up in logs.
 */
export class DomainError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DomainError';
    this.code = code;
  }
}
