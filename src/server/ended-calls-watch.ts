import type { CallStore, StoredCall, UnitOfWork } from '@/application/ports';

/** An ended call with no call log queued yet: work for the automatic-log sweep (logAbandonedCalls). */
function awaitsCallLog(stored: StoredCall): boolean {
  return stored.call.timestamps.endedAt !== undefined && !stored.isCallLogged;
}

/**
 * The call store and unit of work the call use cases get, reporting every write of an ended call
 * nobody logged yet. The sweep that logs missed calls (at once) and unwrapped calls (after the
 * grace period) then runs straight away instead of at its next period, up to 30 s later: a missed
 * call reaches Pipedrive within a second. Every way a call ends goes through these writes.
 */
export function watchEndedCalls(
  ports: { readonly calls: CallStore; readonly unitOfWork: UnitOfWork },
  onCallAwaitingLog: () => void,
): { readonly calls: CallStore; readonly unitOfWork: UnitOfWork } {
  const report = <T extends { readonly ok: boolean }>(result: T): T => {
    if (result.ok && 'stored' in result && awaitsCallLog(result.stored as StoredCall)) onCallAwaitingLog();
    return result;
  };
  const { calls, unitOfWork } = ports;
  const watchedCalls = new Proxy(calls, {
    get(target, property) {
      if (property === 'insert') return async (...args: Parameters<CallStore['insert']>) => report(await target.insert(...args));
      if (property === 'update') return async (...args: Parameters<CallStore['update']>) => report(await target.update(...args));
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return {
    calls: watchedCalls,
    unitOfWork: { commitCallChanges: async (changes) => report(await unitOfWork.commitCallChanges(changes)) },
  };
}
