/**
 * Token lifecycle against the real sandbox (refresh-token rotation on):
 * - two token managers standing for two app instances (separate connections and repositories,
 *   one database: a SQLite file, then a PostgreSQL schema) refresh exactly once between them;
 * - a revoked grant disconnects the account and deletes its tokens;
 * - through the running app: routes answer 401/403 JSON, `POST /api/auth/disconnect` revokes and
 *   deletes (also when the revocation fails), the uninstall notice deletes the tokens, and the
 *   window offers "Reconnect Pipedrive".
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axios from 'axios';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/src/index';
import { createAccountRepository, type AccountRepository } from '@/adapters/db/account-repository';
import { openDatabase, type Database } from '@/adapters/db/database';
import { createOAuthClient, type OAuthClient } from '@/adapters/pipedrive/oauth-client';
import { AccountUnavailableError } from '@/adapters/pipedrive/pipedrive-error';
import { createTokenManager, type TokenManager } from '@/adapters/pipedrive/token-manager';
import { createTokenCipher } from '@/adapters/session/token-cipher';
import { dropPostgresSchema } from '../support/database-engine';
import { POSTGRES_UNREACHABLE, POSTGRES_URL, isPostgresReachable } from '../support/postgres';
import { waitFor } from '../support/wait';
import {
  SESSION_SECRET,
  findSetCookie,
  installAndOpenWindow,
  openWindow,
  sandboxControl,
  signWindowToken,
  startHarness,
  type Harness,
} from './helpers/app-harness';

const CLIENT = { clientId: 'lifecycle-client', clientSecret: 'lifecycle-client-secret-0123456789' };
const REDIRECT_URI = 'http://127.0.0.1:9/api/auth/callback';
const CIPHER_SECRET = 'token-lifecycle-session-secret-0123456789';
const CONCURRENT_REFRESHES = 20;

interface Instance {
  database: Database;
  accounts: AccountRepository;
  tokens: TokenManager;
}

/** Runs the consent page as the user would and exchanges the code: a real grant from the sandbox. */
async function installGrant(sandbox: RunningSandbox, oauth: OAuthClient, userId: number) {
  const consentPage = await (await fetch(oauth.authorizeUrl('state-1'))).text();
  const consentId = /name="consent_id" value="([^"]+)"/.exec(consentPage)?.[1];
  if (!consentId) throw new Error(`no consent form:\n${consentPage.slice(0, 300)}`);
  const answer = await fetch(`${sandbox.url}/oauth/authorize`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ consent_id: consentId, user_id: String(userId), decision: 'allow' }).toString(),
  });
  const code = new URL(answer.headers.get('location') ?? 'http://invalid/').searchParams.get('code');
  if (!code) throw new Error(`consent answered ${answer.status} without a code`);
  return oauth.exchangeCode(code);
}

/** A sandbox test control (`/__sandbox/*`). */
async function control(sandbox: RunningSandbox, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${sandbox.url}/__sandbox/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`sandbox control ${path} answered ${response.status}: ${await response.text()}`);
}

/** Whether Pipedrive (the sandbox) accepts this access token. */
async function works(sandbox: RunningSandbox, accessToken: string): Promise<boolean> {
  const response = await fetch(`${sandbox.url}/api/v1/users/me`, { headers: { authorization: `Bearer ${accessToken}` } });
  return response.status === 200;
}

function describeTwoInstances(engine: string, open: () => Promise<{ openConnection(): Database; cleanup(): Promise<void> }>) {
  describe(`two app instances on ${engine}`, () => {
    let sandbox: RunningSandbox;
    let tokenRequests = 0;
    let instances: [Instance, Instance];
    let cleanup: () => Promise<void>;
    const oauth = () =>
      createOAuthClient({ oauthUrl: sandbox.url, ...CLIENT, redirectUri: REDIRECT_URI, http: axios.create({ timeout: 10_000 }) });

    beforeAll(async () => {
      sandbox = await startSandbox({
        port: 0,
        testControls: true,
        rotateRefreshTokens: true,
        app: { ...CLIENT, redirectUri: REDIRECT_URI, floatingWindowUrl: 'http://127.0.0.1:9/' },
        // The access log is where requests that reached /oauth/token are counted.
        logger: (line) => {
          if (line.startsWith('POST /oauth/token ')) tokenRequests += 1;
        },
      });
      const opened = await open();
      cleanup = opened.cleanup;
      const instance = (name: string): Instance => {
        const database = opened.openConnection();
        const accounts = createAccountRepository(database.db, database.tables, createTokenCipher(CIPHER_SECRET));
        const tokens = createTokenManager({ accounts, oauth: oauth(), logger: pino({ level: 'silent' }), instanceId: name, lease: { pollMs: 20 } });
        return { database, accounts, tokens };
      };
      instances = [instance('instance-a'), instance('instance-b')];
      await instances[0].database.migrate();
      await instances[1].database.migrate();
    });

    afterAll(async () => {
      for (const instance of instances ?? []) await instance.database.close();
      await cleanup?.();
      await sandbox?.close();
    });

    async function install(userId: number) {
      const grant = await installGrant(sandbox, oauth(), userId);
      const companyId = sandbox.context.store.company.id;
      await instances[0].accounts.install({
        companyId,
        userId,
        name: 'Agent',
        email: 'agent@example.test',
        companyName: 'Sandbox',
        apiDomain: grant.apiDomain,
        scopes: grant.scopes,
        tokens: { accessToken: grant.accessToken, refreshToken: grant.refreshToken, accessTokenExpiresAt: grant.accessTokenExpiresAt },
      });
      return { key: { companyId, userId }, grant };
    }

    it(`${CONCURRENT_REFRESHES} concurrent forced refreshes across both instances reach /oauth/token once; every caller gets a working token`, async () => {
      const userId = sandbox.context.store.listUsers()[0]!.id;
      const { key, grant } = await install(userId);
      // Pipedrive answered 401 to the current token everywhere at once; the refresh is slow, so
      // the other instance is certainly waiting while it runs.
      await control(sandbox, 'faults', { kind: 'latency', method: 'POST', path: '/oauth/token', latencyMs: 300, count: 1 });
      tokenRequests = 0;
      const results = await Promise.all(
        Array.from({ length: CONCURRENT_REFRESHES }, (_, index) =>
          instances[index % 2]!.tokens.getAccess(key, { forceRefresh: true, rejectedToken: grant.accessToken }),
        ),
      );

      expect(tokenRequests).toBe(1);
      const distinct = [...new Set(results.map((result) => result.accessToken))];
      expect(distinct).toHaveLength(1);
      expect(distinct[0]).not.toBe(grant.accessToken);
      expect(await works(sandbox, distinct[0]!)).toBe(true);

      // The rotated refresh token was stored (the old one is dead) and keeps the account working.
      const stored = await instances[1].accounts.findWithTokens(key);
      expect(stored).toMatchObject({ status: 'connected', tokenVersion: 2 });
      expect(stored?.tokens?.refreshToken).not.toBe(grant.refreshToken);
      await expect(oauth().refresh(grant.refreshToken)).rejects.toMatchObject({ code: 'invalid_grant' });
      const again = await instances[1].tokens.getAccess(key, { forceRefresh: true, rejectedToken: distinct[0] });
      expect(await works(sandbox, again.accessToken)).toBe(true);
      expect((await instances[0].accounts.find(key))?.status).toBe('connected');
    });

    it('a revoked grant disconnects the account and deletes its tokens, seen by both instances', async () => {
      const userId = sandbox.context.store.listUsers()[1]!.id;
      const { key, grant } = await install(userId);
      await control(sandbox, 'revoke', { userId, notify: false });
      const outcomes = await Promise.allSettled(
        instances.map((instance) => instance.tokens.getAccess(key, { forceRefresh: true, rejectedToken: grant.accessToken })),
      );
      for (const outcome of outcomes) {
        expect(outcome.status).toBe('rejected');
        expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(AccountUnavailableError);
      }
      const stored = await instances[0].accounts.findWithTokens(key);
      expect(stored).toMatchObject({ status: 'disconnected', tokens: null });
      const { accounts: table } = instances[0].database.tables;
      const rows = await instances[0].database.db.select().from(table);
      const row = rows.find((candidate) => candidate.userId === userId);
      expect(row).toMatchObject({ accessTokenEncrypted: null, refreshTokenEncrypted: null, refreshLockOwner: null });
    });
  });
}

describeTwoInstances('one SQLite file', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'caller-lifecycle-')), 'caller.sqlite');
  return { openConnection: () => openDatabase(`file:${file}`), cleanup: async () => undefined };
});

describeTwoInstances('PostgreSQL', async () => {
  if (!(await isPostgresReachable())) throw new Error(POSTGRES_UNREACHABLE);
  const schema = `caller_lifecycle_${randomBytes(6).toString('hex')}`;
  return {
    openConnection: () => openDatabase(`${POSTGRES_URL}?schema=${schema}`),
    cleanup: () => dropPostgresSchema(schema),
  };
});

describe('through the running app', () => {
  let harness: Harness;
  let companyId: number;

  beforeAll(async () => {
    harness = await startHarness();
    companyId = harness.companyId;
  }, 300_000);
  afterAll(async () => {
    if (process.env.DEBUG_APP_OUTPUT) console.log(harness?.app.output());
    await harness?.close();
  });

  const api = (path: string, init: RequestInit = {}) => fetch(`${harness.appUrl}${path}`, { redirect: 'manual', ...init });
  const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;
  const disconnect = (cookie: string | null, origin: string | null = harness.appUrl) =>
    api('/api/auth/disconnect', {
      method: 'POST',
      headers: { ...(cookie ? { cookie } : {}), ...(origin ? { origin } : {}), 'content-type': 'application/json' },
      body: '{}',
    });

  async function stored(userId: number) {
    const database = openDatabase(harness.databaseUrl);
    try {
      return await createAccountRepository(database.db, database.tables, createTokenCipher(SESSION_SECRET)).findWithTokens({ companyId, userId });
    } finally {
      await database.close();
    }
  }

  async function expectReconnectWindow(userId: number) {
    const { props, html } = await openWindow(harness, { token: await signWindowToken({ userId, companyId }) });
    expect(props).toEqual({ view: 'install', installUrl: '/api/auth/login', reason: 'disconnected' });
    expect(html).toContain('Reconnect Pipedrive</a>');
  }

  it('a revoked grant: routes answer 403 JSON (401 without a session), the account is disconnected without tokens, the window offers to reconnect', async () => {
    const userId = harness.userIds[0]!;
    const cookie = await installAndOpenWindow(harness, userId);
    await sandboxControl(harness, 'revoke', { userId, notify: false });
    await sandboxControl(harness, 'expire-tokens', {});

    const contacts = await api('/api/contacts?limit=5', { headers: { cookie } });
    expect(contacts.status).toBe(403);
    expect(contacts.headers.get('content-type')).toContain('application/json');
    expect(await errorOf(contacts)).toMatchObject({ code: 'ACCOUNT_DISCONNECTED' });
    expect(await stored(userId)).toMatchObject({ status: 'disconnected', tokens: null });
    for (const path of ['/api/me', '/api/contacts/search?term=Harriet', '/api/settings', '/api/calls/history']) {
      const response = await api(path, { headers: { cookie } });
      expect({ path, status: response.status }).toEqual({ path, status: 403 });
      expect((await errorOf(response)).code).toBe('ACCOUNT_DISCONNECTED');
    }
    const anonymous = await api('/api/contacts?limit=5');
    expect(anonymous.status).toBe(401);
    expect((await errorOf(anonymous)).code).toBe('SESSION_REQUIRED');
    await expectReconnectWindow(userId);
  });

  it('POST /api/auth/disconnect revokes the grant at Pipedrive, deletes the tokens and ends the session', async () => {
    const userId = harness.userIds[1]!;
    const cookie = await installAndOpenWindow(harness, userId);
    expect((await disconnect(null)).status).toBe(401);
    const crossSite = await disconnect(cookie, harness.sandbox.url);
    expect(crossSite.status).toBe(403);
    expect((await errorOf(crossSite)).code).toBe('CROSS_ORIGIN_REQUEST');
    expect((await api('/api/auth/disconnect', { headers: { cookie } })).status).toBe(405);
    expect(harness.sandbox.context.isAppInstalled(userId)).toBe(true);

    const response = await disconnect(cookie);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ disconnected: true, revokedAtPipedrive: true });
    expect(findSetCookie(response, 'caller_session')).toMatch(/Max-Age=0/);
    expect(harness.sandbox.context.isAppInstalled(userId)).toBe(false);
    expect(await stored(userId)).toMatchObject({ status: 'disconnected', tokens: null });
    expect((await api('/api/me', { headers: { cookie } })).status).toBe(403);
    await expectReconnectWindow(userId);
  });

  it('POST /api/auth/disconnect deletes the tokens even when Pipedrive fails the revocation, and says so', async () => {
    const userId = harness.userIds[2]!;
    const cookie = await installAndOpenWindow(harness, userId);
    await sandboxControl(harness, 'faults', { kind: 'error', method: 'POST', path: '/oauth/revoke', status: 503, count: 1 });
    const response = await disconnect(cookie);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { revokedAtPipedrive: boolean; message: string };
    expect(body).toMatchObject({ disconnected: true, revokedAtPipedrive: false });
    expect(body.message).toContain('did not confirm');
    expect(await stored(userId)).toMatchObject({ status: 'disconnected', tokens: null });
    await waitFor(() => harness.app.output(), (output) => output.includes('Pipedrive did not confirm the token revocation'), 'the revoke failure in the log', 5_000);
  });

  it('the uninstall notice (DELETE /api/auth/callback) deletes the tokens', async () => {
    const userId = harness.userIds[3]!;
    await installAndOpenWindow(harness, userId);
    expect((await stored(userId))?.tokens).not.toBeNull();
    await sandboxControl(harness, 'revoke', { userId, notify: true });
    await waitFor(async () => (await stored(userId))?.status, (status) => status === 'disconnected', 'the uninstall notice to be handled', 10_000);
    expect(await stored(userId)).toMatchObject({ status: 'disconnected', tokens: null });
    await expectReconnectWindow(userId);
  });
});
