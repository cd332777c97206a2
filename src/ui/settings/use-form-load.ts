import { useCallback, useEffect } from 'react';
import { describeError } from '@/ui/describe-error';

/** The three load actions every settings form's reducer takes. */
export type FormLoadAction<V> = { type: 'load-started' } | { type: 'loaded'; view: V } | { type: 'load-failed'; message: string };

/**
 * Loads a form's values when it mounts (aborted when it unmounts) and returns `load` for "Try
 * again": one place for the load-started / loaded / load-failed sequence the settings forms share.
 */
export function useFormLoad<V>(fetchView: (signal?: AbortSignal) => Promise<V>, dispatch: (action: FormLoadAction<V>) => void): (signal?: AbortSignal) => void {
  const load = useCallback(
    (signal?: AbortSignal) => {
      dispatch({ type: 'load-started' });
      fetchView(signal).then(
        (view) => !signal?.aborted && dispatch({ type: 'loaded', view }),
        (error: unknown) => !signal?.aborted && dispatch({ type: 'load-failed', message: describeError(error) }),
      );
    },
    [fetchView, dispatch],
  );
  useEffect(() => {
    const abort = new AbortController();
    load(abort.signal);
    return () => abort.abort();
  }, [load]);
  return load;
}
