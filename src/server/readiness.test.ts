import { describe, expect, it } from 'vitest';
import { checkReadiness } from './readiness';

const up = async () => undefined;
const down = async () => {
  throw new Error('ECONNREFUSED');
};
const never = () => new Promise<void>(() => undefined);

describe('checkReadiness', () => {
  it('is ready when the database and Redis answer', async () => {
    expect(await checkReadiness({ database: { ping: up }, realtime: { pingRedis: up }, isClosing: () => false })).toBeNull();
  });

  it('names what is missing: the database first, then Redis', async () => {
    expect(await checkReadiness({ database: { ping: down }, realtime: { pingRedis: down }, isClosing: () => false })).toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
    expect(await checkReadiness({ database: { ping: up }, realtime: { pingRedis: down }, isClosing: () => false })).toMatchObject({ code: 'REDIS_UNAVAILABLE' });
  });

  it('does not hang on a backend that never answers', async () => {
    expect(await checkReadiness({ database: { ping: up }, realtime: { pingRedis: never }, isClosing: () => false }, 20)).toMatchObject({ code: 'REDIS_UNAVAILABLE' });
  });

  it('turns traffic away once shutdown began', async () => {
    expect(await checkReadiness({ database: { ping: up }, realtime: { pingRedis: up }, isClosing: () => true })).toMatchObject({ code: 'SHUTTING_DOWN' });
  });
});
