import { isPortOpen } from '../../scripts/lib/prerequisites';

/** The Redis the multi-instance tests share (each test uses its own REDIS_PREFIX). */
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const START_REDIS = 'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no';
export const REDIS_UNREACHABLE = `Redis is not reachable at ${REDIS_URL}. Start it with: ${START_REDIS}`;

export function isRedisReachable(): Promise<boolean> {
  const { hostname, port } = new URL(REDIS_URL);
  return isPortOpen(hostname, Number(port || 6379));
}
