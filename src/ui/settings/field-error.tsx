/** A field's error next to it, tied to its input (aria-invalid, aria-describedby). */

/** Props for the input: marked invalid and described by its error (and hint), when there is one. */
export function fieldErrorProps(errorId: string, error: string | undefined, hintId?: string) {
  const describedBy = [error ? errorId : null, hintId ?? null].filter((id): id is string => id !== null).join(' ');
  return { 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy === '' ? undefined : describedBy };
}

/** The error text under the input; the form's alert already announced the save failed. */
export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p id={id} className="inline-error">
      {error}
    </p>
  );
}
