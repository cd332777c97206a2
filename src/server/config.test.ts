import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';

const dataDir = () => mkdtempSync(join(tmpdir(), 'caller-config-'));
const base = { CLIENT_ID: 'id', CLIENT_SECRET: 'secret' };

describe('parseConfig', () => {
  it('applies the documented defaults', () => {
    const dir = dataDir();
    const config = parseConfig({ ...base }, { dataDir: dir });
    expect(config).toMatchObject({
      port: 3000,
      appUrl: 'http://localhost:3000',
      appOrigin: 'http://localhost:3000',
      redirectUrl: 'http://localhost:3000/api/auth/callback',
      jwtSecret: 'secret',
      pipedriveOAuthUrl: 'https://oauth.pipedrive.com',
      databaseUrl: `file:${join(dir, 'caller.sqlite')}`,
      redisUrl: null,
      sandboxMode: false,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('generates the session secret once outside production and keeps it', () => {
    const dir = dataDir();
    const first = parseConfig({ ...base }, { dataDir: dir });
    expect(first.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(dir, 'session-secret'), 'utf8')).toBe(first.sessionSecret);
    expect(parseConfig({ ...base }, { dataDir: dir }).sessionSecret).toBe(first.sessionSecret);
  });

  it('derives APP_URL from PORT and REDIRECT_URL from APP_URL', () => {
    const config = parseConfig({ ...base, PORT: '4000', JWT_SECRET: 'jwt' }, { dataDir: dataDir() });
    expect(config.appUrl).toBe('http://localhost:4000');
    expect(config.jwtSecret).toBe('jwt');
    const withUrl = parseConfig({ ...base, APP_URL: 'https://caller.example.com/' }, { dataDir: dataDir() });
    expect(withUrl.redirectUrl).toBe('https://caller.example.com/api/auth/callback');
    expect(withUrl.appOrigin).toBe('https://caller.example.com');
  });

  it('lists every invalid variable at once', () => {
    const error = (() => {
      try {
        parseConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', APP_URL: 'not a url', LOG_LEVEL: 'loud' }, { dataDir: dataDir() });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'DATABASE_URL', 'APP_URL', 'LOG_LEVEL', 'CLIENT_ID', 'CLIENT_SECRET']) expect(problems).toContain(name);
  });

  it('requires the client credentials and, in production outside sandbox mode, SESSION_SECRET', () => {
    expect(() => parseConfig({}, { dataDir: dataDir() })).toThrow(/CLIENT_ID[\s\S]*CLIENT_SECRET/);
    expect(() => parseConfig({ ...base, NODE_ENV: 'production' }, { dataDir: dataDir() })).toThrow(/SESSION_SECRET/);
    expect(parseConfig({ ...base, NODE_ENV: 'production', SANDBOX_MODE: '1' }, { dataDir: dataDir() }).sandboxMode).toBe(true);
    expect(() => parseConfig({ ...base, SESSION_SECRET: 'short' }, { dataDir: dataDir() })).toThrow(/SESSION_SECRET/);
  });

  it('reads the scale-out switches: Redis channel prefix and Socket.IO transports', () => {
    const defaults = parseConfig({ ...base }, { dataDir: dataDir() });
    expect(defaults).toMatchObject({ redisPrefix: 'caller', socketTransports: 'polling,websocket' });
    const set = parseConfig({ ...base, REDIS_PREFIX: 'stack-7:', SOCKET_TRANSPORTS: 'websocket' }, { dataDir: dataDir() });
    expect(set).toMatchObject({ redisPrefix: 'stack-7:', socketTransports: 'websocket' });
    expect(() => parseConfig({ ...base, REDIS_PREFIX: 'has space' }, { dataDir: dataDir() })).toThrow(/REDIS_PREFIX/);
    expect(() => parseConfig({ ...base, SOCKET_TRANSPORTS: 'polling' }, { dataDir: dataDir() })).toThrow(/SOCKET_TRANSPORTS/);
  });

  it('reads the silence window of live SIP calls: 30 s by default, never below the windows\' 10 s reports', () => {
    expect(parseConfig({ ...base }, { dataDir: dataDir() }).sipSilentCallMs).toBe(30_000);
    expect(parseConfig({ ...base, SIP_SILENT_CALL_MS: '15000' }, { dataDir: dataDir() }).sipSilentCallMs).toBe(15_000);
    expect(() => parseConfig({ ...base, SIP_SILENT_CALL_MS: '10000' }, { dataDir: dataDir() })).toThrow(/SIP_SILENT_CALL_MS/);
    expect(() => parseConfig({ ...base, SIP_SILENT_CALL_MS: '30s' }, { dataDir: dataDir() })).toThrow(/SIP_SILENT_CALL_MS/);
  });

  it('reads the wrap-up grace period: 5 minutes by default, in whole seconds', () => {
    expect(parseConfig({ ...base }, { dataDir: dataDir() }).wrapUpGracePeriodMs).toBe(300_000);
    expect(parseConfig({ ...base, WRAP_UP_GRACE_SECONDS: '10' }, { dataDir: dataDir() }).wrapUpGracePeriodMs).toBe(10_000);
    expect(() => parseConfig({ ...base, WRAP_UP_GRACE_SECONDS: '2' }, { dataDir: dataDir() })).toThrow(/WRAP_UP_GRACE_SECONDS/);
  });
});
