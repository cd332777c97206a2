import { errorBody, type ErrorCode } from '@/contract/error-catalogue';

/** What `GET /api/ready` checks before a load balancer sends this instance traffic. */
export interface ReadinessProbes {
  database: { ping(): Promise<void> };
  /** Resolves at once when no Redis is configured. */
  realtime: { pingRedis(): Promise<void> };
  /** True once shutdown began: the instance drains and must get no new traffic. */
  isClosing(): boolean;
}

export interface ReadinessFailure {
  code: Extract<ErrorCode, 'SHUTTING_DOWN' | 'DATABASE_UNAVAILABLE' | 'REDIS_UNAVAILABLE'>;
  message: string;
  cause?: unknown;
}

export const READINESS_TIMEOUT_MS = 2_000;

/** Null when this instance may take traffic: not shutting down, database and (if configured) Redis answer in time. */
export async function checkReadiness(probes: ReadinessProbes, timeoutMs = READINESS_TIMEOUT_MS): Promise<ReadinessFailure | null> {
  if (probes.isClosing()) return errorBody('SHUTTING_DOWN') as ReadinessFailure;
  const probe = async (check: () => Promise<void>, failure: Omit<ReadinessFailure, 'cause'>): Promise<ReadinessFailure | null> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([check(), timeout]);
      return null;
    } catch (error) {
      return { ...failure, cause: error };
    } finally {
      clearTimeout(timer);
    }
  };
  const [database, redis] = await Promise.all([
    probe(() => probes.database.ping(), errorBody('DATABASE_UNAVAILABLE') as ReadinessFailure),
    probe(() => probes.realtime.pingRedis(), errorBody('REDIS_UNAVAILABLE') as ReadinessFailure),
  ]);
  return database ?? redis;
}
