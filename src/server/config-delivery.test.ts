import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';

const dataDir = () => mkdtempSync(join(tmpdir(), 'caller-config-'));
const base = { CLIENT_ID: 'id', CLIENT_SECRET: 'secret' };

describe('parseConfig: Pipedrive timeout and outbox retries', () => {
  it('defaults to a 15 s Pipedrive timeout and a 2 s first retry', () => {
    expect(parseConfig({ ...base }, { dataDir: dataDir() })).toMatchObject({ pipedriveTimeoutMs: 15_000, outboxRetryBaseMs: 2_000 });
  });

  it('takes PIPEDRIVE_TIMEOUT_MS and OUTBOX_RETRY_BASE_MS in milliseconds', () => {
    const config = parseConfig({ ...base, PIPEDRIVE_TIMEOUT_MS: '800', OUTBOX_RETRY_BASE_MS: '50' }, { dataDir: dataDir() });
    expect(config).toMatchObject({ pipedriveTimeoutMs: 800, outboxRetryBaseMs: 50 });
  });

  it.each([
    ['PIPEDRIVE_TIMEOUT_MS', 'soon'],
    ['PIPEDRIVE_TIMEOUT_MS', '5'],
    ['PIPEDRIVE_TIMEOUT_MS', '-1'],
    ['OUTBOX_RETRY_BASE_MS', '1.5'],
    ['OUTBOX_RETRY_BASE_MS', '0'],
  ])('rejects %s=%s', (name, value) => {
    expect(() => parseConfig({ ...base, [name]: value }, { dataDir: dataDir() })).toThrow(ConfigError);
    expect(() => parseConfig({ ...base, [name]: value }, { dataDir: dataDir() })).toThrow(name);
  });
});
